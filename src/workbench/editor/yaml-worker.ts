/**
 * Starting monaco-yaml's worker on Monaco 0.53+.
 *
 * monaco-yaml 5.5 (through monaco-worker-manager) calls `editor.createWebWorker({ moduleId, label,
 * createData })`, the pre-0.53 signature. Monaco 0.53+ expects `{ worker }` instead; given the old
 * options it fails to start a worker, quietly falls back to an in-thread worker that knows no YAML,
 * and validation, completion and hover do nothing. `withYamlWorker` hands monaco-yaml a Monaco whose
 * `createWebWorker` starts our bundled YAML worker and then forwards the call in the new shape.
 */
import type * as Monaco from 'monaco-editor/editor';
import YamlWorker from './yaml.worker?worker';

type MonacoApi = typeof Monaco;

/** The `source` yaml-language-server gives problems found by the JSON schema (not YAML syntax). */
const SCHEMA_SOURCE = 'yaml-schema';

/** What monaco-worker-manager passes (Monaco's old `IWebWorkerOptions`). */
interface LegacyWorkerOptions {
  moduleId?: string;
  label?: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

/**
 * A YAML worker, initialised the way Monaco's own language workers are: the worker's `initialize`
 * waits for one message, then reads the language options from the next, then speaks Monaco's protocol.
 */
export function startYamlWorker(createData: unknown): Worker {
  const worker = new YamlWorker();
  worker.postMessage('ignore');
  worker.postMessage(createData);
  return worker;
}

export function withYamlWorker(monaco: MonacoApi): MonacoApi {
  const createWebWorker = <T extends object>(opts: LegacyWorkerOptions): Monaco.editor.MonacoWebWorker<T> =>
    monaco.editor.createWebWorker<T>({
      worker: startYamlWorker(opts.createData),
      ...(opts.host ? { host: opts.host } : {}),
      keepIdleModels: opts.keepIdleModels ?? false,
    });
  const setModelMarkers = (
    model: Monaco.editor.ITextModel,
    owner: string,
    markers: Monaco.editor.IMarkerData[],
  ): void =>
    monaco.editor.setModelMarkers(
      model,
      owner,
      markers.map((m) =>
        m.source?.startsWith(SCHEMA_SOURCE) && m.severity === monaco.MarkerSeverity.Warning
          ? { ...m, severity: monaco.MarkerSeverity.Error }
          : m,
      ),
    );
  return { ...monaco, editor: { ...monaco.editor, createWebWorker, setModelMarkers } } as MonacoApi;
}
