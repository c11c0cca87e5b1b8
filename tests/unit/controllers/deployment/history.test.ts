/**
 * Revisions and annotations (spec §4.2, §4.10, §4.12): change-cause copied to the RS, rollback
 * re-using an old RS with a revision bump, and revisionHistoryLimit cleanup.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../sandbox/api/types';
import { annotation, harness, reset, setImage, web, type Harness } from './harness';

const REV = 'deployment.kubernetes.io/revision';
const CAUSE = 'kubernetes.io/change-cause';

function rsByImage(h: Harness, image: string): KubeObject {
  const rs = h
    .replicaSets()
    .find(
      (r) =>
        (r.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec
          .containers[0].image === image,
    );
  if (!rs) throw new Error(`no RS with ${image}`);
  return rs;
}

/** `kubectl rollout undo`: JSON patch of the template (hash label dropped) and annotations. */
function undo(h: Harness, to: KubeObject): void {
  const d = h.deployment();
  const skip = new Set([
    'kubectl.kubernetes.io/last-applied-configuration',
    REV,
    'deployment.kubernetes.io/revision-history',
    'deployment.kubernetes.io/desired-replicas',
    'deployment.kubernetes.io/max-replicas',
    'deprecated.deployment.rollback.to',
  ]);
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (skip.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(to.metadata.annotations ?? {})) if (!skip.has(k)) annotations[k] = v;
  const template = structuredClone(
    (to.spec as { template: { metadata: { labels: Record<string, string> } } }).template,
  );
  delete template.metadata.labels['pod-template-hash'];
  h.api.patch(
    'deployments',
    'default',
    'web',
    [
      { op: 'replace', path: '/spec/template', value: template },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ],
    'json',
  );
}

describe('revisions and annotations', () => {
  it('copies the change-cause annotation to the new RS and keeps the old one on the old RS', () => {
    const h = harness();
    h.api.create(web({ annotations: { [CAUSE]: 'kubectl create deployment web --image=nginx:1.26' } }));
    h.flush();
    h.clock.advance(1);
    h.api.patch('deployments', 'default', 'web', {
      metadata: { annotations: { [CAUSE]: 'kubectl set image deployment/web web=nginx:1.27' } },
      spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
    });
    h.clock.advance(5);
    expect(annotation(rsByImage(h, 'nginx:1.26'), CAUSE)).toBe(
      'kubectl create deployment web --image=nginx:1.26',
    );
    expect(annotation(rsByImage(h, 'nginx:1.27'), CAUSE)).toBe(
      'kubectl set image deployment/web web=nginx:1.27',
    );
    expect(annotation(rsByImage(h, 'nginx:1.26'), REV)).toBe('1');
    expect(annotation(rsByImage(h, 'nginx:1.27'), REV)).toBe('2');
    h.stop();
  });

  it('never copies the skipped annotations to the RS', () => {
    const h = harness();
    h.api.create(
      web({ annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', team: 'blue' } }),
    );
    h.flush();
    const a = h.replicaSets()[0].metadata.annotations!;
    expect(a.team).toBe('blue');
    expect(a['kubectl.kubernetes.io/last-applied-configuration']).toBeUndefined();
    h.stop();
  });

  it('rollback re-uses the old RS: revision 1 becomes 3 with revision-history 1, no new RS', () => {
    const h = harness();
    h.api.create(web());
    h.flush();
    h.clock.advance(1);
    setImage(h, 'nginx:1.27');
    h.clock.advance(5);
    const v1 = rsByImage(h, 'nginx:1.26');
    reset(h);
    undo(h, v1);
    h.clock.advance(5);
    expect(h.replicaSets()).toHaveLength(2);
    const back = rsByImage(h, 'nginx:1.26');
    expect(back.metadata.name).toBe(v1.metadata.name);
    expect(annotation(back, REV)).toBe('3');
    expect(annotation(back, 'deployment.kubernetes.io/revision-history')).toBe('1');
    expect((back.spec as { replicas: number }).replicas).toBe(3);
    expect((rsByImage(h, 'nginx:1.27').spec as { replicas: number }).replicas).toBe(0);
    expect(h.events[0]).toBe(`ScalingReplicaSet: Scaled up replica set ${v1.metadata.name} to 1 from 0`);
    h.stop();
  });

  // The Deployment status strategy keeps annotation changes (it resets only spec and labels).
  it('writes the revision annotation on the Deployment through the status endpoint', () => {
    const h = harness();
    h.api.create(web());
    h.flush();
    expect(annotation(h.deployment(), REV)).toBe('1');
    expect(h.deployment().metadata.generation).toBe(1);
    h.stop();
  });

  it('keeps revisionHistoryLimit old RSs and deletes the lowest revisions', () => {
    const h = harness();
    h.api.create(web({ revisionHistoryLimit: 1 }));
    h.flush();
    for (const image of ['nginx:1.27', 'nginx:1.28', 'nginx:1.29']) {
      h.clock.advance(1);
      setImage(h, image);
      h.clock.advance(5);
    }
    const left = h.replicaSets().map((rs) => annotation(rs, REV));
    expect(left).toEqual(['4', '3']);
    h.stop();
  });

  it('revisionHistoryLimit 0 deletes every scaled-down old RS', () => {
    const h = harness();
    h.api.create(web({ revisionHistoryLimit: 0 }));
    h.flush();
    h.clock.advance(1);
    setImage(h, 'nginx:1.27');
    h.clock.advance(5);
    expect(h.replicaSets().map((rs) => annotation(rs, REV))).toEqual(['2']);
    h.stop();
  });
});
