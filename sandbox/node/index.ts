/**
 * Nodes and kubelets: register the cluster's Node objects (`ctx.options.nodes`, default
 * node-1..node-3) and start one simulated kubelet per node.
 */
import type { ClusterContext, Stop } from '../cluster/context';
import { isStatusError } from '../api/errors';
import { Kubelet } from './kubelet';
import { DEFAULT_NODES, nodeInfo, nodeObject } from './nodes';

export { Kubelet } from './kubelet';
export { nodeInfo, nodeObject, DEFAULT_NODES, KUBELET_VERSION } from './nodes';
export { PodIPAllocator } from './ipam';

export function start(ctx: ClusterContext): Stop {
  const names = ctx.options.nodes?.length ? ctx.options.nodes : DEFAULT_NODES;
  const random = ctx.random.fork('nodes');
  const stops: Stop[] = [];
  names.forEach((name, i) => {
    const info = nodeInfo(name, i + 1);
    try {
      ctx.api.create(nodeObject(info, ctx.clock.now(), random));
    } catch (e) {
      if (!isStatusError(e) || e.code !== 409) throw e;
    }
    stops.push(new Kubelet(ctx, info).start());
  });
  return () => {
    for (const stop of stops.reverse()) stop();
  };
}
