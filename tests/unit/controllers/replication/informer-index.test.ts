/**
 * The pod informer's indexes and the per-owner counts kept from them. A new version under the same
 * controller takes a short path (same bucket, `replaced` instead of `removed` + `added`); whatever
 * the path, the cache order (an update moves the pod to the end), the buckets and the kept counts
 * must stay what filing every version from scratch gives: the ranking's ties depend on that order.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ApiServer } from '../../../../sandbox/api/server';
import type { KubeObject, WatchEvent } from '../../../../sandbox/api/types';
import { fromLabelSelector } from '../../../../sandbox/api/selectors/labels';
import { Informer } from '../../../../sandbox/controllers/replication/informer';
import { OwnedPods } from '../../../../sandbox/controllers/replication/owned';

const NS = 'default';
const OWNERS = ['uid-a', 'uid-b'];

/** An API server with no objects whose one watch the test drives. */
function fakeApi(): { api: ApiServer; emit: (e: WatchEvent) => void } {
  let cb: ((e: WatchEvent) => void) | undefined;
  const api = {
    list: () => ({ items: [], metadata: { resourceVersion: '1' } }),
    watch: (_p: string, _ns: unknown, _o: unknown, f: (e: WatchEvent) => void) => {
      cb = f;
      return { stop: () => undefined };
    },
  } as unknown as ApiServer;
  return { api, emit: (e) => cb!(e) };
}

function owner(uid: string): KubeObject {
  return Object.freeze({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: Object.freeze({ name: uid, namespace: NS, uid }),
    spec: Object.freeze({
      selector: { matchLabels: { app: 'x' } },
      template: { metadata: { labels: { app: 'x', tier: 'web' } } },
    }),
  }) as KubeObject;
}

// Label objects shared between versions (as stored versions share them) and a fresh copy.
const LABELS = [
  Object.freeze({ app: 'x' }),
  Object.freeze({ app: 'x', tier: 'web' }),
  Object.freeze({ app: 'y' }),
];

interface Version {
  owner: number; // index in OWNERS, or OWNERS.length for an orphan
  labels: number; // index in LABELS, or LABELS.length for the pod's own { app: 'x', tier: 'web' }
  ready: boolean;
  node: number;
  phase: number;
  deleting: boolean;
}

/** One fresh labels object per pod, shared by its versions as the stored ones are. */
const fresh = new Map<string, Record<string, string>>();

function pod(name: string, v: Version, rv: number): KubeObject {
  const ref = OWNERS[v.owner];
  let own = fresh.get(name);
  if (!own) fresh.set(name, (own = Object.freeze({ app: 'x', tier: 'web' })));
  return Object.freeze({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: Object.freeze({
      name,
      namespace: NS,
      uid: `pod-${name}`,
      resourceVersion: String(rv),
      labels: v.labels < LABELS.length ? LABELS[v.labels] : own,
      ...(ref
        ? {
            ownerReferences: [
              { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: ref, uid: ref, controller: true },
            ],
          }
        : {}),
      ...(v.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
    }),
    spec: v.node ? { nodeName: `n${v.node}` } : {},
    status: {
      phase: ['Running', 'Pending', 'Succeeded'][v.phase],
      conditions: [{ type: 'Ready', status: v.ready ? 'True' : 'False' }],
    },
  }) as KubeObject;
}

const version: fc.Arbitrary<Version> = fc.record({
  owner: fc.constantFrom(0, 0, 0, 1, 2),
  labels: fc.constantFrom(0, 1, 1, 1, 2, 3),
  ready: fc.boolean(),
  node: fc.nat(3),
  phase: fc.constantFrom(0, 0, 0, 1, 2),
  deleting: fc.constantFrom(false, false, false, true),
});

const op = fc.oneof(
  { weight: 3, arbitrary: fc.record({ put: fc.nat(11), v: version }) },
  // A status write: the same owner, labels object and phase; readiness and node may move.
  { weight: 4, arbitrary: fc.record({ touch: fc.nat(11), ready: fc.boolean(), node: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ del: fc.nat(11) }) },
);

/** Everything a sync reads of one owner's kept counts, in order. */
function snapshot(o: ReturnType<OwnedPods['of']>): unknown {
  return {
    matching: [...o.matching.keys()],
    mismatched: [...o.mismatched.keys()].sort(),
    fullyLabeled: o.fullyLabeled,
    ready: o.ready,
    perNode: [...o.perNode.entries()].sort(),
    victims:
      o.matching.size > 1
        ? o
            .ranking()
            .first(1, new Map(), 0)
            .map((p) => p.metadata.name)
        : [],
  };
}

describe('pod informer indexes', () => {
  it('keep the cache order and counts that filing every version afresh gives', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 120 }), (ops) => {
        const { api, emit } = fakeApi();
        const owned = new OwnedPods();
        const informer = new Informer(api, 'pods', { add() {}, update() {}, delete() {} }, owned);
        informer.start();
        const selector = fromLabelSelector({ matchLabels: { app: 'x' } });
        const owners = OWNERS.map(owner);
        // Kept counts from the start (the ranking too), fed by the informer as pods change.
        for (const o of owners) owned.of(informer, o, selector).ranking();
        // The model: each bucket a Map whose entries an update deletes and sets again.
        const model = new Map<string, Map<string, KubeObject>>();
        const where = new Map<string, string>();
        let rv = 1;
        const versions = new Map<string, Version>();
        for (const o of ops) {
          const name = `p${'put' in o ? o.put : 'touch' in o ? o.touch : o.del}`;
          const key = `${NS}/${name}`;
          const prev = where.get(key);
          if ('touch' in o && prev === undefined) continue;
          if (prev !== undefined) model.get(prev)!.delete(key);
          where.delete(key);
          const v =
            'put' in o
              ? o.v
              : 'touch' in o
                ? { ...versions.get(key)!, ready: o.ready, node: o.node }
                : undefined;
          if (v) {
            versions.set(key, v);
            const p = pod(name, v, ++rv);
            emit({ type: prev === undefined ? 'ADDED' : 'MODIFIED', object: p });
            const bucket = OWNERS[v.owner] ?? '';
            if (!model.has(bucket)) model.set(bucket, new Map());
            model.get(bucket)!.set(key, p);
            where.set(key, bucket);
          } else if (prev !== undefined) {
            emit({ type: 'DELETED', object: informer.get(NS, name)! });
          }
        }
        for (const uid of OWNERS) {
          expect([...informer.controlledBy(uid)]).toEqual([...(model.get(uid)?.values() ?? [])]);
          expect(informer.controlledCount(uid)).toBe(model.get(uid)?.size ?? 0);
        }
        expect([...informer.orphansOf(NS)]).toEqual([...(model.get('')?.values() ?? [])]);
        for (const o of owners) {
          const kept = owned.of(informer, o, selector);
          const fresh = new OwnedPods().of(informer, o, selector);
          expect(snapshot(kept)).toEqual(snapshot(fresh));
        }
      }),
      { numRuns: 300 },
    );
  });
});
