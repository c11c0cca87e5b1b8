/**
 * The public entry point of the simulator. The site, the CLI, the HTTP adapter and the tests use
 * only what this file exports.
 */
import { VirtualClock } from './clock/clock';
import { SeededRandom } from './clock/random';
import { ObjectStore } from './store/store';
import { ApiServer } from './api/server';
import type { ApiContext, ApiServerOptions } from './api/context';
import { bootstrapCluster } from './cluster/bootstrap';
import { startCluster } from './cluster/start';
import { ContainerRegistry } from './cluster/containers';
import type { ClusterOptions } from './cluster/context';
import { EventRecorder } from './controllers/runtime/events';
import { Network } from './net/network';

export type { ApiServer, WatchHandle } from './api/server';
export type { VirtualClock } from './clock/clock';
export type { Network, NetworkRequest, NetworkResult, RequestEvent } from './net/network';
export type { SeededRandom } from './clock/random';
export type * from './api/types';
export type * from './api/request';
export { StatusError, isStatusError } from './api/errors';
export { RESOURCES, resourceByPlural, resourceForKind, type ResourceInfo } from './api/resources';
// The terminal side: the shell, its sessions, kubectl and the virtual file system.
export * from './shell/index';
export { MemoryFs, createFs, FsError, type VirtualFs } from './fs/index';
export { kubectl, completionData, type KubectlEnv, type EditorHost } from './kubectl/index';
export { preloadLazyCommands } from './kubectl/cmd/wired';
export { ARTICLE_LOAD_BALANCER_IPS } from './shell/script';
export * from './api/openapi/json-schema';

export interface SandboxOptions extends ApiServerOptions, ClusterOptions {
  /** Run nodes, kubelets and controllers (default). `false` gives a bare API server. */
  cluster?: boolean;
  /** Seed of every random choice (names, UIDs, IPs); the same seed replays the same cluster. */
  seed?: number;
  /** The virtual time the sandbox starts at (epoch ms, Date or RFC 3339). Default 2026-01-01T09:00:00Z. */
  now?: number | Date | string;
  /** How long the cluster has existed at `now` (its namespaces' age), in seconds. Default one day. */
  clusterAgeSeconds?: number;
}

export interface Sandbox {
  api: ApiServer;
  clock: VirtualClock;
  random: SeededRandom;
  /** Running containers (apps and logs) of the simulated kubelets. */
  containers: ContainerRegistry;
  /** The cluster network: `curl` from the reader's laptop or from a pod. */
  network: Network;
  /** Stop every controller and kubelet (the API server stays usable). */
  stop(): void;
}

export const DEFAULT_START = Date.UTC(2026, 0, 1, 9, 0, 0);

function toMs(now: SandboxOptions['now']): number {
  if (now === undefined) return DEFAULT_START;
  if (typeof now === 'number') return now;
  if (now instanceof Date) return now.getTime();
  const ms = Date.parse(now);
  if (Number.isNaN(ms)) throw new Error(`createSandbox: cannot read "now": ${now}`);
  return ms;
}

export function createSandbox(opts: SandboxOptions = {}): Sandbox {
  const start = toMs(opts.now);
  const age = Math.max(0, opts.clusterAgeSeconds ?? 86400);
  const clock = new VirtualClock({ start: start - age * 1000 });
  const random = new SeededRandom(opts.seed ?? 1);
  const store = new ObjectStore({ queue: clock });
  const ctx: ApiContext = {
    store,
    clock,
    random: random.fork('api'),
    options: { podQuota: opts.podQuota ?? 100, maxPods: opts.maxPods ?? 1000 },
  };
  const api = new ApiServer(ctx);
  // The objects every cluster starts with are the API server's own (managedFields: kube-apiserver).
  bootstrapCluster(api.asComponent('kube-apiserver'));
  const containers = new ContainerRegistry();
  const stop =
    opts.cluster === false
      ? () => {}
      : startCluster({
          api,
          clock,
          random: random.fork('cluster'),
          // One recorder for every component: its events are written as the controller manager's.
          events: new EventRecorder(api.asComponent('kube-controller-manager'), clock),
          containers,
          options: opts,
        });
  // Its own stream, so curls never shift the random choices the rest of the cluster makes.
  const network = new Network({
    api,
    clock,
    random: new SeededRandom(((opts.seed ?? 1) ^ 0x6e657477) >>> 0),
    containers,
  });
  clock.advance(age);
  return { api, clock, random, containers, network, stop };
}
