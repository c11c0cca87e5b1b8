/**
 * The same picture as the cluster view, in sentences for screen readers: each Deployment's
 * progress, its old ReplicaSets that still have pods, bare controllers and Services.
 */
import { POD_STATES, type PodState } from './pod-state';
import type { ClusterSnapshot, ControllerView, StateCounts } from './snapshot';
import type { Strings } from './strings';

function podCounts(counts: StateCounts, s: Strings): string {
  const parts = POD_STATES.filter((st) => counts[st] > 0).map((st: PodState) =>
    s('summary.podCount', { n: counts[st], state: s(`state.${st}`) }),
  );
  return parts.length > 0 ? parts.join(', ') : s('summary.noPods');
}

const total = (c: ControllerView): number => Object.values(c.counts).reduce((a, b) => a + b, 0);

export function summarize(snap: ClusterSnapshot, s: Strings): string {
  const out: string[] = [];
  for (const d of snap.deployments) {
    out.push(
      s('summary.deployment', {
        name: d.name,
        revision: d.revision ?? '-',
        updated: d.updated,
        replicas: d.replicas,
        ready: d.ready,
      }),
    );
    for (const rs of d.replicaSets) {
      if (rs.name === d.newReplicaSet || total(rs) === 0) continue;
      out.push(s('summary.oldReplicaSet', { name: rs.name, pods: podCounts(rs.counts, s) }));
    }
  }
  for (const c of snap.controllers) {
    if (c.desired === 0 && total(c) === 0) continue;
    const kind = s(c.kind === 'ReplicaSet' ? 'cluster.replicaset' : 'cluster.replicationcontroller');
    out.push(s('summary.controller', { kind, name: c.name, pods: podCounts(c.counts, s) }));
  }
  for (const svc of snap.services) out.push(s('summary.service', { name: svc.name, n: svc.routesTo.length }));
  return out.length > 0 ? out.join(' ') : s('summary.empty');
}

/** One Deployment's progress (the chart's "now" caption). */
export function summarizeDeployment(snap: ClusterSnapshot, name: string, s: Strings): string {
  const one: ClusterSnapshot = {
    ...snap,
    deployments: snap.deployments.filter((d) => d.name === name),
    controllers: [],
    services: [],
  };
  return summarize(one, s);
}
