/**
 * A bare API server with only the Deployment controller running (no kubelet, scheduler or RS
 * controller), plus the fake RS controller and recorders of what the Deployment controller did:
 * its events in order and a timeline of ReplicaSet sizes.
 */
import { createSandbox } from '../../../../sandbox/index';
import type { ApiServer } from '../../../../sandbox/api/server';
import type { KubeObject, KubeObjectInput } from '../../../../sandbox/api/types';
import type { VirtualClock } from '../../../../sandbox/clock/clock';
import type { ClusterContext } from '../../../../sandbox/cluster/context';
import { ContainerRegistry } from '../../../../sandbox/cluster/containers';
import { EventRecorder } from '../../../../sandbox/controllers/runtime/events';
import { start } from '../../../../sandbox/controllers/deployment/index';
import { FakeReplicaSetController, type FakeRSOptions } from './fake-rs';

export interface Harness {
  api: ApiServer;
  clock: VirtualClock;
  rs: FakeReplicaSetController;
  /** `reason: message` of every event the controller recorded, in order. */
  events: string[];
  /** After every RS spec change: the sizes of the Deployment's RSs, newest first (`3/1`, `2/2/0`). */
  sizes: string[];
  /** The same, prefixed with the virtual seconds since the last `reset` (`11s 2/2`). */
  timeline: string[];
  /** Virtual time of the last `reset`. */
  mark: number;
  /** Run everything due now. */
  flush(): void;
  deployment(name?: string): KubeObject;
  replicaSets(): KubeObject[];
  stop(): void;
}

export function harness(opts: FakeRSOptions = {}): Harness {
  const sb = createSandbox({ cluster: false, seed: 7 });
  const { api, clock } = sb;
  const ctx: ClusterContext = {
    api,
    clock,
    random: sb.random,
    events: new EventRecorder(api, clock),
    containers: new ContainerRegistry(),
    options: {},
  };
  const stopController = start(ctx);
  const rs = new FakeReplicaSetController(api, clock, opts);
  const events: string[] = [];
  const sizes: string[] = [];
  const timeline: string[] = [];
  const eventWatch = api.watch('events', undefined, {}, (e) => {
    if (e.type === 'ADDED') events.push(`${e.object.reason}: ${e.object.message}`);
  });
  // The sizes as the watch saw them, event by event (not the state when the event is delivered).
  const specs = new Map<string, KubeObject>();
  const rsWatch = api.watch('replicasets', undefined, {}, (e) => {
    const key = e.object.metadata.name!;
    if (e.type === 'DELETED') {
      specs.delete(key);
      return;
    }
    const before = specs.get(key);
    specs.set(key, e.object);
    if (before && replicasOf(before) === replicasOf(e.object)) return;
    const line = newestFirst([...specs.values()])
      .map(replicasOf)
      .join('/');
    sizes.push(line);
    timeline.push(`${Math.round((clock.now() - h.mark) / 1000)}s ${line}`);
  });
  clock.flush();
  const h: Harness = {
    api,
    clock,
    rs,
    events,
    sizes,
    timeline,
    mark: clock.now(),
    flush: () => clock.advance(0),
    deployment: (name = 'web') => api.get('deployments', 'default', name),
    replicaSets: () => newestFirst(api.list('replicasets', 'default').items),
    stop: () => {
      eventWatch.stop();
      rsWatch.stop();
      rs.stop();
      stopController();
    },
  };
  return h;
}

function newestFirst(items: KubeObject[]): KubeObject[] {
  return [...items].sort((a, b) => {
    const ta = a.metadata.creationTimestamp!;
    const tb = b.metadata.creationTimestamp!;
    return ta !== tb ? (ta < tb ? 1 : -1) : a.metadata.name! < b.metadata.name! ? 1 : -1;
  });
}

const replicasOf = (rs: KubeObject): number => (rs.spec as { replicas?: number }).replicas ?? 0;

export interface WebOptions {
  replicas?: number;
  image?: string;
  strategy?: Record<string, unknown>;
  minReadySeconds?: number;
  progressDeadlineSeconds?: number;
  revisionHistoryLimit?: number;
  annotations?: Record<string, string>;
  paused?: boolean;
}

export function web(o: WebOptions = {}): KubeObjectInput {
  const spec: Record<string, unknown> = {
    replicas: o.replicas ?? 3,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: o.image ?? 'nginx:1.26' }] },
    },
  };
  if (o.strategy) spec.strategy = o.strategy;
  if (o.minReadySeconds !== undefined) spec.minReadySeconds = o.minReadySeconds;
  if (o.progressDeadlineSeconds !== undefined) spec.progressDeadlineSeconds = o.progressDeadlineSeconds;
  if (o.revisionHistoryLimit !== undefined) spec.revisionHistoryLimit = o.revisionHistoryLimit;
  if (o.paused) spec.paused = true;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', ...(o.annotations ? { annotations: o.annotations } : {}) },
    spec,
  };
}

export const rolling = (
  maxSurge: number | string,
  maxUnavailable: number | string,
): Record<string, unknown> => ({
  type: 'RollingUpdate',
  rollingUpdate: { maxSurge, maxUnavailable },
});

/** `kubectl set image deployment/web web=<image>` (a strategic merge patch of the template). */
export function setImage(h: Harness, image: string, name = 'web'): void {
  h.api.patch('deployments', 'default', name, {
    spec: { template: { spec: { containers: [{ name: 'web', image }] } } },
  });
}

/** `kubectl scale deployment/web --replicas=n`. */
export function scaleTo(h: Harness, n: number, name = 'web'): void {
  h.api.patch('deployments', 'default', name, { spec: { replicas: n } }, 'merge');
}

export function condition(d: KubeObject, type: string): Record<string, string> | undefined {
  const conds = (d.status as { conditions?: Array<Record<string, string>> } | undefined)?.conditions ?? [];
  return conds.find((c) => c.type === type);
}

export function annotation(o: KubeObject, key: string): string | undefined {
  return o.metadata.annotations?.[key];
}

/** Forget what was recorded so far (after setting up the starting revision). */
export function reset(h: Harness): void {
  h.events.length = 0;
  h.sizes.length = 0;
  h.timeline.length = 0;
  h.mark = h.clock.now();
}
