/**
 * `kubectl rollout undo` for apps/v1 Deployments: kubectl's client-side rollback. It finds the
 * ReplicaSet of the target revision and JSON-patches the Deployment's template and annotations.
 */
import type { CommandIO } from '../../shell/types';
import type { KubectlEnv } from '../env';
import { asDeployment, equalIgnoreHash, withoutHash } from '../describe/replicasets';
import { type RolloutTarget, fetch, groupKind, isDeployment, nameOf, namespaceOf } from './common';
import { KubectlError, fail, plainMessage } from './errors';
import { deploymentHistory, printTemplate } from './history';

export interface RolloutUndoOptions extends RolloutTarget {
  /** `--to-revision` (0: the previous revision). */
  toRevision?: number;
  /** `--dry-run=client|server` (true: client). */
  dryRun?: boolean | 'none' | 'client' | 'server';
}

/** Annotations the rollback keeps from the deployment instead of taking them from the ReplicaSet. */
export const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

export async function rolloutUndo(env: KubectlEnv, io: CommandIO, opts: RolloutUndoOptions): Promise<number> {
  // kubectl fetches the object before it looks for a rollbacker of its kind.
  try {
    fetch(env, opts);
  } catch (e) {
    return fail(io, e);
  }
  if (!isDeployment(opts.resource))
    return fail(io, `no rollbacker has been implemented for ${JSON.stringify(groupKind(opts.resource))}`);
  const toRevision = opts.toRevision ?? 0;
  const dryRun = opts.dryRun === true ? 'client' : opts.dryRun || 'none';
  try {
    fetch(env, opts);
    if (toRevision < 0) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
    let obj;
    try {
      obj = fetch(env, opts);
    } catch (e) {
      throw new KubectlError(`failed to retrieve Deployment ${opts.name}: ${plainMessage(e)}`);
    }
    const d = asDeployment(obj);
    const history = deploymentHistory(env, obj);
    let target;
    if (toRevision > 0) {
      target = history.get(toRevision);
      if (!target) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
    } else {
      const revs = [...history.keys()].sort((a, b) => b - a);
      if (revs.length < 2) throw new KubectlError(`no rollout history found for deployment "${opts.name}"`);
      target = history.get(revs[1])!;
    }
    const name = nameOf(opts.resource, opts.name);
    if (dryRun === 'client') {
      io.stdout.write(`${name} ${printTemplate(target.spec?.template)} (dry run)\n`);
      return 0;
    }
    if (d.spec?.paused)
      throw new KubectlError(
        "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
      );
    const suffix = dryRun === 'server' ? ' (server dry run)' : '';
    if (equalIgnoreHash(target.spec?.template, d.spec?.template)) {
      io.stdout.write(
        `${name} skipped rollback (current template already matches revision ${toRevision})${suffix}\n`,
      );
      return 0;
    }
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(obj.metadata.annotations ?? {}))
      if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
    for (const [k, v] of Object.entries(target.metadata?.annotations ?? {}))
      if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
    const patch = [
      { op: 'replace', path: '/spec/template', value: withoutHash(target.spec?.template) },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ];
    try {
      env.api.patch('deployments', namespaceOf(env, opts), opts.name, patch, 'json', {
        dryRun: dryRun === 'server',
      });
    } catch (e) {
      throw new KubectlError(`failed restoring revision ${toRevision}: ${plainMessage(e)}`);
    }
    io.stdout.write(`${name} rolled back${suffix}\n`);
    return 0;
  } catch (e) {
    return fail(io, e);
  }
}
