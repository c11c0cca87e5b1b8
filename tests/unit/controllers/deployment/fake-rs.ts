/**
 * A stand-in for the ReplicaSet controller + kubelet, as upstream's unit tests do: it writes each
 * ReplicaSet's status from its spec. Pods are only counted: a new pod becomes Ready `readyAfter`
 * seconds after it is "created" (never, for RSs `neverReady` picks) and Available once it has
 * been Ready for more than minReadySeconds; the status is rewritten at minReadySeconds + 1 s, as
 * the real RS controller re-syncs. Scale-downs remove unready pods first, then the newest.
 */
import type { ApiServer, WatchHandle } from '../../../../sandbox/api/server';
import type { KubeObject } from '../../../../sandbox/api/types';
import type { VirtualClock } from '../../../../sandbox/clock/clock';

export interface FakeRSOptions {
  /** Seconds from pod creation to Ready (default 0). */
  readyAfter?: number;
  /** RSs whose pods never become Ready (a bad image). */
  neverReady?: (rs: KubeObject) => boolean;
  /** Do not react to spec changes; statuses change only on `settle()`. */
  manual?: boolean;
}

interface RsSpec {
  replicas?: number;
  minReadySeconds?: number;
}

export class FakeReplicaSetController {
  private pods = new Map<string, number[]>(); // RS uid → ready-at times (Infinity: never)
  private watch: WatchHandle;

  constructor(
    private readonly api: ApiServer,
    private readonly clock: VirtualClock,
    private readonly opts: FakeRSOptions = {},
  ) {
    this.watch = api.watch('replicasets', undefined, {}, (e) => {
      if (e.type === 'DELETED') this.pods.delete(e.object.metadata.uid!);
      else if (!opts.manual) this.syncOne(e.object);
    });
  }

  stop(): void {
    this.watch.stop();
  }

  /** Bring every ReplicaSet's status up to date now. */
  settle(): void {
    for (const rs of this.api.list('replicasets').items) this.syncOne(rs);
  }

  private syncOne(stale: KubeObject): void {
    let rs: KubeObject;
    try {
      rs = this.api.get('replicasets', stale.metadata.namespace, stale.metadata.name!);
    } catch {
      return;
    }
    const spec = rs.spec as RsSpec;
    const want = spec.replicas ?? 0;
    const now = this.clock.now();
    const pods = this.pods.get(rs.metadata.uid!) ?? [];
    const never = this.opts.neverReady?.(rs) ?? false;
    while (pods.length < want) {
      const readyAt = never ? Infinity : now + (this.opts.readyAfter ?? 0) * 1000;
      pods.push(readyAt);
      this.wakeAt(rs, readyAt);
      this.wakeAt(rs, readyAt + ((spec.minReadySeconds ?? 0) + 1) * 1000);
    }
    if (pods.length > want) {
      // Unready pods go first, then the newest.
      pods.sort((a, b) => (a > now !== b > now ? (a > now ? -1 : 1) : b - a));
      pods.splice(0, pods.length - want);
    }
    this.pods.set(rs.metadata.uid!, pods);
    const minReadyMs = (spec.minReadySeconds ?? 0) * 1000;
    const ready = pods.filter((t) => t <= now).length;
    const available = pods.filter((t) => t <= now && (minReadyMs === 0 || t + minReadyMs < now)).length;
    const status: Record<string, number> = { replicas: pods.length };
    if (pods.length) status.fullyLabeledReplicas = pods.length;
    if (ready) status.readyReplicas = ready;
    if (available) status.availableReplicas = available;
    status.observedGeneration = rs.metadata.generation ?? 0;
    this.api.updateStatus({ ...rs, status });
  }

  private wakeAt(rs: KubeObject, at: number): void {
    if (!Number.isFinite(at) || at <= this.clock.now()) return;
    this.clock.setTimerAt(at, () => this.syncOne(rs));
  }
}
