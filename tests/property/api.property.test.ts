/**
 * Property tests: whatever sequence of writes clients make (valid or not), resourceVersions only
 * grow, a watch sees every change in order, and no invalid object is ever stored.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSandbox } from '../../sandbox/index';
import type { KubeObject, WatchEvent } from '../../sandbox/index';
import { resourceByPlural } from '../../sandbox/api/resources';
import { validateCreate } from '../../sandbox/api/validation';

const NAMES = ['a', 'b', 'c'];

const replicas = fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constant('three' as unknown as number));
const image = fc.constantFrom('luksa/kubia:v1', 'luksa/kubia:v2', '', 'nginx');
const labelValue = fc.constantFrom('kubia', 'web', 'Bad Value!', 'x');
const surge = fc.constantFrom<unknown>(0, 1, '25%', '0%', 'abc', -1, undefined);

const deploymentArb = fc.record({
  name: fc.constantFrom(...NAMES),
  replicas,
  image,
  selectorLabel: labelValue,
  templateLabel: labelValue,
  maxSurge: surge,
  maxUnavailable: surge,
  typo: fc.boolean(),
});

type DeploymentInput = typeof deploymentArb extends fc.Arbitrary<infer T> ? T : never;

function manifest(d: DeploymentInput): Record<string, unknown> {
  const rollingUpdate: Record<string, unknown> = {};
  if (d.maxSurge !== undefined) rollingUpdate.maxSurge = d.maxSurge;
  if (d.maxUnavailable !== undefined)
    rollingUpdate[d.typo ? 'maxUnavaliable' : 'maxUnavailable'] = d.maxUnavailable;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: d.name },
    spec: {
      replicas: d.replicas,
      selector: { matchLabels: { app: d.selectorLabel } },
      strategy: { type: 'RollingUpdate', rollingUpdate },
      template: {
        metadata: { labels: { app: d.templateLabel } },
        spec: { containers: [{ name: 'main', image: d.image }] },
      },
    },
  };
}

const opArb = fc.oneof(
  fc.record({ op: fc.constant('create' as const), d: deploymentArb }),
  fc.record({ op: fc.constant('update' as const), d: deploymentArb }),
  fc.record({ op: fc.constant('scale' as const), name: fc.constantFrom(...NAMES), replicas }),
  fc.record({ op: fc.constant('label' as const), name: fc.constantFrom(...NAMES), value: labelValue }),
  fc.record({
    op: fc.constant('delete' as const),
    name: fc.constantFrom(...NAMES),
    policy: fc.constantFrom<'Background' | 'Foreground' | 'Orphan'>('Background', 'Foreground', 'Orphan'),
  }),
  fc.record({ op: fc.constant('unfinalize' as const), name: fc.constantFrom(...NAMES) }),
);

describe('API server properties', () => {
  it('keeps resourceVersions increasing, delivers every change in order, never stores an invalid object', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), fc.integer({ min: 1, max: 1000 }), (ops, seed) => {
        const { api, clock } = createSandbox({ seed, cluster: false });
        const r = resourceByPlural('deployments')!;
        const events: WatchEvent[] = [];
        api.watch('deployments', 'default', {}, (e) => events.push(e));
        const written: Array<{ type: string; rv: string; name: string }> = [];
        let lastRv = 0;
        const record = (type: string, obj: KubeObject, before: string | undefined): void => {
          const rv = obj.metadata.resourceVersion!;
          if (rv === before) return; // no-op write
          expect(Number(rv)).toBeGreaterThan(lastRv);
          lastRv = Number(rv);
          written.push({ type, rv, name: obj.metadata.name! });
        };
        const rvOf = (name: string): string | undefined =>
          api.exists('deployments', 'default', name)
            ? api.get('deployments', 'default', name).metadata.resourceVersion
            : undefined;

        for (const o of ops) {
          try {
            switch (o.op) {
              case 'create':
                record('ADDED', api.create(manifest(o.d)), undefined);
                break;
              case 'update': {
                const before = rvOf(o.d.name);
                record('MODIFIED', api.update(manifest(o.d)), before);
                break;
              }
              case 'scale': {
                const before = rvOf(o.name);
                record(
                  'MODIFIED',
                  api.patch('deployments', 'default', o.name, { spec: { replicas: o.replicas } }, 'merge'),
                  before,
                );
                break;
              }
              case 'label': {
                const before = rvOf(o.name);
                record(
                  'MODIFIED',
                  api.patch(
                    'deployments',
                    'default',
                    o.name,
                    { metadata: { labels: { team: o.value } } },
                    'strategic',
                  ),
                  before,
                );
                break;
              }
              case 'delete': {
                const before = rvOf(o.name);
                const res = api.delete('deployments', 'default', o.name, { propagationPolicy: o.policy });
                record(api.exists('deployments', 'default', o.name) ? 'MODIFIED' : 'DELETED', res, before);
                break;
              }
              case 'unfinalize': {
                const before = rvOf(o.name);
                const res = api.patch(
                  'deployments',
                  'default',
                  o.name,
                  { metadata: { finalizers: null } },
                  'merge',
                );
                record(api.exists('deployments', 'default', o.name) ? 'MODIFIED' : 'DELETED', res, before);
                break;
              }
            }
          } catch (e) {
            if (!(e as { status?: unknown }).status) throw e;
          }
          for (const d of api.list('deployments', 'default').items) expect(validateCreate(r, d)).toEqual([]);
        }
        clock.flush();
        expect(
          events.map((e) => ({
            type: e.type,
            rv: e.object.metadata.resourceVersion,
            name: e.object.metadata.name,
          })),
        ).toEqual(written);
      }),
      { numRuns: 150 },
    );
  });
});
