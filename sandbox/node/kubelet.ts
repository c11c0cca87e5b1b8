/**
 * A simulated kubelet: watches the pods bound to its node and runs one pod worker per pod UID.
 * A deletionTimestamp starts graceful termination; the pod's removal stops the worker.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterContext, Stop } from '../cluster/context';
import type { WatchEvent } from '../api/types';
import { Backoff, BACKOFF_INITIAL_MS, BACKOFF_MAX_MS } from './backoff';
import { NodeImages } from './images';
import { PodIPAllocator } from './ipam';
import type { NodeSpecInfo } from './nodes';
import { PodWorker } from './pod-worker';
import type { KubeletEnv } from './types';

export class Kubelet {
  readonly env: KubeletEnv;
  private workers = new Map<string, PodWorker>();

  constructor(ctx: ClusterContext, node: NodeSpecInfo) {
    const random = ctx.random.fork(`kubelet/${node.name}`);
    this.env = {
      ctx,
      node,
      ipam: new PodIPAllocator(node.podCIDR),
      images: new NodeImages(random.fork('images')),
      random,
      crashBackoff: new Backoff(BACKOFF_INITIAL_MS, BACKOFF_MAX_MS),
      pullBackoff: new Backoff(BACKOFF_INITIAL_MS, BACKOFF_MAX_MS),
      source: { component: 'kubelet', host: node.name },
    };
  }

  start(): Stop {
    const handle = this.env.ctx.api.watch(
      'pods',
      undefined,
      { fieldSelector: `spec.nodeName=${this.env.node.name}`, shared: true },
      (e) => this.onEvent(e),
    );
    return () => {
      handle.stop();
      for (const w of this.workers.values()) w.dispose();
      this.workers.clear();
    };
  }

  /** The pod worker of a pod (tests and tools). */
  worker(namespace: string, name: string): PodWorker | undefined {
    for (const w of this.workers.values()) if (w.namespace === namespace && w.name === name) return w;
    return undefined;
  }

  private onEvent(e: WatchEvent): void {
    const pod = e.object as unknown as Pod;
    const uid = pod.metadata?.uid ?? '';
    let w = this.workers.get(uid);
    if (e.type === 'DELETED') {
      w?.dispose();
      this.workers.delete(uid);
      return;
    }
    if (e.type !== 'ADDED' && e.type !== 'MODIFIED') return;
    if (!w) {
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') return;
      w = new PodWorker(this.env, pod);
      this.workers.set(uid, w);
      if (pod.metadata?.deletionTimestamp) {
        w.terminate();
        return;
      }
      w.start();
      return;
    }
    if (pod.metadata?.deletionTimestamp) {
      w.pod = pod;
      w.terminate();
    } else w.specChanged(pod);
  }
}
