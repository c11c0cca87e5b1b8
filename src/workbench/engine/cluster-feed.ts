/**
 * The cluster view's data, computed next to the sandbox: a snapshot of the objects whenever the
 * API cache's resourceVersion moved, and the rollout chart's samples as virtual time moves (also
 * during a skip). The page gets both as plain data, at most every `PUSH_MS` and only when the
 * cluster changed; between pushes it moves the chart's "now" with the clock itself.
 */
import type { ApiServer } from '../../../sandbox/index';
import type { Host } from '../time';
import type { FromWorker } from '../protocol';
import { RolloutHistory } from '../cluster/rollout-history';
import { clusterSnapshot, type ClusterSnapshot } from '../cluster/snapshot';

/** Real milliseconds between two pushes: a rollout moves chip by chip, a few times a second is plenty. */
export const PUSH_MS = 200;

export class ClusterFeed {
  private snap: ClusterSnapshot | undefined;
  private seenRv = -1;
  private readonly history = new RolloutHistory();
  private dirty = false;
  private lastPush = -Infinity;
  private timer: unknown;

  constructor(
    private readonly post: (message: FromWorker) => void,
    private readonly host: Host,
  ) {}

  /** Read the cluster at virtual time `at` if it changed; record a chart sample; push soon. */
  update(api: ApiServer, at: number): void {
    const rv = api.cache.resourceVersion();
    if (rv !== this.seenRv || !this.snap) {
      this.snap = clusterSnapshot(api, at);
      this.seenRv = rv;
      this.dirty = true;
    } else if (at !== this.snap.at) {
      this.snap = { ...this.snap, at };
    } else return;
    this.history.record(this.snap);
    if (this.dirty) this.schedule();
  }

  /** A new cluster (lesson reset): the chart starts afresh. */
  reset(api: ApiServer, at: number): void {
    this.history.clear();
    this.snap = undefined;
    this.seenRv = -1;
    this.update(api, at);
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    const wait = PUSH_MS - (this.host.now() - this.lastPush);
    if (wait <= 0) {
      this.push();
      return;
    }
    this.timer = this.host.setTimeout(() => {
      this.timer = undefined;
      this.push();
    }, wait);
  }

  private push(): void {
    if (!this.dirty || !this.snap) return;
    this.dirty = false;
    this.lastPush = this.host.now();
    this.post({ type: 'cluster', snapshot: this.snap, chart: this.history.data() });
  }
}
