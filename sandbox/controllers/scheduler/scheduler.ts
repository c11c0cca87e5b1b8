/**
 * The simulated kube-scheduler (pkg/scheduler, simplified): a FIFO of pods without a node whose
 * schedulerName is default-scheduler; one pod at a time, after a small bind latency, the Filter
 * plugins pick the feasible nodes and the least-loaded one wins (fewest pods; ties broken by the
 * seeded random source, as the real one samples among equal scores). Success binds the pod
 * (`Scheduled` event); failure records `FailedScheduling` and `PodScheduled=False` and parks the
 * pod until a node changes or a pod goes away (or five minutes pass, as upstream flushes them).
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { ClusterContext, Stop } from '../../cluster/context';
import type { KubeObject, WatchEvent } from '../../api/types';
import type { SeededRandom } from '../../clock/random';
import { isStatusError } from '../../api/errors';
import { timestamp } from '../../api/context';
import { bindPod } from './binding';
import {
  factsOf,
  filterNode,
  fitErrorMessage,
  type FilterResult,
  type NodeFacts,
  type NodeLoad,
} from './filter';
import { podRequests, type Requests } from './resources';

const SOURCE = { component: 'default-scheduler' };
/** [MODEL] scheduling + bind latency per pod, ms (controllers.md §11: 10–100 ms). */
const BIND_MIN_MS = 10;
const BIND_MAX_MS = 100;
/** podMaxInUnschedulablePodsDuration. */
const UNSCHEDULABLE_FLUSH_MS = 5 * 60 * 1000;

interface Assigned {
  node: string;
  req: Requests;
}

export class Scheduler {
  private nodes = new Map<string, Node>();
  private assigned = new Map<string, Assigned>();
  /**
   * Per node name, the sum of its assigned pods (kept with `assigned`, so a fit check need not walk
   * every pod). An entry, once made, stays and is updated in place: the node list holds it.
   */
  private loads = new Map<string, NodeLoad>();
  /** The nodes by name with what the filters read of them and their load, rebuilt when a node changes. */
  private sortedNodes: Array<{ node: Node; name: string; facts: NodeFacts; load: NodeLoad }> | undefined;
  /** Pods waiting, FIFO from `head` on (an index rather than shift(): thousands wait in a big rollout). */
  private queue: Array<{ uid: string; key: string }> = [];
  private head = 0;
  private queued = new Set<string>();
  private unschedulable = new Map<string, string>();
  private busy = false;
  private stopped = false;
  private timer: number | undefined;
  private flushTimer: number | undefined;
  private readonly random: SeededRandom;

  constructor(private readonly ctx: ClusterContext) {
    this.random = ctx.random.fork('scheduler');
  }

  start(): Stop {
    const { api } = this.ctx;
    const nodes = api.watch('nodes', undefined, { shared: true }, (e) => this.onNode(e));
    const pods = api.watch('pods', undefined, { shared: true }, (e) => this.onPod(e));
    return () => {
      this.stopped = true;
      nodes.stop();
      pods.stop();
      this.ctx.clock.clearTimer(this.timer);
      this.ctx.clock.clearTimer(this.flushTimer);
    };
  }

  private onNode(e: WatchEvent): void {
    const node = e.object as unknown as Node;
    const name = node.metadata?.name ?? '';
    if (e.type === 'DELETED') this.nodes.delete(name);
    else this.nodes.set(name, node);
    this.sortedNodes = undefined;
    this.retryUnschedulable();
  }

  private onPod(e: WatchEvent): void {
    const pod = e.object as unknown as Pod;
    const uid = pod.metadata?.uid ?? '';
    const phase = pod.status?.phase;
    if (e.type === 'DELETED' || phase === 'Succeeded' || phase === 'Failed') {
      const freed = this.unassign(uid);
      this.unschedulable.delete(uid);
      if (freed || e.type === 'DELETED') this.retryUnschedulable();
      return;
    }
    if (pod.spec?.nodeName) {
      // Status writes of a bound pod change nothing the scheduler counts (requests are immutable).
      if (this.assigned.get(uid)?.node === pod.spec.nodeName) return;
      this.assign(uid, { node: pod.spec.nodeName, req: podRequests(pod) });
      this.unschedulable.delete(uid);
      return;
    }
    if ((pod.spec?.schedulerName ?? 'default-scheduler') !== 'default-scheduler') return;
    if (pod.metadata?.deletionTimestamp || this.unschedulable.has(uid)) return;
    if ((pod.spec?.schedulingGates ?? []).length > 0) return this.gated(pod);
    this.enqueue(uid, `${pod.metadata?.namespace}/${pod.metadata?.name}`);
  }

  private enqueue(uid: string, key: string): void {
    if (this.queued.has(uid)) return;
    this.queued.add(uid);
    this.queue.push({ uid, key });
    this.pump();
  }

