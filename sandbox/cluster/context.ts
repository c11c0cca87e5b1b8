/** What every component of the living cluster is given: the API, the clock, randomness, events. */
import type { ApiServer } from '../api/server';
import type { VirtualClock } from '../clock/clock';
import type { SeededRandom } from '../clock/random';
import type { EventRecorder } from '../controllers/runtime/events';
import type { AppInstance } from '../apps/types';
import type { ContainerRegistry } from './containers';

/** Running containers the kubelets own, for the network (curl) and `kubectl exec`/`logs`. */
export interface ContainerDirectory {
  /** The running app of a pod's container (first container when `container` is omitted). */
  app(namespace: string, pod: string, container?: string): AppInstance | undefined;
  /** Log lines of a container (current, or `previous` instance). */
  logs(namespace: string, pod: string, container?: string, previous?: boolean): string[] | undefined;
}

export interface ClusterOptions {
  /** Nodes to create (default three: `node-1`..`node-3`, as in the lessons' GKE-like cluster). */
  nodes?: string[];
  /** External IPs handed to LoadBalancer Services in creation order (the article pins 34.64.140.187 then 34.64.200.253). */
  loadBalancerIPs?: string[];
  /** Seconds a LoadBalancer shows `<pending>` before it gets an address. */
  loadBalancerDelaySeconds?: number;
}

export interface ClusterContext {
  api: ApiServer;
  clock: VirtualClock;
  random: SeededRandom;
  events: EventRecorder;
  containers: ContainerRegistry;
  options: ClusterOptions;
}

/** A started component; calling it stops the component's watches and timers. */
export type Stop = () => void;
