/** `kubectl scale` (§5.10): merge patch on the scale subresource. */
import type { RunContext } from '../commands/types';
import { KubectlError, isNotFound, printError } from '../errors';
import { objectName, parseResourceArgs, type ResourceRef } from '../resolve';
import { readManifests } from '../manifests';
import { StatusError } from '../../api/errors';
import { changeCause, dryRunOf, dryRunSuffix } from './common';

export async function runScale(ctx: RunContext): Promise<number> {
  const { env, io, flags } = ctx;
  const replicas = flags.int('replicas');
  if (replicas < 0) {
    throw new KubectlError(
      'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    );
  }
  const dry = dryRunOf(flags);
  const files = flags.list('filename');
  let refs: ResourceRef[];
  if (files.length) {
    const infos = await readManifests(io, {
      paths: files,
      namespace: ctx.namespace,
      enforceNamespace: ctx.namespaceSet,
      validate: false,
    });
    refs = infos.map((i) => ({ resource: i.resource, name: i.name }));
  } else refs = parseResourceArgs(flags.args);
  const selector = flags.string('selector');
  const expanded: Array<{ ref: ResourceRef; name: string }> = [];
  for (const ref of refs) {
    if (ref.name !== undefined) expanded.push({ ref, name: ref.name });
    else if (selector || flags.bool('all')) {
      for (const o of env.api.list(ref.resource.plural, ctx.namespace, {
        labelSelector: selector || undefined,
      }).items) {
        expanded.push({ ref, name: o.metadata.name ?? '' });
      }
    } else throw new KubectlError('resource(s) were provided, but no name was specified');
  }
  if (expanded.length === 0) throw new KubectlError('no objects passed to scale');
  const current = flags.int('current-replicas');
  let ok = true;
  for (const { ref, name } of expanded) {
    const ns = ref.resource.namespaced ? ctx.namespace : undefined;
    try {
      if (flags.changed('current-replicas') && current >= 0) {
        const scale = env.api.getScale(ref.resource.plural, ns, name);
        const have = (scale.spec as { replicas?: number }).replicas ?? 0;
        if (have !== current) throw new KubectlError(`Expected replicas to be ${current}, was ${have}`);
      }
      if (dry !== 'client') {
        env.api.patchScale(ref.resource.plural, ns, name, { spec: { replicas } }, 'merge', {
          dryRun: dry === 'server',
          // kubectl scale names no field manager: the server takes it from the user agent (`kubectl`).
          userAgent: 'kubectl/v1.32.0',
        });
        if (flags.bool('record') && dry === 'none') {
          env.api.patch(
            ref.resource.plural,
            ns,
            name,
            { metadata: { annotations: { 'kubernetes.io/change-cause': changeCause(ctx) } } },
            'merge',
            { fieldManager: 'kubectl-scale' },
          );
        }
      } else env.api.get(ref.resource.plural, ns, name);
      io.stdout.write(`${objectName(ref.resource, name)} scaled${dryRunSuffix(dry)}\n`);
    } catch (e) {
      if (isNotFound(e) && e instanceof StatusError && ref.resource.subresources.includes('scale')) {
        printError(io.stderr, new KubectlError(`no objects passed to scale ${e.status.message ?? ''}`));
      } else if (isNotFound(e) && e instanceof StatusError && !ref.resource.subresources.includes('scale')) {
        printError(
          io.stderr,
          new StatusError({ ...e.status, message: 'the server could not find the requested resource' }),
        );
      } else printError(io.stderr, e);
      ok = false;
    }
  }
  return ok ? 0 : 1;
}
