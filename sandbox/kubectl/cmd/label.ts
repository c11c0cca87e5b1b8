/** `kubectl label` / `kubectl annotate` (§5.11): merge patch on metadata.labels|annotations. */
import type { KubeObject } from '../../api/types';
import type { RunContext } from '../commands/types';
import { KubectlError } from '../errors';
import { objectName, parseResourceArgs, type ResourceRef } from '../resolve';
import { formatObjects, parseOutput } from '../printers/output';
import { changeCause, dryRunOf, dryRunSuffix } from './common';

type Mode = 'label' | 'annotate';

function splitArgs(args: string[]): { resources: string[]; set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const resources: string[] = [];
  for (const a of args) {
    if (a.includes('=')) {
      const eq = a.indexOf('=');
      set.set(a.slice(0, eq), a.slice(eq + 1));
    } else if (a.endsWith('-') && resources.length > 0) remove.push(a.slice(0, -1));
    else resources.push(a);
  }
  return { resources, set, remove };
}

export function runLabelOrAnnotate(mode: Mode): (ctx: RunContext) => Promise<number> {
  return async (ctx) => {
    const { env, io, flags } = ctx;
    const field = mode === 'label' ? 'labels' : 'annotations';
    const { resources, set, remove } = splitArgs(flags.args);
    const cause = flags.bool('record') ? changeCause(ctx) : undefined;
    if (cause && mode === 'annotate') set.set('kubernetes.io/change-cause', cause);
    if (set.size === 0 && remove.length === 0 && !flags.bool('list')) {
      throw new KubectlError(`at least one ${mode === 'label' ? 'label' : 'annotation'} update is required`);
    }
    const dry = dryRunOf(flags);
    const output = flags.string('output');
    const format = output ? parseOutput(output, false) : undefined;
    const selector = flags.string('selector');
    const targets: Array<{ ref: ResourceRef; obj: KubeObject }> = [];
    const refs = parseResourceArgs(resources);
    for (const ref of refs) {
      const ns = ref.resource.namespaced ? ctx.namespace : undefined;
      if (ref.name !== undefined) targets.push({ ref, obj: env.api.get(ref.resource.plural, ns, ref.name) });
      else if (selector || flags.bool('all')) {
        for (const obj of env.api.list(ref.resource.plural, ns, { labelSelector: selector || undefined })
          .items) {
          targets.push({ ref, obj });
        }
      } else throw new KubectlError('resource(s) were provided, but no name was specified');
    }
    for (const { ref, obj } of targets) {
      const current = (obj.metadata[field] as Record<string, string> | undefined) ?? {};
      if (flags.bool('list')) {
        for (const [k, v] of Object.entries(current)) io.stdout.write(`${k}=${v}\n`);
        continue;
      }
      if (!flags.bool('overwrite')) {
        const clashes = [...set].filter(([k, v]) => k in current && current[k] !== v);
        if (clashes.length) {
          if (mode === 'label') {
            const [k] = clashes[0];
            throw new KubectlError(`'${k}' already has a value (${current[k]}), and --overwrite is false`);
          }
          const list = clashes.map(([k]) => `'${k}' already has a value (${current[k]})`).join('; ');
          throw new KubectlError(
            `--overwrite is false but found the following declared annotation(s): ${list}`,
          );
        }
      }
      const patch: Record<string, string | null> = {};
      for (const [k, v] of set) patch[k] = v;
      for (const k of remove) {
        if (!(k in current))
          io.stdout.write(`${mode === 'label' ? 'label' : 'annotation'} "${k}" not found.\n`);
        patch[k] = null;
      }
      const ns = obj.metadata.namespace;
      const name = obj.metadata.name ?? '';
      const changed = [...set].some(([k, v]) => current[k] !== v) || remove.some((k) => k in current);
      let result = obj;
      if (dry !== 'client' && changed) {
        const metadata: Record<string, unknown> = { [field]: patch };
        // --record on label writes the change-cause annotation in the same patch.
        if (cause && mode === 'label') metadata.annotations = { 'kubernetes.io/change-cause': cause };
        result = env.api.patch(ref.resource.plural, ns, name, { metadata }, 'merge', {
          fieldManager: mode === 'label' ? 'kubectl-label' : 'kubectl-annotate',
          dryRun: dry === 'server',
        });
      }
      if (format) {
        io.stdout.write(formatObjects(format, [result], true));
        continue;
      }
      let verb: string;
      if (mode === 'annotate') verb = 'annotated';
      else if (!changed) verb = 'not labeled';
      else {
        // kubectl compares the JSON of the object before and after: shorter without --overwrite is "unlabeled".
        const next: Record<string, string> = { ...current };
        for (const [k, v] of set) next[k] = v;
        for (const k of remove) delete next[k];
        const shorter = JSON.stringify(next).length < JSON.stringify(current).length;
        verb = !flags.bool('overwrite') && shorter ? 'unlabeled' : 'labeled';
      }
      io.stdout.write(`${objectName(ref.resource, name)} ${verb}${dryRunSuffix(dry)}\n`);
    }
    return 0;
  };
}
