/**
 * `kubectl diff -f FILE` (kubectl pkg/cmd/diff): for each object, the live state and what
 * `kubectl apply` would make of it (a server-side dry run), printed as YAML and compared with
 * `diff -u -N`. Exit 0: no differences; 1: differences; more: an error.
 */
import type { KubeObject } from '../../api/types';
import type { RunContext } from '../commands/types';
import { isNotFound, printErrors } from '../errors';
import type { ManifestInfo } from '../manifests';
import { toYaml } from '../printers/yaml';
import { unifiedHunks } from '../printers/unified-diff';
import { apiVersionOf } from '../../api/resources';
import { LAST_APPLIED } from './create';
import { applyCreateBody, applyPatch } from './apply';
import { deepCopy, fieldValidationOf, manifestsOf } from './common';

/** The object as the diff shows it: no managedFields. */
function shown(obj: KubeObject | undefined): string {
  if (!obj) return '';
  const copy = deepCopy(obj);
  delete copy.metadata.managedFields;
  return toYaml(copy);
}

/** `2026-01-01 09:00:00.000000000 +0000`: diff's timestamp format, from the virtual clock. */
function stamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000000 +0000`;
}

/** The file name kubectl gives each side: `apps.v1.Deployment.default.kubia`. */
function fileName(info: ManifestInfo): string {
  const gv = apiVersionOf(info.resource).replace('/', '.');
  return [gv, info.resource.kind, ...(info.resource.namespaced ? [info.namespace] : []), info.name].join('.');
}

function merged(ctx: RunContext, info: ManifestInfo, live: KubeObject | undefined): KubeObject {
  const { api } = ctx.env;
  const ns = info.resource.namespaced ? info.namespace : undefined;
  const opts = {
    dryRun: true,
    fieldManager: 'kubectl-client-side-apply',
    fieldValidation: fieldValidationOf(ctx.flags),
  };
  if (!live) return api.create(applyCreateBody(ctx, info), opts);
  const patch = applyPatch(ctx, info, live);
  const out =
    Object.keys(patch).length === 0
      ? live
      : api.patch(info.resource.plural, ns, info.name, patch, 'strategic', opts);
  // The diff leaves the last-applied annotation as it is live: only the configuration is compared.
  const copy = deepCopy(out);
  const lastLive = live.metadata.annotations?.[LAST_APPLIED];
  if (lastLive !== undefined && copy.metadata.annotations) copy.metadata.annotations[LAST_APPLIED] = lastLive;
  return copy;
}

export async function runDiff(ctx: RunContext): Promise<number> {
  const { env, io } = ctx;
  const infos = await manifestsOf(ctx);
  const now = env.clock.now();
  // Two temporary directories, named like Go's os.MkdirTemp does (a number per run).
  const liveDir = `/tmp/LIVE-${(now * 7919) % 4294967291}`;
  const mergedDir = `/tmp/MERGED-${(now * 104729) % 4294967291}`;
  const errors: unknown[] = [];
  let differ = false;
  for (const info of infos) {
    const ns = info.resource.namespaced ? info.namespace : undefined;
    let live: KubeObject | undefined;
    try {
      live = env.api.get(info.resource.plural, ns, info.name);
    } catch (e) {
      if (!isNotFound(e)) {
        errors.push(e);
        continue;
      }
    }
    let after: KubeObject;
    try {
      after = merged(ctx, info, live);
    } catch (e) {
      errors.push(e);
      continue;
    }
    const hunks = unifiedHunks(shown(live), shown(after));
    if (!hunks) continue;
    differ = true;
    const name = fileName(info);
    io.stdout.write(
      `diff -u -N ${liveDir}/${name} ${mergedDir}/${name}\n` +
        `--- ${liveDir}/${name}\t${stamp(now)}\n` +
        `+++ ${mergedDir}/${name}\t${stamp(now)}\n` +
        hunks,
    );
  }
  if (errors.length) {
    printErrors(io.stderr, errors);
    return 1;
  }
  return differ ? 1 : 0;
}
