/** `kubectl set image` (§5.7): SMP of the pod template's containers, manager kubectl-set. */
import type { JsonObject, KubeObject } from '../../api/types';
import { apiVersionOf } from '../../api/resources';
import { createTwoWayMergePatch } from '../../api/patch';
import { kindSchema, typeSchema } from '../../api/schema';
import type { RunContext } from '../commands/types';
import { KubectlError, printError } from '../errors';
import { objectName, parseResourceArgs } from '../resolve';
import { formatObjects, parseOutput } from '../printers/output';
import { changeCause, deepCopy, dryRunOf, dryRunSuffix } from './common';

interface Container {
  name: string;
  image?: string;
}

function containersOf(obj: KubeObject): Container[] | undefined {
  const spec = obj.spec as { containers?: Container[]; template?: { spec?: { containers?: Container[] } } };
  if (obj.kind === 'Pod') return spec?.containers;
  return spec?.template?.spec?.containers;
}

export async function runSetImage(ctx: RunContext): Promise<number> {
  const { env, io, flags } = ctx;
  const pairs = flags.args.filter((a) => a.includes('='));
  const words = flags.args.filter((a) => !a.includes('='));
  const refs = parseResourceArgs(words);
  if (refs.length === 0) {
    throw new KubectlError(
      'one or more resources must be specified as <resource> <name> or <resource>/<name>',
    );
  }
  // Like kubectl's Complete: fetch every object first; any failure stops before the update check.
  const targets: Array<{ ref: (typeof refs)[number]; live: KubeObject }> = [];
  const errors: unknown[] = [];
  for (const ref of refs) {
    const ns = ref.resource.namespaced ? ctx.namespace : undefined;
    if (ref.name === undefined) {
      const items = env.api.list(ref.resource.plural, ns, {
        labelSelector: flags.string('selector') || undefined,
      }).items;
      for (const live of items) targets.push({ ref, live });
      continue;
    }
    try {
      targets.push({ ref, live: env.api.get(ref.resource.plural, ns, ref.name) });
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) {
    for (const e of errors) printError(io.stderr, e);
    return 1;
  }
  if (pairs.length === 0) throw new KubectlError('at least one image update is required');
  const dry = dryRunOf(flags);
  const output = flags.string('output');
  const format = output ? parseOutput(output, false) : undefined;
  let rc = 0;
  {
    for (const { ref, live } of targets) {
      const ns = live.metadata.namespace;
      const name = live.metadata.name ?? '';
      try {
        const modified = deepCopy(live);
        const containers = containersOf(modified);
        if (!containers) {
          throw new KubectlError(
            `${ref.resource.plural}/${name} the object is not a pod or does not have a pod template: *v1.${live.kind}`,
          );
        }
        const missing: string[] = [];
        for (const p of pairs) {
          const eq = p.indexOf('=');
          const cname = p.slice(0, eq);
          const image = p.slice(eq + 1);
          const hits = cname === '*' ? containers : containers.filter((c) => c.name === cname);
          if (hits.length === 0) missing.push(cname);
          for (const c of hits) c.image = image;
        }
        if (flags.bool('record')) {
          modified.metadata.annotations = {
            ...modified.metadata.annotations,
            'kubernetes.io/change-cause': changeCause(ctx),
          };
        }
        const typeName = kindSchema(apiVersionOf(ref.resource), ref.resource.kind)?.type;
        const patch = createTwoWayMergePatch(
          live as unknown as JsonObject,
          modified as unknown as JsonObject,
          typeName,
          typeSchema,
        );
        if (Object.keys(patch).length) {
          const out =
            dry === 'client'
              ? modified
              : env.api.patch(ref.resource.plural, ns, name, patch, 'strategic', {
                  fieldManager: 'kubectl-set',
                  dryRun: dry === 'server',
                  fieldValidation: 'Warn',
                });
          io.stdout.write(
            format
              ? formatObjects(format, [out], true)
              : `${objectName(ref.resource, name)} image updated${dryRunSuffix(dry)}\n`,
          );
        }
        for (const m of missing) {
          printError(io.stderr, new KubectlError(`unable to find container named "${m}"`));
          rc = 1;
        }
      } catch (e) {
        printError(io.stderr, e);
        rc = 1;
      }
    }
  }
  return rc;
}
