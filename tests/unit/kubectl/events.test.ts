import { beforeAll, describe, expect, it } from 'vitest';
import { preloadLazyCommands } from '../../../sandbox/index';
import type { KubeObjectInput } from '../../../sandbox/api/types';
import { setup } from './harness';

beforeAll(() => preloadLazyCommands());

const event = (
  name: string,
  reason: string,
  at: string,
  extra: Record<string, unknown> = {},
): KubeObjectInput => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name, namespace: 'default' },
  involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' },
  reason,
  message: `${reason} happened\nsecond line`,
  type: 'Normal',
  firstTimestamp: at,
  lastTimestamp: at,
  count: 1,
  source: { component: 'kubelet' },
  ...extra,
});

describe('kubectl events', () => {
  it('sorts by last seen, shows repeats as (xN over …) and cuts messages at a line break', async () => {
    const { sb, run } = setup();
    sb.api.create(event('b', 'Later', '2026-01-01T09:00:30Z'));
    sb.api.create(
      event('a', 'Repeated', '2026-01-01T08:59:00Z', { count: 4, lastTimestamp: '2026-01-01T09:00:50Z' }),
    );
    sb.api.create(event('c', 'Earliest', '2026-01-01T08:58:00Z'));
    sb.clock.advance(60);
    const r = await run('events');
    expect(r.out).toBe(
      'LAST SEEN          TYPE     REASON     OBJECT    MESSAGE\n' +
        '3m                 Normal   Earliest   Pod/web   Earliest happened...\n' +
        '30s                Normal   Later      Pod/web   Later happened...\n' +
        '10s (x4 over 2m)   Normal   Repeated   Pod/web   Repeated happened...\n',
    );
  });

  it('-w prints the stored events, then each new one, until Ctrl+C', async () => {
    const { sb, start } = setup();
    sb.api.create(event('a', 'First', '2026-01-01T09:00:00Z'));
    const w = start('events -w --types=normal');
    await Promise.resolve();
    sb.clock.flush();
    expect(w.captured.out).toBe(
      'LAST SEEN   TYPE     REASON   OBJECT    MESSAGE\n0s          Normal   First    Pod/web   First happened...\n',
    );
    sb.clock.advance(5);
    sb.api.create(event('b', 'Second', '2026-01-01T09:00:05Z'));
    sb.api.create(event('w', 'Ignored', '2026-01-01T09:00:05Z', { type: 'Warning' }));
    sb.clock.flush();
    const r = await w.stop();
    expect(r.out.split('\n').slice(2)).toEqual([
      '0s          Normal   Second   Pod/web   Second happened...',
      '',
    ]);
    expect(r.rc).toBe(1); // kubectl's interrupt handler ends it with 1
  });
});
