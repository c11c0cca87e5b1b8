/**
 * What the rollout chart plots: samples over virtual time of the pods per ReplicaSet (or
 * ReplicationController) of the workload being rolled, with its bounds. A sample is kept only when
 * something changed, so a quiet cluster costs nothing; old samples fall off after `KEEP_MS`.
 */
import type { ClusterSnapshot, ControllerView } from './snapshot';

const KEEP_MS = 15 * 60_000;
const MAX_SAMPLES = 2000;
const COALESCE_MS = 250;

export interface Sample {
  t: number;
  /** Pods that are not terminating, per controller name. */
  pods: Record<string, number>;
  terminating: number;
  ready: number;
  /** replicas + maxSurge and replicas − maxUnavailable of the Deployment (when one is charted). */
  maxPods: number | undefined;
  minAvailable: number | undefined;
}

export interface Series {
  name: string;
  version: string;
  revision: number | undefined;
}

/** The chart's samples and series as plain data (the worker records them, the page draws them). */
export interface ChartData {
  samples: Sample[];
  series: Series[];
}

export interface ChartSubject {
  /** The Deployment charted, or undefined for bare controllers. */
  deployment: string | undefined;
  controllers: ControllerView[];
  maxPods: number | undefined;
  minAvailable: number | undefined;
}

/** The Deployment that changed last (its newest ReplicaSet is the youngest), else bare controllers. */
export function chartSubject(snap: ClusterSnapshot): ChartSubject | undefined {
  let best: ChartSubject | undefined;
  let bestAge = '';
  for (const d of snap.deployments) {
    const youngest = d.replicaSets.reduce((m, r) => (r.createdAt > m ? r.createdAt : m), '');
    if (!best || youngest > bestAge) {
      best = {
        deployment: d.name,
        controllers: d.replicaSets,
        maxPods: d.maxPods,
        minAvailable: d.minAvailable,
      };
      bestAge = youngest;
    }
  }
  if (best) return best;
  if (snap.controllers.length === 0) return undefined;
  return {
    deployment: undefined,
    controllers: snap.controllers,
    maxPods: undefined,
    minAvailable: undefined,
  };
}

function live(c: ControllerView): number {
  return c.counts.pending + c.counts.creating + c.counts.running + c.counts.ready + c.counts.failing;
}

function same(a: Sample, b: Sample): boolean {
  if (a.terminating !== b.terminating || a.ready !== b.ready) return false;
  if (a.maxPods !== b.maxPods || a.minAvailable !== b.minAvailable) return false;
  const ka = Object.keys(a.pods);
  if (ka.length !== Object.keys(b.pods).length) return false;
  return ka.every((k) => a.pods[k] === b.pods[k]);
}

export class RolloutHistory {
  readonly samples: Sample[] = [];
  /** Every controller seen, oldest revision first (the stacking order). */
  readonly series = new Map<string, Series>();
  subject: string | undefined;
  /** Virtual time of the latest record (the chart's "now"). */
  now = 0;

  record(snap: ClusterSnapshot): void {
    this.now = snap.at;
    const subject = chartSubject(snap);
    const key = subject?.deployment ?? (subject ? '' : undefined);
    if (key !== this.subject) {
      // Another workload is being rolled: start its chart afresh.
      this.samples.length = 0;
      this.series.clear();
      this.subject = key;
    }
    if (!subject) return;
    const sample: Sample = {
      t: snap.at,
      pods: {},
      terminating: 0,
      ready: 0,
      maxPods: subject.maxPods,
      minAvailable: subject.minAvailable,
    };
    const ordered = [...subject.controllers].sort(
      (a, b) => (a.revision ?? 0) - (b.revision ?? 0) || (a.createdAt < b.createdAt ? -1 : 1),
    );
    for (const c of ordered) {
      if (!this.series.has(c.name))
        this.series.set(c.name, { name: c.name, version: c.version, revision: c.revision });
      else this.series.get(c.name)!.revision = c.revision;
      const n = live(c);
      if (n > 0) sample.pods[c.name] = n;
      sample.terminating += c.counts.terminating;
      sample.ready += c.counts.ready;
    }
    const last = this.samples[this.samples.length - 1];
    if (last && same(last, sample)) return;
    // Changes closer than COALESCE_MS are less than a pixel apart on the chart: keep the latest.
    const before = this.samples[this.samples.length - 2];
    if (last && (last.t === sample.t || (before && sample.t - before.t < COALESCE_MS)))
      this.samples[this.samples.length - 1] = { ...sample, t: last.t };
    else this.samples.push(sample);
    const cutoff = snap.at - KEEP_MS;
    let drop = 0;
    // Keep one sample older than the cutoff: it holds the value at the window's left edge.
    while (drop + 1 < this.samples.length && this.samples[drop + 1].t <= cutoff) drop++;
    drop = Math.max(drop, this.samples.length - MAX_SAMPLES);
    if (drop > 0) this.samples.splice(0, drop);
  }

  /** Series in stacking order (oldest revision at the bottom). */
  orderedSeries(): Series[] {
    return [...this.series.values()].sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
  }

  clear(): void {
    this.samples.length = 0;
    this.series.clear();
    this.subject = undefined;
  }

  data(): ChartData {
    return { samples: this.samples, series: [...this.series.values()] };
  }

  /** Take over the samples and series another history recorded (the worker's). */
  load(data: ChartData): void {
    this.samples.splice(0, this.samples.length, ...data.samples);
    this.series.clear();
    for (const s of data.series) this.series.set(s.name, s);
  }
}
