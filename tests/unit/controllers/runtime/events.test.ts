/**
 * The event recorder through client-go's event correlator: what `kubectl get events` shows after
 * many similar events (aggregation), repeated ones (counting) and a flood about one object (the
 * spam filter), and the scheduler's events.k8s.io path that has none of it.
 */
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../../sandbox/index';
import { EventRecorder, type InvolvedObject } from '../../../../sandbox/controllers/runtime/events';

interface Ev {
  reason: string;
  message: string;
  count: number;
  firstTimestamp: string;
  lastTimestamp: string;
}

function setup() {
  const sb = createSandbox({ seed: 3, cluster: false });
  const events = new EventRecorder(sb.api, sb.clock);
  const pod: InvolvedObject = {
    kind: 'Pod',
    apiVersion: 'v1',
    namespace: 'default',
    name: 'web-1',
    uid: 'u1',
  };
  const list = (): Ev[] =>
    (sb.api.list('events', 'default').items as unknown as Ev[]).sort((a, b) =>
      a.firstTimestamp === b.firstTimestamp
        ? a.message.localeCompare(b.message)
        : a.firstTimestamp < b.firstTimestamp
          ? -1
          : 1,
    );
  return { sb, events, pod, list };
}

describe('event correlation (client-go tools/record)', () => {
  it('counts an identical event instead of writing a new one', () => {
    const { sb, events, pod, list } = setup();
    const kubelet = { component: 'kubelet', host: 'node-1' };
    events.record(kubelet, pod, 'Warning', 'Unhealthy', 'Readiness probe failed');
    sb.clock.advance(1);
    events.record(kubelet, pod, 'Warning', 'Unhealthy', 'Readiness probe failed');
    const [e] = list();
    expect(list()).toHaveLength(1);
    expect(e.count).toBe(2);
    expect(e.lastTimestamp > e.firstTimestamp).toBe(true);
  });

  it('combines the 10th and later similar events (same reason, new messages) into one', () => {
    const { events, list } = setup();
    const rs: InvolvedObject = {
      kind: 'ReplicaSet',
      apiVersion: 'apps/v1',
      namespace: 'default',
      name: 'web-abc',
      uid: 'r1',
    };
    const source = { component: 'replicaset-controller' };
    for (let i = 1; i <= 14; i++)
      events.record(source, rs, 'Normal', 'SuccessfulCreate', `Created pod: web-abc-${i}`);
    const all = list();
    expect(all).toHaveLength(10);
    const combined = all.filter((e) => e.message.startsWith('(combined from similar events): '));
    expect(combined).toHaveLength(1);
    expect(combined[0]).toMatchObject({
      count: 5,
      message: '(combined from similar events): Created pod: web-abc-14',
    });
  });

  it('stops writing after 25 events about one object from one source, then one per 5 minutes', () => {
    const { sb, events, pod, list } = setup();
    const kubelet = { component: 'kubelet', host: 'node-1' };
    for (const reason of ['Pulled', 'Created', 'Started', 'Killing'])
      events.record(kubelet, pod, 'Normal', reason, reason);
    for (let i = 0; i < 40; i++) {
      events.record(kubelet, pod, 'Warning', 'Unhealthy', 'Readiness probe failed');
      sb.clock.advance(1);
    }
    const unhealthy = () => list().find((e) => e.reason === 'Unhealthy')!;
    // 25 tokens: 4 for the first events, 21 for the probe failures; the count written is the 21st.
    expect(unhealthy().count).toBe(21);
    sb.clock.advance(300);
    events.record(kubelet, pod, 'Warning', 'Unhealthy', 'Readiness probe failed');
    // A token came back: the write carries every failure seen meanwhile.
    expect(unhealthy().count).toBe(41);
    // Another source has its own bucket.
    events.record({ component: 'kubelet', host: 'node-2' }, pod, 'Normal', 'Pulled', 'elsewhere');
    expect(list().some((e) => e.message === 'elsewhere')).toBe(true);
  });

  it('leaves the scheduler (events.k8s.io) without aggregation or spam filter', () => {
    const { events, list } = setup();
    const scheduler = { component: 'default-scheduler' };
    for (let i = 0; i < 30; i++) {
      const pod: InvolvedObject = {
        kind: 'Pod',
        apiVersion: 'v1',
        namespace: 'default',
        name: 'p',
        uid: 'u',
      };
      events.record(scheduler, pod, 'Warning', 'FailedScheduling', `0/${i} nodes are available`);
    }
    expect(list()).toHaveLength(30);
    expect(list().some((e) => e.message.startsWith('(combined'))).toBe(false);
  });
});
