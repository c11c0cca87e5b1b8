/**
 * The ReplicaSet and ReplicationController controllers: one implementation (as upstream's
 * replicaset package, which also serves RCs), started once per kind.
 */
import type { ClusterContext, Stop } from '../../cluster/context';
import { startController } from './controller';
import { REPLICA_SET, REPLICATION_CONTROLLER } from './kinds';

export { REPLICA_SET, REPLICATION_CONTROLLER, type ControllerKind } from './kinds';
export { startController } from './controller';

/** Start both controllers; the returned function stops their watches, queues and timers. */
export function start(ctx: ClusterContext): Stop {
  const stops = [startController(ctx, REPLICA_SET).stop, startController(ctx, REPLICATION_CONTROLLER).stop];
  return () => {
    for (const stop of stops) stop();
  };
}
