import { describe, expect, it, vi } from 'vitest';

// The bundled YAML worker, as a fake that records what the page posts to it.
const posted: unknown[][] = [];
vi.mock('../../../src/workbench/editor/yaml.worker?worker', () => ({
  default: class {
    readonly messages: unknown[] = [];
    constructor() {
      posted.push(this.messages);
    }
    postMessage(m: unknown): void {
      this.messages.push(m);
    }
  },
}));

const { withYamlWorker } = await import('../../../src/workbench/editor/yaml-worker');

const SEV_WARNING = 4;
const SEV_ERROR = 8;

function fakeMonaco() {
  const calls: { createWebWorker: unknown[]; setModelMarkers: unknown[][] } = {
    createWebWorker: [],
    setModelMarkers: [],
  };
  const monaco = {
    MarkerSeverity: { Hint: 1, Info: 2, Warning: SEV_WARNING, Error: SEV_ERROR },
    languages: { marker: 'languages' },
    editor: {
      createWebWorker: (opts: unknown) => {
        calls.createWebWorker.push(opts);
        return { proxy: true };
      },
      setModelMarkers: (...args: unknown[]) => void calls.setModelMarkers.push(args),
      create: 'kept',
    },
  };
  return { monaco, calls };
}

describe('monaco-yaml on Monaco 0.53+', () => {
  it("starts monaco-yaml's worker from its old-style options and hands Monaco a worker", () => {
    const { monaco, calls } = fakeMonaco();
    const adapted = withYamlWorker(monaco as never) as unknown as typeof monaco;
    const createData = { schemas: [{ uri: 'x', fileMatch: ['*.yaml'] }], validate: true };
    const host = { getSchema: () => undefined };
    const w = adapted.editor.createWebWorker({
      moduleId: 'monaco-yaml/yaml.worker',
      label: 'yaml',
      createData,
      host,
    });
    expect(w).toEqual({ proxy: true });
    expect(calls.createWebWorker).toHaveLength(1);
    const opts = calls.createWebWorker[0] as {
      worker: { messages: unknown[] };
      host: unknown;
      moduleId?: unknown;
    };
    // The worker's initialize waits for one message, then takes the language options from the next.
    expect(opts.worker.messages).toEqual(['ignore', createData]);
    expect(opts.host).toBe(host);
    expect(opts).not.toHaveProperty('moduleId');
    expect(posted).toHaveLength(1);
    // Everything else of Monaco is passed through untouched.
    expect(adapted.languages).toBe(monaco.languages);
    expect(adapted.editor.create).toBe('kept');
  });

  it('reports schema problems as errors (the server refuses them) and leaves YAML syntax problems alone', () => {
    const { monaco, calls } = fakeMonaco();
    const adapted = withYamlWorker(monaco as never) as unknown as typeof monaco;
    const model = { uri: 'file:///edits/1/x.yaml' };
    adapted.editor.setModelMarkers(model, 'yaml', [
      {
        message: 'Property replicaz is not allowed.',
        severity: SEV_WARNING,
        source: 'yaml-schema: Deployment (apps/v1)',
      },
      { message: 'Incorrect type.', severity: SEV_ERROR, source: 'yaml-schema: Deployment (apps/v1)' },
      { message: 'Map keys must be unique', severity: SEV_WARNING, source: 'YAML' },
    ]);
    const [[m, owner, markers]] = calls.setModelMarkers as [[unknown, string, { severity: number }[]]];
    expect(m).toBe(model);
    expect(owner).toBe('yaml');
    expect(markers.map((x) => x.severity)).toEqual([SEV_ERROR, SEV_ERROR, SEV_WARNING]);
  });
});
