/** The kubelet's own view of a pod's containers, from which it writes `pod.status`. */
import type { Container } from 'kubernetes-types/core/v1';
import type { AppInstance, ImageInfo } from '../apps/types';
import type { ClusterContext } from '../cluster/context';
import type { SeededRandom } from '../clock/random';
import type { EventSource } from '../controllers/runtime/events';
import type { Backoff } from './backoff';
import type { NodeImages } from './images';
import type { PodIPAllocator } from './ipam';
import type { NodeSpecInfo } from './nodes';

export interface Terminated {
  exitCode: number;
  reason: string;
  startedAt: number;
  finishedAt: number;
  containerID: string;
  signal?: number;
}

export type ContainerState =
  | { kind: 'waiting'; reason: string; message?: string }
  | { kind: 'running'; startedAt: number }
  | { kind: 'terminated'; info: Terminated };

export interface ContainerRt {
  spec: Container;
  state: ContainerState;
  /** The previous instance's termination (`lastState.terminated`). */
  last?: Terminated;
  restartCount: number;
  containerID?: string;
  /** The image of the current (or last) instance, once pulled. */
  image?: ImageInfo;
  app?: AppInstance;
  ready: boolean;
  started: boolean;
  /** Bumped for every instance and every restart attempt, so stale timers do nothing. */
  generation: number;
  /** A kill is under way (SIGTERM sent). */
  killing: boolean;
}

/** What every pod worker of a node shares. */
export interface KubeletEnv {
  ctx: ClusterContext;
  node: NodeSpecInfo;
  ipam: PodIPAllocator;
  images: NodeImages;
  random: SeededRandom;
  crashBackoff: Backoff;
  pullBackoff: Backoff;
  source: EventSource;
}
