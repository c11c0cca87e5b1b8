import type { ClusterContext, Stop } from '../../cluster/context';
import { Scheduler } from './scheduler';

export { Scheduler } from './scheduler';

/** Start the scheduler (binds pending pods to nodes). */
export function start(ctx: ClusterContext): Stop {
  return new Scheduler(ctx).start();
}
