/**
 * The worked traces of spec §4.6: a rolling update from a fully available old RS, with the fake
 * RS controller making new pods Ready (and Available) instantly or after minReadySeconds.
 * Sizes are `new/old`, recorded after every ReplicaSet resize.
 */
import { describe, expect, it } from 'vitest';
import { harness, reset, rolling, setImage, web, condition, type WebOptions } from './harness';

interface Trace {
  name: string;
  deployment: WebOptions;
  /** Virtual seconds to let the first revision become available before the update. */
  warmup?: number;
  timeline: string[];
}

const N = 'web-NEW';
const O = 'web-OLD';

/**
 * The ScalingReplicaSet events a timeline implies: one per resize, in order, worded as the
 * deployment controller words them (`to N`, plus `from M` unless scaling up from zero).
 */
function eventsOf(timeline: string[], replicas: number): string[] {
  let [neu, old] = [0, replicas];
  const out: string[] = [];
  for (const step of timeline) {
    const [n, o] = step.split(' ')[1].split('/').map(Number);
    if (n !== neu)
      out.push(`Scaled ${n > neu ? 'up' : 'down'} replica set ${N} to ${n}${neu ? ` from ${neu}` : ''}`);
    if (o !== old) out.push(`Scaled ${o > old ? 'up' : 'down'} replica set ${O} to ${o} from ${old}`);
    [neu, old] = [n, o];
  }
  return out;
}

const TRACES: Trace[] = [
  {
    name: '(a) 3 replicas, maxSurge 1, maxUnavailable 0',
    deployment: { replicas: 3, strategy: rolling(1, 0) },
    timeline: ['0s 1/3', '0s 1/2', '0s 2/2', '0s 2/1', '0s 3/1', '0s 3/0'],
  },
  {
    name: "(a') 3 replicas, 1/0, minReadySeconds 10",
    deployment: { replicas: 3, strategy: rolling(1, 0), minReadySeconds: 10 },
    warmup: 11,
    timeline: ['0s 1/3', '11s 1/2', '11s 2/2', '22s 2/1', '22s 3/1', '33s 3/0'],
  },
  {
    name: '(b) 3 replicas, default 25%/25% (resolves to 1/0)',
    deployment: { replicas: 3 },
    timeline: ['0s 1/3', '0s 1/2', '0s 2/2', '0s 2/1', '0s 3/1', '0s 3/0'],
  },
  {
    name: '(c) 3 replicas, maxSurge 1, maxUnavailable 1',
    deployment: { replicas: 3, strategy: rolling(1, 1) },
    timeline: ['0s 1/3', '0s 1/2', '0s 2/2', '0s 2/0', '0s 3/0'],
  },
  {
    name: '(d) 10 replicas, maxSurge 3, maxUnavailable 2',
    deployment: { replicas: 10, strategy: rolling(3, 2) },
    timeline: ['0s 3/10', '0s 3/8', '0s 5/8', '0s 5/3', '0s 10/3', '0s 10/0'],
  },
  {
    name: '(d) 10 replicas, default 25%/25% (resolves to 3/2)',
    deployment: { replicas: 10 },
    timeline: ['0s 3/10', '0s 3/8', '0s 5/8', '0s 5/3', '0s 10/3', '0s 10/0'],
  },
];

describe('rolling update traces (spec §4.6)', () => {
  it.each(TRACES)('$name', (t) => {
    const h = harness();
    h.api.create(web(t.deployment));
    h.flush();
    h.clock.advance(t.warmup ?? 1);
    const old = h.replicaSets()[0].metadata.name!;
    reset(h);
    setImage(h, 'nginx:1.27');
    h.clock.advance(40);
    const rss = h.replicaSets();
    expect(rss).toHaveLength(2);
    const neu = rss[0].metadata.name!;
    expect(h.timeline).toEqual(t.timeline);
    const named = h.events.map((e) => e.replace(neu, N).replace(old, O));
    const events = eventsOf(t.timeline, t.deployment.replicas ?? 3);
    expect(named).toEqual(events.map((e) => `ScalingReplicaSet: ${e}`));
    const d = h.deployment();
    expect(condition(d, 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "${neu}" has successfully progressed.`,
    });
    expect(condition(d, 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable' });
    const n = t.deployment.replicas ?? 3;
    expect(d.status).toMatchObject({
      observedGeneration: 2,
      replicas: n,
      updatedReplicas: n,
      availableReplicas: n,
    });
    h.stop();
  });

  it("(a') waits: between steps the new pods are ready but not yet available", () => {
    const h = harness();
    h.api.create(web({ strategy: rolling(1, 0), minReadySeconds: 10 }));
    h.flush();
    h.clock.advance(11);
    setImage(h, 'nginx:1.27');
    h.clock.advance(5);
    const d = h.deployment();
    expect(d.status).toMatchObject({
      replicas: 4,
      updatedReplicas: 1,
      readyReplicas: 4,
      availableReplicas: 3,
    });
    expect(d.status).toMatchObject({ unavailableReplicas: 1 });
    h.stop();
  });
});
