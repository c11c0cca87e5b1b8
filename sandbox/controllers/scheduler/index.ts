import type { ClusterContext, Stop } from '../../cluster/context';

/** Start the scheduler controller. (Not implemented yet: a no-op.) */
export function start(_ctx: ClusterContext): Stop {
  return () => {};
}
