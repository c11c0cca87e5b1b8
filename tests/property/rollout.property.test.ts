/**
 * Property tests of the living cluster: across random sequences of image updates, pauses, resumes
 * and deleted pods, a RollingUpdate keeps its ReplicaSets within replicas + maxSurge, keeps at
 * least replicas - maxUnavailable available while the new pods are healthy, and converges.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSandbox, type Sandbox } from '../../sandbox/index';

const IMAGES = ['luksa/kubia:v1', 'luksa/kubia:v2', 'luksa/kubia:v4'];

function resolve(v: number | string, replicas: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const pct = parseInt(v, 10);
  return roundUp ? Math.ceil((pct * replicas) / 100) : Math.floor((pct * replicas) / 100);
}

interface Rs {
  spec: { replicas: number };
  status?: { availableReplicas?: number };
  metadata: { ownerReferences?: Array<{ name: string }> };
}

function replicaSets(sb: Sandbox): Rs[] {
  return sb.api.list('replicasets', 'default').items as unknown as Rs[];
}

const action = fc.oneof(
  fc.record({ kind: fc.constant('image' as const), image: fc.constantFrom(...IMAGES) }),
  fc.record({ kind: fc.constant('pause' as const) }),
  fc.record({ kind: fc.constant('resume' as const) }),
  fc.record({ kind: fc.constant('kill' as const), index: fc.nat(20) }),
  fc.record({ kind: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 20 }) }),
);

describe('rolling update properties', () => {
  it('stays within maxSurge and maxUnavailable and converges', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom<number | string>(0, 1, 2, '25%', '50%'),
        fc.constantFrom<number | string>(0, 1, '25%', '50%'),
        fc.array(action, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 10_000 }),
        (replicas, maxSurge, maxUnavailable, actions, seed) => {
          fc.pre(
            !((maxSurge === 0 || maxSurge === '0%') && (maxUnavailable === 0 || maxUnavailable === '0%')),
          );
          const sb = createSandbox({ seed });
          sb.api.create({
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: 'kubia' },
            spec: {
              replicas,
              selector: { matchLabels: { app: 'kubia' } },
              strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } },
              template: {
                metadata: { labels: { app: 'kubia' } },
                spec: { containers: [{ name: 'nodejs', image: IMAGES[0] }] },
              },
            },
          });
          const surge = resolve(maxSurge, replicas, true);
          let unavailable = resolve(maxUnavailable, replicas, false);
          if (surge === 0 && unavailable === 0) unavailable = 1; // the fencepost rule
          const settled = (): boolean => {
            const d = sb.api.get('deployments', 'default', 'kubia');
            const s = (d.status ?? {}) as {
              observedGeneration?: number;
              updatedReplicas?: number;
              availableReplicas?: number;
              replicas?: number;
            };
            return (
              s.observedGeneration === d.metadata.generation &&
              s.updatedReplicas === replicas &&
              s.availableReplicas === replicas &&
              s.replicas === replicas
            );
          };
          for (let t = 0; t < 300 && !settled(); t++) sb.clock.advance(1);
          expect(settled()).toBe(true);

          let killed = false;
          const check = (): void => {
            const rss = replicaSets(sb);
            const total = rss.reduce((n, rs) => n + rs.spec.replicas, 0);
            expect(total).toBeLessThanOrEqual(replicas + surge);
            if (!killed) {
              const available = rss.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);
              expect(available).toBeGreaterThanOrEqual(replicas - unavailable);
            }
          };
          let paused = false;
          for (const a of actions) {
            if (a.kind === 'image') {
              sb.api.patch(
                'deployments',
                'default',
                'kubia',
                { spec: { template: { spec: { containers: [{ name: 'nodejs', image: a.image }] } } } },
                'strategic',
              );
            } else if (a.kind === 'pause' || a.kind === 'resume') {
              paused = a.kind === 'pause';
              sb.api.patch('deployments', 'default', 'kubia', { spec: { paused } }, 'strategic');
            } else if (a.kind === 'kill') {
              const pods = sb.api.list('pods', 'default').items.filter((p) => !p.metadata.deletionTimestamp);
              if (pods.length) {
                sb.api.delete('pods', 'default', pods[a.index % pods.length].metadata.name!);
                killed = true;
              }
            }
            const seconds = a.kind === 'wait' ? a.seconds : 1;
            for (let i = 0; i < seconds; i++) {
              sb.clock.advance(1);
              check();
            }
          }
          if (paused)
            sb.api.patch('deployments', 'default', 'kubia', { spec: { paused: false } }, 'strategic');
          for (let t = 0; t < 600 && !settled(); t++) {
            sb.clock.advance(1);
            check();
          }
          expect(settled()).toBe(true);
          sb.stop();
        },
      ),
      { numRuns: 12 },
    );
  });

  it('a cascading delete of a Deployment leaves no ReplicaSet or pod behind', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom<'Background' | 'Foreground'>('Background', 'Foreground'),
        fc.integer({ min: 1, max: 9999 }),
        (replicas, policy, seed) => {
          const sb = createSandbox({ seed });
          sb.api.create({
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: 'kubia' },
            spec: {
              replicas,
              selector: { matchLabels: { app: 'kubia' } },
              template: {
                metadata: { labels: { app: 'kubia' } },
                spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v1' }] },
              },
            },
          });
          sb.clock.advance(30);
          sb.api.delete('deployments', 'default', 'kubia', { propagationPolicy: policy });
          sb.clock.advance(120);
          expect(sb.api.list('deployments', 'default').items).toEqual([]);
          expect(sb.api.list('replicasets', 'default').items).toEqual([]);
          expect(sb.api.list('pods', 'default').items).toEqual([]);
          sb.stop();
        },
      ),
      { numRuns: 8 },
    );
  });
});
