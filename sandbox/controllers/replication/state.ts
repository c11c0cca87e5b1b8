/** What the sync functions and event handlers of one controller instance share. */
import type { ClusterContext } from '../../cluster/context';
import type { WorkQueue } from '../runtime/queue';
import type { ControllerKind } from './kinds';
import type { Informer } from './informer';
import type { Expectations } from './expectations';
import type { OwnedPods } from './owned';

export interface ControllerState {
  ctx: ClusterContext;
  kind: ControllerKind;
  /** ReplicaSets or ReplicationControllers. */
  owners: Informer;
  pods: Informer;
  /** Per-owner counts over the pods it controls, kept by the pod informer. */
  owned: OwnedPods;
  expectations: Expectations;
  queue: WorkQueue;
  /** queue.AddAfter: the key comes back after `ms` (an earlier request wins). */
  enqueueAfter(key: string, ms: number): void;
}

/** BurstReplicas: the most pods one sync creates or deletes. */
export const BURST_REPLICAS = 500;
/** SlowStartInitialBatchSize. */
export const SLOW_START_INITIAL_BATCH = 1;
