import type { ClusterContext, Stop } from '../cluster/context';

/** Create the nodes and start one simulated kubelet per node. (Not implemented yet: a no-op.) */
export function start(_ctx: ClusterContext): Stop {
  return () => {};
}
