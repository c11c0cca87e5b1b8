import { describe, expect, it } from 'vitest';
import { printEvent } from '../../../../sandbox/api/tables/core-events';
import { MINUTE, NOW, SECOND, ago, obj } from './fixtures';

const ctx = { now: NOW };

function ev(body: Record<string, unknown>) {
  return obj('v1', 'Event', {
    metadata: {
      name: 'kubia-manual.17d3a1b2c3d4e5f6',
      namespace: 'default',
      creationTimestamp: ago(5 * MINUTE),
    },
    involvedObject: {
      kind: 'Pod',
      name: 'kubia-manual',
      namespace: 'default',
      fieldPath: 'spec.containers{nodejs}',
    },
    type: 'Normal',
    reason: 'BackOff',
    message: 'Back-off pulling image "luksa/kubia:v9"\n',
    source: { component: 'kubelet', host: 'minikube' },
    ...body,
  });
}

describe('printEvent', () => {
  it('a representative row (all ten cells; COUNT is an integer)', () => {
    const e = ev({ firstTimestamp: ago(5 * MINUTE), lastTimestamp: ago(32 * SECOND), count: 7 });
    expect(printEvent(e, ctx).cells).toEqual([
      '32s',
      'Normal',
      'BackOff',
      'pod/kubia-manual',
      'spec.containers{nodejs}',
      'kubelet, minikube',
      'Back-off pulling image "luksa/kubia:v9"',
      '5m',
      7,
      'kubia-manual.17d3a1b2c3d4e5f6',
    ]);
  });

  it('LAST SEEN falls back to firstTimestamp, FIRST SEEN to eventTime; count defaults to 1', () => {
    const onlyFirst = printEvent(ev({ firstTimestamp: ago(90 * SECOND) }), ctx).cells;
    expect([onlyFirst[0], onlyFirst[7], onlyFirst[8]]).toEqual(['90s', '90s', 1]);
    const onlyEventTime = printEvent(ev({ eventTime: '2024-06-01T11:59:50.000000Z' }), ctx).cells;
    expect([onlyEventTime[0], onlyEventTime[7]]).toEqual(['10s', '10s']);
    const none = printEvent(ev({}), ctx).cells;
    expect([none[0], none[7]]).toEqual(['<unknown>', '<unknown>']);
  });

  it('a series overrides LAST SEEN and COUNT', () => {
    const e = ev({
      eventTime: '2024-06-01T11:50:00.000000Z',
      series: { count: 12, lastObservedTime: '2024-06-01T11:59:54.000000Z' },
      lastTimestamp: ago(MINUTE),
      count: 3,
    });
    const cells = printEvent(e, ctx).cells;
    expect([cells[0], cells[7], cells[8]]).toEqual(['6s', '10m', 12]);
  });

  it('OBJECT is the lowercase kind alone without a name; SOURCE falls back to reporting fields', () => {
    const e = ev({
      involvedObject: { kind: 'Deployment' },
      source: {},
      reportingComponent: 'deployment-controller',
      reportingInstance: '',
      lastTimestamp: ago(6 * SECOND),
    });
    const cells = printEvent(e, ctx).cells;
    expect([cells[3], cells[4], cells[5]]).toEqual(['deployment', '', 'deployment-controller']);
  });
});
