/**
 * The correlator files its caches per involved object; what it decides must be what client-go's
 * three string-keyed LRU caches (4096 keys each) decide, evictions included. The reference below is
 * that plain model: long random streams must get the same answers from both.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  EventCorrelator,
  type CorrelatedEvent,
  type Observation,
} from '../../../../sandbox/controllers/runtime/correlator';

const MAX = 4096;

class ModelLru<V> {
  readonly map = new Map<string, V>();
  get(k: string): V | undefined {
    return this.map.get(k);
  }
  set(k: string, v: V): void {
    this.map.delete(k);
    this.map.set(k, v);
    if (this.map.size > MAX) this.map.delete(this.map.keys().next().value!);
  }
}

/** events_cache.go as a few string-keyed maps. */
class Model {
  private agg = new ModelLru<{ messages: Set<string>; last: number }>();
  private obs = new ModelLru<Observation>();
  private buckets = new ModelLru<{ tokens: number; at: number }>();

  private static obj(e: CorrelatedEvent): string {
    return [e.component, e.host, e.kind, e.namespace, e.name, e.uid, e.apiVersion].join('\0');
  }

  private static key(e: CorrelatedEvent, message: string): string {
    return [Model.obj(e), e.fieldPath, e.type, e.reason, message].join('\0');
  }

  correlate(e: CorrelatedEvent, now: number, stamp: string, name: () => string) {
    const ak = [Model.obj(e), e.type, e.reason, e.component, e.host].join('\0') + '\0agg';
    let g = this.agg.get(ak);
    if (!g || now - g.last > 600_000) g = { messages: new Set(), last: now };
    g.messages.add(e.message);
    g.last = now;
    this.agg.set(ak, g);
    let key = Model.key(e, e.message);
    let message = e.message;
    if (g.messages.size >= 10) {
      g.messages.delete(g.messages.values().next().value!);
      key = ak;
      message = '(combined from similar events): ' + e.message;
    }
    const last = this.obs.get(key);
    const observed = last
      ? { count: last.count + 1, firstTimestamp: last.firstTimestamp, name: last.name }
      : { count: 1, firstTimestamp: stamp, name: name() };
    this.obs.set(key, observed);
    const bk = Model.obj(e);
    const b = this.buckets.get(bk) ?? { tokens: 25, at: now };
    const tokens = Math.min(25, b.tokens + ((now - b.at) / 1000) * (1 / 300));
    const ok = tokens >= 1;
    this.buckets.set(bk, ok ? { tokens: tokens - 1, at: now } : b);
    return { ...observed, skip: !ok, patch: last !== undefined, message };
  }

  stored(e: CorrelatedEvent, message: string, observed: Observation): void {
    this.obs.set(Model.key(e, message), observed);
  }
}

interface Step {
  obj: number;
  reason: string;
  type: string;
  message: number;
  field: boolean;
  gap: number;
  store: boolean;
}

const step: fc.Arbitrary<Step> = fc.record({
  obj: fc.nat(5000),
  reason: fc.constantFrom('Created', 'Started', 'Killing', 'Unhealthy'),
  type: fc.constantFrom('Normal', 'Warning'),
  message: fc.nat(14),
  field: fc.boolean(),
  gap: fc.constantFrom(0, 1000, 60_000, 700_000),
  store: fc.boolean(),
});

function event(s: Step): CorrelatedEvent {
  // A few objects share a uid (hand-made references) but differ in name.
  return {
    component: 'kubelet',
    host: 'node-1',
    kind: 'Pod',
    namespace: s.obj % 7 === 0 ? 'kube-system' : 'default',
    name: `pod-${s.obj}`,
    uid: s.obj % 50 === 0 ? 'shared' : `uid-${s.obj}`,
    apiVersion: 'v1',
    fieldPath: s.field ? 'spec.containers{app}' : '',
    type: s.type,
    reason: s.reason,
    message: `message ${s.message}`,
  };
}

describe('EventCorrelator', () => {
  it('decides as client-go string-keyed LRU caches do, past their 4096 keys', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 6000, maxLength: 9000 }), (steps) => {
        const model = new Model();
        const real = new EventCorrelator();
        let now = 0;
        let n = 0;
        for (const s of steps) {
          now += s.gap;
          const e = event(s);
          const stamp = `t${now}`;
          const name = `ev-${n++}`;
          const want = model.correlate(e, now, stamp, () => name);
          const got = real.correlate(e, now, stamp, () => name);
          expect(got).toEqual(want);
          if (!got.skip && s.store) {
            const observed = { count: got.count, firstTimestamp: got.firstTimestamp, name: got.name };
            model.stored(e, got.message, observed);
            real.stored(e, got.message, observed);
          }
        }
      }),
      // No shrinking: a failing stream of thousands of steps would take minutes to shrink.
      { numRuns: 8, endOnFailure: true },
    );
  });
});
