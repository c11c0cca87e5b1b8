/**
 * `kubectl rollout status`: evaluate the Deployment's status on the initial list and on every
 * watch event (each evaluation prints its line, repeated lines included), until the rollout is
 * done, fails, times out, or Ctrl+C.
 */
import type { KubeObject, WatchEvent } from '../../api/types';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { CommandIO } from '../../shell/types';
import type { KubectlEnv } from '../env';
import { revisionOf } from '../describe/replicasets';
import { type RolloutTarget, fetch, groupKind, isDeployment, namespaceOf } from './common';
import { KubectlError, fail } from './errors';
import { INTERRUPT_HANDLED, catchInterrupt } from '../interrupt';

export interface RolloutStatusOptions extends RolloutTarget {
  /** `--watch` (default true); false prints the current state once. */
  watch?: boolean;
  /** `--timeout`; 0 or unset waits forever. */
  timeoutSeconds?: number;
  /** `--revision`: fail unless the deployment runs this revision. */
  revision?: number;
}

/** Exit code of a command stopped by Ctrl+C (128 + SIGINT). */
export const INTERRUPTED = 130;

/** DeploymentStatusViewer.Status: the line to print and whether the rollout is done. */
export function deploymentStatus(obj: KubeObject, revision = 0): { message: string; done: boolean } {
  const d = obj as unknown as Deployment;
  const name = JSON.stringify(d.metadata?.name ?? '');
  if (revision > 0) {
    const running = revisionOf(obj);
    if (Number.isNaN(running))
      throw new KubectlError(`cannot get the revision of deployment ${name}: invalid revision annotation`);
    if (running !== revision)
      throw new KubectlError(
        `desired revision (${revision}) is different from the running revision (${running})`,
      );
  }
  const st = d.status ?? {};
  if ((d.metadata?.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const cond = (st.conditions ?? []).find((c) => c.type === 'Progressing');
    if (cond?.reason === 'ProgressDeadlineExceeded')
      throw new KubectlError(`deployment ${name} exceeded its progress deadline`);
    const updated = st.updatedReplicas ?? 0;
    const wait = `Waiting for deployment ${name} rollout to finish: `;
    if (d.spec?.replicas !== undefined && updated < d.spec.replicas)
      return {
        message: `${wait}${updated} out of ${d.spec.replicas} new replicas have been updated...`,
        done: false,
      };
    if ((st.replicas ?? 0) > updated)
      return {
        message: `${wait}${(st.replicas ?? 0) - updated} old replicas are pending termination...`,
        done: false,
      };
    if ((st.availableReplicas ?? 0) < updated)
      return {
        message: `${wait}${st.availableReplicas ?? 0} of ${updated} updated replicas are available...`,
        done: false,
      };
    return { message: `deployment ${name} successfully rolled out`, done: true };
  }
  return { message: 'Waiting for deployment spec update to be observed...', done: false };
}

export function rolloutStatus(env: KubectlEnv, io: CommandIO, opts: RolloutStatusOptions): Promise<number> {
  // kubectl fetches the object before it looks for a viewer of its kind.
  try {
    fetch(env, opts);
  } catch (e) {
    return Promise.resolve(fail(io, e));
  }
  if (!isDeployment(opts.resource))
    return Promise.resolve(fail(io, `no status viewer has been implemented for ${groupKind(opts.resource)}`));
  const ns = namespaceOf(env, opts);
  let initial: KubeObject;
  let rv: string;
  try {
    fetch(env, opts);
    const list = env.api.list('deployments', ns, { fieldSelector: `metadata.name=${opts.name}` });
    rv = list.metadata.resourceVersion;
    if (list.items.length === 0) return Promise.resolve(fail(io, 'object has been deleted'));
    initial = list.items[0];
  } catch (e) {
    return Promise.resolve(fail(io, e));
  }

  return new Promise<number>((resolve) => {
    let finished = false;
    const cleanups: Array<() => void> = [];
    const finish = (code: number): void => {
      if (finished) return;
      finished = true;
      for (const c of cleanups) c();
      resolve(code);
    };
    /** Returns true when the command ends. */
    const evaluate = (obj: KubeObject): boolean => {
      try {
        const { message, done } = deploymentStatus(obj, opts.revision ?? 0);
        io.stdout.write(`${message}\n`);
        if (done || opts.watch === false) {
          finish(0);
          return true;
        }
      } catch (e) {
        finish(fail(io, e));
        return true;
      }
      return false;
    };
    catchInterrupt(io);
    if (evaluate(initial)) return;
    if (io.interrupt.interrupted) return finish(INTERRUPT_HANDLED);
    const handle = env.api.watch(
      'deployments',
      ns,
      { fieldSelector: `metadata.name=${opts.name}`, resourceVersion: rv },
      (e: WatchEvent) => {
        if (finished) return;
        if (e.type === 'ADDED' || e.type === 'MODIFIED') evaluate(e.object);
        else if (e.type === 'DELETED') finish(fail(io, 'object has been deleted'));
      },
    );
    cleanups.push(() => handle.stop());
    cleanups.push(io.interrupt.onInterrupt(() => finish(INTERRUPT_HANDLED)));
    if (opts.timeoutSeconds && opts.timeoutSeconds > 0) {
      const id = env.clock.setTimer(opts.timeoutSeconds * 1000, () =>
        finish(fail(io, 'timed out waiting for the condition')),
      );
      cleanups.push(() => env.clock.clearTimer(id));
    }
  });
}
