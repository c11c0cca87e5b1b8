import type { ClusterContext, Stop } from '../../cluster/context';
import { DeploymentController } from './controller';

/** Start the Deployment controller: watches, work queue and syncs on the virtual clock. */
export function start(ctx: ClusterContext): Stop {
  return new DeploymentController(ctx).start();
}
