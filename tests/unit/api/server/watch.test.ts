import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../../sandbox/index';
import type { WatchEvent } from '../../../../sandbox/index';
import { pod, statusOf } from './fixtures';

describe('watch', () => {
  it('streams ADDED, MODIFIED and DELETED in order, delivered on the clock', () => {
    const { api, clock } = createSandbox({ cluster: false });
    const seen: string[] = [];
    const w = api.watch('pods', 'default', {}, (e: WatchEvent) =>
      seen.push(`${e.type} ${e.object.metadata.name}`),
    );
    api.create(pod('a'));
    api.patch('pods', 'default', 'a', { metadata: { labels: { x: 'y' } } }, 'strategic');
    api.delete('pods', 'default', 'a');
    expect(seen).toEqual([]);
    clock.flush();
    expect(seen).toEqual(['ADDED a', 'MODIFIED a', 'DELETED a']);
    w.stop();
    api.create(pod('b'));
    clock.flush();
    expect(seen).toHaveLength(3);
  });

  it('replays from a resourceVersion and starts with the current state without one', () => {
    const { api, clock } = createSandbox({ cluster: false });
    api.create(pod('a'));
    const list = api.list('pods', 'default');
    api.create(pod('b'));
    const fromRv: string[] = [];
    const fromNow: string[] = [];
    api.watch('pods', 'default', { resourceVersion: list.metadata.resourceVersion }, (e) =>
      fromRv.push(`${e.type} ${e.object.metadata.name}`),
    );
    api.watch('pods', 'default', {}, (e) => fromNow.push(`${e.type} ${e.object.metadata.name}`));
    clock.flush();
    expect(fromRv).toEqual(['ADDED b']);
    expect(fromNow).toEqual(['ADDED a', 'ADDED b']);
  });

  it('filters by selectors: leaving the selector is a DELETED', () => {
    const { api, clock } = createSandbox({ cluster: false });
    const seen: string[] = [];
    api.watch('pods', 'default', { labelSelector: 'app=kubia' }, (e) =>
      seen.push(`${e.type} ${e.object.metadata.name}`),
    );
    api.create(pod('a'));
    api.create(pod('b', { app: 'other' }));
    api.patch('pods', 'default', 'a', { metadata: { labels: { app: 'gone' } } }, 'merge');
    clock.flush();
    expect(seen).toEqual(['ADDED a', 'DELETED a']);
  });

  it('answers a malformed resourceVersion with 400', () => {
    const { api } = createSandbox({ cluster: false });
    expect(statusOf(() => api.watch('pods', 'default', { resourceVersion: 'abc' }, () => {})).code).toBe(400);
  });
});
