/**
 * The store's indexes against a plain scan: after a random run of creates, label changes, owner
 * changes and deletes in several namespaces, every lookup, count, selector list and dependents
 * query answers what scanning all stored objects answers.
 */
import { describe, expect, it } from 'vitest';
import { ObjectStore } from '../../../sandbox/store/store';
import { matches, parseSelector } from '../../../sandbox/api/selectors/labels';
import { SeededRandom } from '../../../sandbox/clock/random';
import type { KubeObject } from '../../../sandbox/api/types';

const NAMESPACES = ['default', 'kube-system', 'a'];
const NAMES = ['x', 'y', 'z', 'w'];
const SELECTORS = [
  '',
  'app=kubia',
  'app in (kubia,other)',
  'tier',
  '!tier',
  'app!=kubia',
  'app=kubia,tier=web',
];

describe('store indexes', () => {
  it('answer every query as a scan of the stored objects does', () => {
    const r = new SeededRandom(3);
    const pick = <T>(xs: readonly T[]): T => xs[r.int(xs.length)];
    const s = new ObjectStore();
    const model = new Map<string, KubeObject>();
    for (let step = 0; step < 1500; step++) {
      const ns = pick(NAMESPACES);
      const name = pick(NAMES);
      const key = `${ns}|${name}`;
      if (r.int(4) === 0) {
        const gone = s.remove('pods', ns, name);
        expect(gone?.metadata.name).toBe(model.get(key)?.metadata.name);
        model.delete(key);
      } else {
        const labels: Record<string, string> = {};
        if (r.int(3) > 0) labels.app = pick(['kubia', 'other']);
        if (r.int(2) > 0) labels.tier = 'web';
        const owner = r.int(3);
        const obj: KubeObject = {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: {
            name,
            namespace: ns,
            labels,
            ...(owner
              ? { ownerReferences: [{ apiVersion: 'v1', kind: 'RC', name: 'o', uid: `uid-${owner}` }] }
              : {}),
          },
        };
        model.set(key, s.put('pods', obj));
      }
      if (step % 50 !== 0) continue;
      const all = [...model.values()];
      const id = (o: KubeObject): string => `${o.metadata.namespace}/${o.metadata.name}`;
      const sorted = (os: KubeObject[]): string[] => os.map(id).sort();
      expect(s.count('pods')).toBe(all.length);
      for (const n of NAMESPACES) {
        expect(s.countInNamespace('pods', n)).toBe(all.filter((o) => o.metadata.namespace === n).length);
        for (const x of NAMES) expect(s.get('pods', n, x)).toBe(model.get(`${n}|${x}`));
      }
      for (const text of SELECTORS) {
        const sel = parseSelector(text);
        for (const n of [undefined, ...NAMESPACES]) {
          const want = all.filter(
            (o) => (n === undefined || o.metadata.namespace === n) && matches(sel, o.metadata.labels),
          );
          // The list's own order (namespace, then name) is part of the answer.
          expect(s.list('pods', { namespace: n, labels: sel }).map(id)).toEqual(sorted(want));
        }
      }
      for (const uid of ['uid-1', 'uid-2']) {
        const want = all.filter((o) => o.metadata.ownerReferences?.[0]?.uid === uid);
        expect(sorted(s.dependents(uid).map(([, o]) => o))).toEqual(sorted(want));
        for (const [resource, o] of s.dependents(uid)) {
          expect(resource).toBe('pods');
          expect(o).toBe(model.get(`${o.metadata.namespace}|${o.metadata.name}`));
        }
      }
    }
  });
});
