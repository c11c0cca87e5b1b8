import { describe, expect, it } from 'vitest';
import { ObjectStore, TooOldResourceVersionError, type StoreWatchEvent } from '../../../sandbox/store/store';
import { parseSelector } from '../../../sandbox/api/selectors/labels';
import type { KubeObject } from '../../../sandbox/api/types';

function pod(name: string, labels: Record<string, string>, ns = 'default', owner?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: ns,
      labels,
      ...(owner
        ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: owner }] }
        : {}),
    },
  };
}

describe('ObjectStore', () => {
  it('assigns increasing resourceVersions and freezes stored objects', () => {
    const s = new ObjectStore();
    const a = s.put('pods', pod('a', { app: 'x' }));
    const b = s.put('pods', pod('b', { app: 'x' }));
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
    expect(Object.isFrozen(a.metadata)).toBe(true);
    expect(() => {
      (a.metadata as { name: string }).name = 'z';
    }).toThrow();
  });

  it('lists by namespace and label selector, sorted by namespace then name', () => {
    const s = new ObjectStore();
    s.put('pods', pod('c', { app: 'kubia', v: '1' }));
    s.put('pods', pod('a', { app: 'kubia', v: '2' }));
    s.put('pods', pod('b', { app: 'other' }));
    s.put('pods', pod('a', { app: 'kubia' }, 'kube-system'));
    const names = (objs: KubeObject[]): string[] =>
      objs.map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
    expect(names(s.list('pods', { labels: parseSelector('app=kubia') }))).toEqual([
      'default/a',
      'default/c',
      'kube-system/a',
    ]);
    expect(names(s.list('pods', { namespace: 'default', labels: parseSelector('app=kubia') }))).toEqual([
      'default/a',
      'default/c',
    ]);
    expect(names(s.list('pods', { namespace: 'default', labels: parseSelector('v in (1,2)') }))).toEqual([
      'default/a',
      'default/c',
    ]);
    expect(names(s.list('pods', { namespace: 'default', labels: parseSelector('app!=kubia') }))).toEqual([
      'default/b',
    ]);
    expect(names(s.list('pods', { namespace: 'default', labels: parseSelector('!v') }))).toEqual([
      'default/b',
    ]);
  });

  it('gets the latest version by namespace and name, and nothing once removed', () => {
    const s = new ObjectStore();
    s.put('pods', pod('a', { app: 'x' }));
    s.put('pods', pod('a', { app: 'x' }, 'other'));
    const v2 = s.put('pods', pod('a', { app: 'y' }));
    expect(s.get('pods', 'default', 'a')).toBe(v2);
    expect(s.get('pods', 'other', 'a')?.metadata.namespace).toBe('other');
    expect(s.get('pods', 'default', 'b')).toBeUndefined();
    expect(s.get('services', 'default', 'a')).toBeUndefined();
    s.remove('pods', 'default', 'a');
    expect(s.get('pods', 'default', 'a')).toBeUndefined();
    expect(s.get('pods', 'other', 'a')).toBeDefined();
    const node: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } };
    const stored = s.put('nodes', node);
    expect(s.get('nodes', undefined, 'n1')).toBe(stored);
    expect(s.get('nodes', '', 'n1')).toBe(stored);
    s.remove('nodes', undefined, 'n1');
    expect(s.get('nodes', undefined, 'n1')).toBeUndefined();
    s.put('nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } });
    expect(s.get('nodes', undefined, 'n1')?.metadata.name).toBe('n1');
  });

  it('keeps the label index right when labels change or objects go', () => {
    const s = new ObjectStore();
    s.put('pods', pod('a', { app: 'kubia' }));
    s.put('pods', pod('a', { app: 'changed' }));
    expect(s.list('pods', { labels: parseSelector('app=kubia') })).toHaveLength(0);
    expect(s.list('pods', { labels: parseSelector('app=changed') })).toHaveLength(1);
    s.remove('pods', 'default', 'a');
    expect(s.list('pods', { labels: parseSelector('app') })).toHaveLength(0);
    expect(s.count('pods')).toBe(0);
  });

  it('finds dependents through ownerReferences', () => {
    const s = new ObjectStore();
    s.put('pods', pod('a', {}, 'default', 'uid-1'));
    s.put('pods', pod('b', {}, 'default', 'uid-2'));
    expect(s.dependents('uid-1').map(([r, o]) => `${r}/${o.metadata.name}`)).toEqual(['pods/a']);
    s.put('pods', pod('a', {}));
    expect(s.dependents('uid-1')).toEqual([]);
  });

  it('watches from the start, from a resourceVersion, and filtered by labels', () => {
    const s = new ObjectStore();
    const first = s.put('pods', pod('a', { app: 'kubia' }));
    const all: string[] = [];
    const filtered: string[] = [];
    const rec = (out: string[]) => (e: StoreWatchEvent) =>
      out.push(`${e.type} ${e.object.metadata.name} ${e.object.metadata.labels?.app ?? ''}`);
    s.watch('pods', {}, Number(first.metadata.resourceVersion), rec(all));
    s.watch('pods', { labels: parseSelector('app=kubia') }, undefined, rec(filtered));
    s.put('pods', pod('b', { app: 'kubia' }));
    s.put('pods', pod('a', { app: 'other' }));
    s.put('pods', pod('a', { app: 'kubia' }));
    s.remove('pods', 'default', 'b');
    expect(all).toEqual(['ADDED b kubia', 'MODIFIED a other', 'MODIFIED a kubia', 'DELETED b kubia']);
    expect(filtered).toEqual([
      'ADDED a kubia',
      'ADDED b kubia',
      'DELETED a other',
      'ADDED a kubia',
      'DELETED b kubia',
    ]);
  });

  it('answers a resourceVersion older than the log with TooOld', () => {
    const s = new ObjectStore({ logLimit: 10 });
    for (let i = 0; i < 30; i++) s.put('pods', pod(`p${i}`, {}));
    expect(() => s.watch('pods', {}, 2, () => {})).toThrow(TooOldResourceVersionError);
    const seen: string[] = [];
    s.watch('pods', {}, 29, (e) => seen.push(e.object.metadata.name!));
    expect(seen).toEqual(['p29']);
  });
});
