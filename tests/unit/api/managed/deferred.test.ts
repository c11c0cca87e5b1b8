import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSandbox } from '../../../../sandbox/index';
import { isPlaceholder, setDeferredTracking } from '../../../../sandbox/api/managed/deferred';
import type { KubeObject, KubeObjectInput } from '../../../../sandbox/api/types';
import { apiOnly, deployment, entryOf } from './helpers';

type Api = ReturnType<typeof createSandbox>['api'];

/** Run `scenario` with managedFields recorded at once and deferred: what it returns must not differ. */
function bothWays<T>(scenario: () => T): [T, T] {
  setDeferredTracking(false);
  const eager = scenario();
  setDeferredTracking(true);
  const deferred = scenario();
  return [eager, deferred];
}

function statusWrite(api: Api, plural: string, name: string, status: Record<string, unknown>): KubeObject {
  const stored = api.cache.get(plural, 'default', name)!;
  return api.updateStatus({ ...stored, status } as KubeObjectInput, { shared: true });
}

/** A status field each component also writes, so that fields change hands. */
const OWN = ['readyReplicas', 'availableReplicas', 'updatedReplicas'];

describe('deferred managedFields of the cluster’s own updates', () => {
  afterEach(() => setDeferredTracking(true));

  it('are stored as a placeholder and read as the entries the write would have stored', () => {
    const [eager, deferred] = bothWays(() => {
      const sb = apiOnly();
      sb.api.create(deployment());
      const controller = sb.api.asComponent('kube-controller-manager');
      sb.clock.advance(3);
      const written = statusWrite(controller, 'deployments', 'kubia', { replicas: 3, observedGeneration: 1 });
      return {
        placeholder: isPlaceholder(written.metadata.managedFields),
        read: sb.api.get('deployments', 'default', 'kubia'),
      };
    });
    expect(eager.placeholder).toBe(false);
    expect(deferred.placeholder).toBe(true);
    expect(deferred.read).toEqual(eager.read);
    const entry = entryOf(deferred.read, 'kube-controller-manager');
    expect(entry?.subresource).toBe('status');
    expect(entry?.time).toBe('2026-01-01T09:00:03Z');
    expect(entry?.fieldsV1).toEqual({
      'f:status': { 'f:observedGeneration': {}, 'f:replicas': {} },
    });
  });

  it('defer the Create record of a component’s Events, read back as recording it at once gives', () => {
    const [eager, deferred] = bothWays(() => {
      const sb = apiOnly();
      const seen: unknown[] = [];
      sb.api.watch('events', 'default', {}, (e) => seen.push(e));
      const kubelet = sb.api.asComponent('kubelet');
      sb.clock.advance(2);
      const body = (name: string): KubeObjectInput =>
        ({
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name, namespace: 'default' },
          involvedObject: { kind: 'Pod', name: 'kubia', namespace: 'default', uid: 'u-1' },
          reason: 'Pulled',
          message: 'Container image "luksa/kubia:v1" already present on machine',
          source: { component: 'kubelet', host: 'node-1' },
          count: 1,
          type: 'Normal',
        }) as unknown as KubeObjectInput;
      const written = kubelet.create(body('kubia.1'), { shared: true, canonical: true });
      const placeholder = isPlaceholder(written.metadata.managedFields);
      kubelet.create(body('kubia.2'), { shared: true, canonical: true });
      sb.clock.advance(3);
      // The recorder counts a repeated event with a patch, which starts from the resolved object.
      sb.api.asComponent('kubelet').patch('events', 'default', 'kubia.2', { count: 2 }, 'merge');
      sb.clock.advance(1);
      return { placeholder, seen, events: sb.api.list('events', 'default').items };
    });
    expect(eager.placeholder).toBe(false);
    expect(deferred.placeholder).toBe(true);
    expect(deferred).toEqual({ ...eager, placeholder: true });
    expect(entryOf(deferred.events[0], 'kubelet')?.fieldsV1).toHaveProperty(['f:source', 'f:host']);
  });

  it('resolve a long chain of writes without recursion, each entry time moving only on a change', () => {
    const [eager, deferred] = bothWays(() => {
      const sb = apiOnly();
      sb.api.create(deployment());
      const controller = sb.api.asComponent('kube-controller-manager');
      const kubectl = sb.api.asManager('kubectl');
      for (let i = 0; i < 500; i++) {
        sb.clock.advance(1);
        statusWrite(controller, 'deployments', 'kubia', {
          replicas: i % 7,
          ...(i % 3 ? { readyReplicas: i % 5 } : {}),
        });
        if (i % 97 === 0)
          kubectl.patch('deployments', 'default', 'kubia', { spec: { replicas: i % 4 } }, 'merge');
      }
      return sb.api.get('deployments', 'default', 'kubia');
    });
    expect(deferred).toEqual(eager);
  });

  it('are resolved in watch events, table rows, DELETED events and the objects writes return', () => {
    const [eager, deferred] = bothWays(() => {
      const sb = apiOnly();
      const seen: unknown[] = [];
      sb.api.watch('deployments', 'default', {}, (e) => seen.push(e));
      sb.api.create(deployment());
      const controller = sb.api.asComponent('kube-controller-manager');
      sb.clock.advance(2);
      statusWrite(controller, 'deployments', 'kubia', { replicas: 1 });
      const table = sb.api.table('deployments', 'default', { includeObject: 'Object' });
      const scaled = sb.api.patch('deployments', 'default', 'kubia', { spec: { replicas: 5 } }, 'merge');
      statusWrite(controller, 'deployments', 'kubia', { replicas: 5 });
      const deleted = sb.api.delete('deployments', 'default', 'kubia');
      sb.clock.advance(1);
      return { seen, rows: table.rows.map((r) => r.object), scaled, deleted };
    });
    expect(deferred).toEqual(eager);
    expect(JSON.stringify(deferred.seen)).toContain('"subresource":"status"');
  });

  it('count in server-side apply: a field the kubelet owns through a deferred write conflicts', () => {
    const [eager, deferred] = bothWays(() => {
      const sb = apiOnly();
      sb.api.create(deployment());
      sb.clock.advance(1);
      statusWrite(sb.api.asComponent('kubelet'), 'deployments', 'kubia', { replicas: 2 });
      try {
        sb.api.patch(
          'deployments',
          'default',
          'kubia',
          { apiVersion: 'apps/v1', kind: 'Deployment', status: { replicas: 9 } },
          'apply',
          { fieldManager: 'me', subresource: 'status' },
        );
        return 'applied';
      } catch (e) {
        return (e as Error).message;
      }
    });
    expect(deferred).toBe(eager);
    expect(deferred).toContain('conflict with "kubelet"');
  });

  it('follow a placeholder sent back by a component, even one of an older version', () => {
    const [eager, deferred] = bothWays(() => {
      const sb = apiOnly();
      sb.api.create(deployment());
      const controller = sb.api.asComponent('kube-controller-manager');
      const other = sb.api.asComponent('someone-else');
      sb.clock.advance(1);
      statusWrite(controller, 'deployments', 'kubia', { replicas: 1 });
      const seenThen = sb.api.cache.get('deployments', 'default', 'kubia')!;
      sb.clock.advance(1);
      statusWrite(other, 'deployments', 'kubia', { replicas: 2, readyReplicas: 1 });
      sb.clock.advance(1);
      // An update built from the older version, without a resourceVersion: its entries are the base.
      const { resourceVersion: _rv, ...metadata } = seenThen.metadata;
      controller.update({
        ...seenThen,
        metadata: { ...metadata, labels: { tier: 'web' } },
      } as KubeObjectInput);
      return sb.api.get('deployments', 'default', 'kubia');
    });
    expect(deferred).toEqual(eager);
  });

  it('give a living cluster’s rollout the same watch events and objects', () => {
    const [eager, deferred] = bothWays(() => {
      const sb = createSandbox({ seed: 5 });
      const seen: string[] = [];
      for (const r of ['pods', 'replicasets', 'deployments'])
        sb.api.watch(r, undefined, {}, (e) =>
          seen.push(`${sb.clock.now()} ${e.type} ${JSON.stringify(e.object)}`),
        );
      sb.api.create(deployment('luksa/kubia:v1', 4));
      sb.clock.advance(60);
      sb.api.patch(
        'deployments',
        'default',
        'kubia',
        { spec: { template: { spec: { containers: [{ name: 'kubia', image: 'luksa/kubia:v2' }] } } } },
        'strategic',
      );
      sb.clock.advance(120);
      return { seen, pods: sb.api.list('pods').items, rs: sb.api.list('replicasets').items };
    });
    expect(deferred.seen.length).toBeGreaterThan(50);
    expect(deferred).toEqual(eager);
  });

  it('agree with recording at once over random sequences of component and client writes', () => {
    const op = fc.oneof(
      fc.record({ t: fc.constant('status' as const), who: fc.nat(2), n: fc.nat(4) }),
      fc.record({ t: fc.constant('update' as const), who: fc.nat(2), n: fc.nat(4), stale: fc.boolean() }),
      fc.record({ t: fc.constant('patch' as const), n: fc.nat(4) }),
      fc.record({ t: fc.constant('apply' as const), n: fc.nat(4) }),
      fc.record({ t: fc.constant('tick' as const), n: fc.nat(3) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const [eager, deferred] = bothWays(() => {
          const sb = apiOnly();
          const components = ['kubelet', 'kube-controller-manager', 'kube-scheduler'].map((m) =>
            sb.api.asComponent(m),
          );
          sb.api.create(deployment());
          let older = sb.api.cache.get('deployments', 'default', 'kubia')!;
          const out: string[] = [];
          let deferredWrites = 0;
          for (const o of ops) {
            try {
              if (o.t === 'tick') sb.clock.advance(o.n);
              else if (o.t === 'status')
                statusWrite(components[o.who], 'deployments', 'kubia', { replicas: o.n, [OWN[o.who]]: o.n });
              else if (o.t === 'update') {
                const base = o.stale ? older : sb.api.cache.get('deployments', 'default', 'kubia')!;
                const labels = { ...(base.metadata.labels ?? {}), [`c${o.who}`]: String(o.n) };
                const metadata = { ...base.metadata, labels };
                // A stale version goes without its resourceVersion (else it is a 409).
                if (o.stale) delete metadata.resourceVersion;
                components[o.who].update({ ...base, metadata } as KubeObjectInput);
              } else if (o.t === 'patch')
                sb.api.patch('deployments', 'default', 'kubia', { spec: { replicas: o.n } }, 'merge');
              else
                sb.api.patch(
                  'deployments',
                  'default',
                  'kubia',
                  {
                    apiVersion: 'apps/v1',
                    kind: 'Deployment',
                    metadata: { labels: { applied: String(o.n) } },
                  },
                  'apply',
                  { fieldManager: 'applier' },
                );
            } catch (e) {
              out.push((e as Error).message);
            }
            if (isPlaceholder(sb.api.cache.get('deployments', 'default', 'kubia')!.metadata.managedFields))
              deferredWrites++;
            older = o.n % 2 ? older : sb.api.cache.get('deployments', 'default', 'kubia')!;
            out.push(JSON.stringify(sb.api.get('deployments', 'default', 'kubia')));
          }
          return { out, deferredWrites };
        });
        expect(deferred.out).toEqual(eager.out);
        expect(eager.deferredWrites).toBe(0);
      }),
      { numRuns: 60, seed: 7 },
    );
    // The sequences did defer writes (a status write is one in three operations or so).
    setDeferredTracking(true);
    const sb = apiOnly();
    sb.api.create(deployment());
    statusWrite(sb.api.asComponent('kubelet'), 'deployments', 'kubia', { [OWN[0]]: 1 });
    expect(isPlaceholder(sb.api.cache.get('deployments', 'default', 'kubia')!.metadata.managedFields)).toBe(
      true,
    );
  });
});
