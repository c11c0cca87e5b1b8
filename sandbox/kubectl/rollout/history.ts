/**
 * `kubectl rollout history`: the revisions of a Deployment, read from the ReplicaSets it controls
 * (`deployment.kubernetes.io/revision`, `kubernetes.io/change-cause`), or one revision's template.
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import type { CommandIO } from '../../shell/types';
import type { KubectlEnv } from '../env';
import { asDeployment, groupReplicaSets, ownedReplicaSets, revisionOf } from '../describe/replicasets';
import { describePodTemplate } from '../describe/template';
import { DESCRIBE_TABS, tabwrite } from '../printers/tabwriter';
import { PrefixWriter } from '../describe/writer';
import { type RolloutTarget, fetch, groupKind, isDeployment, nameOf } from './common';
import { KubectlError, fail } from './errors';

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

export interface RolloutHistoryOptions extends RolloutTarget {
  /** `--revision=N` (0: the table). */
  revision?: number;
  /** `-o name`; other formats go through `printObjects`. */
  output?: string;
  /** Prints ReplicaSets for `-o yaml|json|...` (the shared printer). */
  printObjects?: (objects: KubeObject[]) => string;
}

/** The controlled ReplicaSets of a deployment (all old ones and the new one), keyed by revision. */
export function deploymentHistory(env: KubectlEnv, deployment: KubeObject): Map<number, ReplicaSet> {
  const d = asDeployment(deployment);
  let rsList: ReplicaSet[];
  try {
    const { allOld, newRS } = groupReplicaSets(d, ownedReplicaSets(env, d));
    rsList = newRS ? [...allOld, newRS] : allOld;
  } catch (e) {
    throw new KubectlError(
      `failed to retrieve replica sets from deployment ${d.metadata?.name}: ${String(e)}`,
    );
  }
  const out = new Map<number, ReplicaSet>();
  for (const rs of rsList) {
    const v = revisionOf(rs as never);
    if (!Number.isNaN(v)) out.set(v, rs);
  }
  return out;
}

/** The template `--revision` shows: the RS's, plus its change-cause as a template annotation. */
export function historyTemplate(rs: ReplicaSet): PodTemplateSpec {
  const t = JSON.parse(JSON.stringify(rs.spec?.template ?? {})) as {
    metadata?: { annotations?: Record<string, string> };
  };
  const cause = rs.metadata?.annotations?.[CHANGE_CAUSE];
  if (cause) {
    t.metadata = t.metadata ?? {};
    t.metadata.annotations = { ...(t.metadata.annotations ?? {}), [CHANGE_CAUSE]: cause };
  }
  return t as PodTemplateSpec;
}

/** printTemplate: DescribePodTemplate written without the tab aligner (raw TABs stay). */
export function printTemplate(t: PodTemplateSpec | undefined): string {
  const w = new PrefixWriter();
  describePodTemplate(w, t);
  return w.toString();
}

export async function rolloutHistory(
  env: KubectlEnv,
  io: CommandIO,
  opts: RolloutHistoryOptions,
): Promise<number> {
  // kubectl fetches the object before it looks for a viewer of its kind.
  try {
    fetch(env, opts);
  } catch (e) {
    return fail(io, e);
  }
  if (!isDeployment(opts.resource))
    return fail(io, `no history viewer has been implemented for ${JSON.stringify(groupKind(opts.resource))}`);
  const revision = opts.revision ?? 0;
  try {
    const deployment = fetch(env, opts);
    const history = deploymentHistory(env, deployment);
    const revisions = [...history.keys()].sort((a, b) => a - b);
    if (opts.output) {
      const objs = revision > 0 ? [history.get(revision)] : revisions.map((r) => history.get(r));
      const list = objs.filter((o): o is ReplicaSet => o !== undefined) as unknown as KubeObject[];
      if (opts.output === 'name') {
        for (const o of list) io.stdout.write(`replicaset.apps/${o.metadata.name}\n`);
      } else if (opts.printObjects) {
        io.stdout.write(opts.printObjects(list));
      }
      return 0;
    }
    let info: string;
    if (history.size === 0) info = 'No rollout history found.';
    else if (revision > 0) {
      const rs = history.get(revision);
      if (!rs) throw new KubectlError('unable to find the specified revision');
      info = printTemplate(historyTemplate(rs));
    } else {
      const rows = revisions.map((r) => {
        const cause = history.get(r)?.metadata?.annotations?.[CHANGE_CAUSE];
        return `${r}\t${cause || '<none>'}\n`;
      });
      info = tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, DESCRIBE_TABS);
    }
    const withRevision = revision > 0 ? `with revision #${revision}` : '';
    io.stdout.write(`${nameOf(opts.resource, opts.name)} ${withRevision}\n${info}\n`);
    return 0;
  } catch (e) {
    return fail(io, e);
  }
}
