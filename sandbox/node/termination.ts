/**
 * Graceful pod termination (killPod): when the pod gets a deletionTimestamp, every running
 * container gets `Killing` `Stopping container <name>` and SIGTERM; a program that exits stops at
 * once, one that ignores SIGTERM is killed (exit 137) when the grace period ends. Containers that
 * never started are abandoned. When none runs, the pod worker writes the final status (phase
 * Succeeded or Failed, as v1.27+ kubelets do) and deletes the pod with grace period 0.
 */
import type { PodWorker } from './pod-worker';

export function beginTermination(w: PodWorker): void {
  const grace = w.pod.metadata?.deletionGracePeriodSeconds ?? w.pod.spec?.terminationGracePeriodSeconds ?? 30;
  for (const c of w.containers) {
    if (c.state.kind === 'running') {
      w.kill(c, grace, `Stopping container ${c.spec.name}`);
    } else {
      // Cancel a pending pull, create or back-off restart.
      c.generation++;
    }
  }
  w.changed();
  w.checkStopped();
}
