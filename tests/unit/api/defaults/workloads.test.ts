/** Deployment, ReplicaSet and ReplicationController defaulting (controllers.md §1.4, kubectl.md §7.1). */
import { describe, expect, it } from 'vitest';
import { defaulted, type Json } from './helpers';

const template = {
  metadata: { labels: { app: 'kubia' } },
  spec: { containers: [{ name: 'kubia', image: 'luksa/kubia:v1', ports: [{ containerPort: 8080 }] }] },
};

const DEFAULTED_TEMPLATE_SPEC = {
  containers: [
    {
      name: 'kubia',
      image: 'luksa/kubia:v1',
      ports: [{ containerPort: 8080, protocol: 'TCP' }],
      imagePullPolicy: 'IfNotPresent',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      resources: {},
    },
  ],
  dnsPolicy: 'ClusterFirst',
  restartPolicy: 'Always',
  schedulerName: 'default-scheduler',
  securityContext: {},
  terminationGracePeriodSeconds: 30,
};

function deployment(spec: Json): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'kubia' },
    spec: { selector: { matchLabels: { app: 'kubia' } }, template, ...spec },
  };
}

describe('Deployment defaults', () => {
  it('a minimal Deployment', () => {
    expect(defaulted(deployment({})).spec).toEqual({
      replicas: 1,
      selector: { matchLabels: { app: 'kubia' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      template: { metadata: { labels: { app: 'kubia' } }, spec: DEFAULTED_TEMPLATE_SPEC },
    });
  });

  it('maxSurge and maxUnavailable are defaulted independently', () => {
    const d = defaulted(deployment({ strategy: { rollingUpdate: { maxUnavailable: 0 } } }));
    expect((d.spec as Json).strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 0, maxSurge: '25%' },
    });
  });

  it('Recreate gets nothing under rollingUpdate', () => {
    expect((defaulted(deployment({ strategy: { type: 'Recreate' } })).spec as Json).strategy).toEqual({
      type: 'Recreate',
    });
  });

  it('explicit values are kept (replicas 0, minReadySeconds, paused)', () => {
    const spec = defaulted(
      deployment({ replicas: 0, minReadySeconds: 5, paused: true, revisionHistoryLimit: 0 }),
    ).spec as Json;
    expect([spec.replicas, spec.minReadySeconds, spec.paused, spec.revisionHistoryLimit]).toEqual([
      0,
      5,
      true,
      0,
    ]);
  });

  it('defaulting twice changes nothing', () => {
    const once = defaulted(deployment({}));
    expect(defaulted(once)).toEqual(once);
  });
});

describe('ReplicaSet defaults', () => {
  it('replicas 1 and the template; no selector defaulting', () => {
    const rs = defaulted({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'kubia' },
      spec: { template },
    });
    expect(rs.spec).toEqual({
      replicas: 1,
      template: { metadata: { labels: { app: 'kubia' } }, spec: DEFAULTED_TEMPLATE_SPEC },
    });
  });
});

describe('ReplicationController defaults', () => {
  it('selector and metadata.labels default to the template labels', () => {
    const rc = defaulted({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'kubia' },
      spec: { replicas: 3, template },
    });
    expect((rc.metadata as Json).labels).toEqual({ app: 'kubia' });
    expect(rc.spec).toEqual({
      replicas: 3,
      selector: { app: 'kubia' },
      template: { metadata: { labels: { app: 'kubia' } }, spec: DEFAULTED_TEMPLATE_SPEC },
    });
  });

  it('explicit selector and labels are kept; replicas defaults to 1', () => {
    const rc = defaulted({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'kubia', labels: { team: 'a' } },
      spec: {
        selector: { app: 'kubia' },
        template: { ...template, metadata: { labels: { app: 'kubia', v: '1' } } },
      },
    });
    expect((rc.metadata as Json).labels).toEqual({ team: 'a' });
    expect((rc.spec as Json).selector).toEqual({ app: 'kubia' });
    expect((rc.spec as Json).replicas).toBe(1);
  });
});