  private pump(): void {
    if (this.busy || this.stopped || this.head === this.queue.length) return;
    this.busy = true;
    const delay = this.random.range(BIND_MIN_MS, BIND_MAX_MS);
    this.timer = this.ctx.clock.setTimer(delay, () => {
      this.busy = false;
      const { uid, key } = this.queue[this.head++];
      if (this.head === this.queue.length) {
        this.queue = [];
        this.head = 0;
      } else if (this.head >= 1024 && this.head * 2 >= this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      this.queued.delete(uid);
      this.scheduleOne(uid, key);
      this.pump();
    });
  }

  private retryUnschedulable(): void {
    if (this.unschedulable.size === 0) return;
    const parked = [...this.unschedulable.entries()];
    this.unschedulable.clear();
    for (const [uid, key] of parked) this.enqueue(uid, key);
  }

  private assign(uid: string, a: Assigned): void {
    this.unassign(uid);
    this.assigned.set(uid, a);
    this.adjust(a, 1);
  }

  private unassign(uid: string): boolean {
    const prev = this.assigned.get(uid);
    if (!prev) return false;
    this.assigned.delete(uid);
    this.adjust(prev, -1);
    return true;
  }

  private adjust(a: Assigned, sign: 1 | -1): void {
    const l = this.load(a.node);
    l.pods += sign;
    l.cpu += sign * a.req.cpu;
    l.memory += sign * a.req.memory;
    if (l.pods === 0) {
      // An empty node starts from exact zeros again (no rounding left over from fractional requests).
      l.cpu = 0;
      l.memory = 0;
    }
  }

  /** A node's load (the filters only read it; `adjust` updates it in place). */
  private load(node: string): NodeLoad {
    let l = this.loads.get(node);
    if (!l) this.loads.set(node, (l = { pods: 0, cpu: 0, memory: 0 }));
    return l;
  }

  private scheduleOne(uid: string, key: string): void {
    const [namespace, name] = key.split('/');
    // The stored pod (frozen, read only), as the scheduler's informer cache would give it.
    const obj = this.ctx.api.cache.get('pods', namespace, name);
    if (!obj) return;
    const pod = obj as unknown as Pod;
    if (pod.metadata?.uid !== uid || pod.spec?.nodeName || pod.metadata?.deletionTimestamp) return;
    const req = podRequests(pod);
    const nodes = (this.sortedNodes ??= [...this.nodes.values()]
      .sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''))
      .map((node) => {
        const nodeName = node.metadata?.name ?? '';
        return { node, name: nodeName, facts: factsOf(node), load: this.load(nodeName) };
      }));
    const failures: FilterResult[] = [];
    // The feasible nodes with the fewest pods, in node order.
    let best: string[] = [];
    let least = Infinity;
    for (const { node, name: nodeName, facts, load } of nodes) {
      // A node busier than a feasible one cannot win, and its failure would only matter if no
      // node were feasible: it need not be filtered.
      if (load.pods > least) continue;
      const r = filterNode(pod, node, load, req, facts);
      if (!r.ok) failures.push(r);
      else if (load.pods < least) {
        least = load.pods;
        best = [nodeName];
      } else if (load.pods === least) best.push(nodeName);
    }
    if (best.length === 0) return this.failed(obj, uid, key, fitErrorMessage(nodes.length, failures));
    const target = best.length === 1 ? best[0] : this.random.pick(best);
    try {
      const bound = bindPod(this.ctx.api, namespace, name, target, uid);
      this.assign(uid, { node: target, req });
      this.ctx.events.record(
        SOURCE,
        bound,
        'Normal',
        'Scheduled',
        `Successfully assigned ${key} to ${target}`,
      );
    } catch (e) {
      if (!isStatusError(e)) throw e;
    }
  }

  private failed(pod: KubeObject, uid: string, key: string, message: string): void {
    this.ctx.events.record(SOURCE, pod, 'Warning', 'FailedScheduling', message);
    this.setScheduledCondition(pod, 'Unschedulable', message);
    this.unschedulable.set(uid, key);
    if (this.flushTimer === undefined) {
      this.flushTimer = this.ctx.clock.setTimer(UNSCHEDULABLE_FLUSH_MS, () => {
        this.flushTimer = undefined;
        this.retryUnschedulable();
      });
    }
  }

  private gated(obj: Pod): void {
    this.setScheduledCondition(
      obj as unknown as KubeObject,
      'SchedulingGated',
      'Scheduling is blocked due to non-empty scheduling gates',
    );
  }

  private setScheduledCondition(pod: KubeObject, reason: string, message: string): void {
    const status = (pod.status ?? {}) as { conditions?: Array<Record<string, unknown>> };
    const conditions = status.conditions ?? [];
    const prev = conditions.find((c) => c.type === 'PodScheduled');
    if (prev && prev.status === 'False' && prev.reason === reason && prev.message === message) return;
    const cond = {
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime:
        prev?.status === 'False' ? prev.lastTransitionTime : timestamp(this.ctx.clock.now()),
      reason,
      message,
    };
    const next = {
      ...pod,
      metadata: { ...pod.metadata },
      status: { ...status, conditions: [...conditions.filter((c) => c.type !== 'PodScheduled'), cond] },
    } as KubeObject;
    delete next.metadata.resourceVersion;
    try {
      // The answer is not read: no copy of it.
      this.ctx.api.updateStatus(next, { shared: true });
    } catch (e) {
      if (!isStatusError(e)) throw e;
    }
  }
}
