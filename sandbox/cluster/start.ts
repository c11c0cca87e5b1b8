/**
 * Bring the cluster to life: nodes and kubelets, the scheduler and the controllers, each started
 * against the API server only (they never call each other).
 */
import type { ClusterContext, Stop } from './context';
import { start as startKubelets } from '../node/index';
import { start as startScheduler } from '../controllers/scheduler/index';
import { start as startReplication } from '../controllers/replication/index';
import { start as startDeployment } from '../controllers/deployment/index';
import { start as startEndpoints } from '../controllers/endpoints/index';
import { start as startGarbageCollector } from '../controllers/garbagecollector/index';
import { start as startNamespace } from '../controllers/namespace/index';
import { start as startServiceLB } from '../controllers/servicelb/index';

export function startCluster(ctx: ClusterContext): Stop {
  // Each component writes under its real field manager name (metadata.managedFields).
  const as = (manager: string): ClusterContext => ({ ...ctx, api: ctx.api.asComponent(manager) });
  const kcm = as('kube-controller-manager');
  const stops = [
    startKubelets(as('kubelet')),
    startScheduler(as('kube-scheduler')),
    startReplication(kcm),
    startDeployment(kcm),
    startEndpoints(kcm),
    startGarbageCollector(kcm),
    startNamespace(kcm),
    startServiceLB(kcm),
  ];
  return () => {
    for (const stop of stops.reverse()) stop();
  };
}
