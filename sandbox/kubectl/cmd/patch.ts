/** `kubectl patch` (§5.8): -p (JSON or YAML), --type strategic|merge|json; `patched (no change)`. */
import { parse as parseYaml } from 'yaml';
import type { KubeObject } from '../../api/types';
import type { RunContext } from '../commands/types';
import { KubectlError, printError } from '../errors';
import { formatObjects, parseOutput } from '../printers/output';
import { objectName, parseResourceArgs } from '../resolve';
import { deepEqualJson } from './equal';
import { YAML_OPTIONS } from '../manifests';
import { changeCause, dryRunOf, flushWarnings, writeOptions } from './common';

function patchBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    try {
      return parseYaml(text, YAML_OPTIONS) as unknown;
    } catch {
      return text;
    }
  }
}

export async function runPatch(ctx: RunContext): Promise<number> {
  const { env, io, flags } = ctx;
  let text = flags.string('patch');
  const file = flags.string('patch-file');
  if (file) text = io.fs.readFile(io.fs.resolve(io.cwd, file));
  if (!text)
    throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch');
  const type = flags.string('type') || 'strategic';
  if (type !== 'json' && type !== 'merge' && type !== 'strategic') {
    throw new KubectlError(`--type must be one of [json merge strategic], not "${type}"`);
  }
  const refs = parseResourceArgs(flags.args);
  if (refs.length === 0) {
    throw new KubectlError(
      `You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`,
    );
  }
  const dry = dryRunOf(flags);
  const output = flags.string('output');
  const format = output ? parseOutput(output, false) : undefined;
  let body = patchBody(text);
  let ok = true;
  for (const ref of refs) {
    if (ref.name === undefined)
      throw new KubectlError('resource(s) were provided, but no name was specified');
    const ns = ref.resource.namespaced ? ctx.namespace : undefined;
    const opts = writeOptions(ctx, 'kubectl-patch', { dryRun: dry === 'server', fieldValidation: 'Warn' });
    try {
      const before: KubeObject = env.api.get(ref.resource.plural, ns, ref.name);
      if (flags.bool('record') && type !== 'json' && body && typeof body === 'object') {
        const b = body as { metadata?: { annotations?: Record<string, string> } };
        body = {
          ...b,
          metadata: {
            ...b.metadata,
            annotations: { ...b.metadata?.annotations, 'kubernetes.io/change-cause': changeCause(ctx) },
          },
        };
      }
      const after =
        dry === 'client' ? before : env.api.patch(ref.resource.plural, ns, ref.name, body, type, opts);
      flushWarnings(ctx, opts);
      if (format) io.stdout.write(formatObjects(format, [after], true));
      else {
        const same = dry !== 'client' && deepEqualJson(before, after);
        io.stdout.write(`${objectName(ref.resource, ref.name)} patched${same ? ' (no change)' : ''}\n`);
      }
    } catch (e) {
      flushWarnings(ctx, opts);
      printError(io.stderr, e);
      ok = false;
    }
  }
  return ok ? 0 : 1;
}
