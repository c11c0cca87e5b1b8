import { describe, expect, it } from 'vitest';
import { resourceByPlural } from '../../../sandbox/index';
import { describeObjects } from '../../../sandbox/kubectl/describe';
import { deployment, event, replicaSet, setup } from './helpers';

const T0 = Date.parse('2026-11-26T22:49:47Z');

describe('describe deployment', () => {
  it('prints the verified layout with conditions, replica sets and events', () => {
    const { env, sb } = setup();
    const d = deployment(env, {
      'deployment.kubernetes.io/revision': '2',
      'kubernetes.io/change-cause': 'kubectl set image deployment kubia nodejs=luksa/kubia:v2 --record=true',
    });
    replicaSet(env, d, '5d8b8c7f9', 'luksa/kubia:v1', '1', 0);
    replicaSet(env, d, '7d5b9c7d8f', 'luksa/kubia:v2', '2', 3);
    env.api.updateStatus({
      ...env.api.get('deployments', 'default', 'kubia'),
      status: {
        observedGeneration: 1,
        replicas: 3,
        updatedReplicas: 3,
        readyReplicas: 3,
        availableReplicas: 3,
        conditions: [
          {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
          },
          {
            type: 'Progressing',
            status: 'True',
            reason: 'NewReplicaSetAvailable',
            message: 'ReplicaSet "kubia-7d5b9c7d8f" has successfully progressed.',
          },
        ],
      },
    });
    sb.clock.advance(30 * 60);
    const now = sb.clock.now();
    event(
      env,
      d,
      'ScalingReplicaSet',
      'Scaled up replica set kubia-5d8b8c7f9 to 3',
      now - 21 * 60000,
      now - 21 * 60000,
    );
    event(
      env,
      d,
      'ScalingReplicaSet',
      'Scaled down replica set kubia-5d8b8c7f9 to 0 from 1',
      now - 8000,
      now - 4000,
      3,
    );
    event(
      env,
      d,
      'ScalingReplicaSet',
      'Scaled up replica set kubia-7d5b9c7d8f to 1',
      now - 190000,
      now - 190000,
    );
    event(
      env,
      d,
      'ScalingReplicaSet',
      'Scaled down replica set kubia-5d8b8c7f9 to 2 from 3',
      now - 170000,
      now - 170000,
    );
    event(
      env,
      d,
      'ScalingReplicaSet',
      'Scaled up replica set kubia-7d5b9c7d8f to 2 from 1',
      now - 128000,
      now - 128000,
    );
    const text = describeObjects(env, resourceByPlural('deployments')!, [
      env.api.get('deployments', 'default', 'kubia'),
    ]);
    expect(text).toBe(`Name:                   kubia
Namespace:              default
CreationTimestamp:      Thu, 26 Nov 2026 22:49:47 +0000
Labels:                 app=kubia
Annotations:            deployment.kubernetes.io/revision: 2
                        kubernetes.io/change-cause: kubectl set image deployment kubia nodejs=luksa/kubia:v2 --record=true
Selector:               app=kubia
Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        10
RollingUpdateStrategy:  0 max unavailable, 1 max surge
Pod Template:
  Labels:  app=kubia
  Containers:
   nodejs:
    Image:         luksa/kubia:v2
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
OldReplicaSets:  kubia-5d8b8c7f9 (0/0 replicas created)
NewReplicaSet:   kubia-7d5b9c7d8f (3/3 replicas created)
Events:
  Type    Reason             Age              From                   Message
  ----    ------             ----             ----                   -------
  Normal  ScalingReplicaSet  21m              deployment-controller  Scaled up replica set kubia-5d8b8c7f9 to 3
  Normal  ScalingReplicaSet  3m10s            deployment-controller  Scaled up replica set kubia-7d5b9c7d8f to 1
  Normal  ScalingReplicaSet  2m50s            deployment-controller  Scaled down replica set kubia-5d8b8c7f9 to 2 from 3
  Normal  ScalingReplicaSet  2m8s             deployment-controller  Scaled up replica set kubia-7d5b9c7d8f to 2 from 1
  Normal  ScalingReplicaSet  4s (x3 over 8s)  deployment-controller  Scaled down replica set kubia-5d8b8c7f9 to 0 from 1
`);
    expect(T0).toBeLessThan(now);
  });

  it('omits the replica set lines when none is owned, and RollingUpdateStrategy for Recreate', () => {
    const { env } = setup();
    env.api.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        strategy: { type: 'Recreate' },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'c', image: 'nginx' }] },
        },
      },
    });
    const text = describeObjects(env, resourceByPlural('deployments')!, [
      env.api.get('deployments', 'default', 'web'),
    ]);
    expect(text).toContain('StrategyType:       Recreate\nMinReadySeconds:    0\nPod Template:\n');
    expect(text).not.toContain('RollingUpdateStrategy');
    expect(text).not.toContain('ReplicaSet');
    expect(text.endsWith('  Tolerations:     <none>\nEvents:            <none>\n')).toBe(true);
  });

  it('separates several objects like kubectl (each later one preceded by two newlines)', () => {
    const { env } = setup();
    for (const name of ['a', 'b'])
      env.api.create({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name, namespace: 'default' },
        data: { k: 'v' },
      });
    const objs = env.api
      .list('configmaps', 'default')
      .items.filter((o) => o.metadata.name !== 'kube-root-ca.crt');
    const text = describeObjects(env, resourceByPlural('configmaps')!, objs);
    expect(text).toBe(
      'Name:         a\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\nk:\n----\nv\n\n\nBinaryData\n====\n\nEvents:  <none>\n' +
        '\n\n' +
        'Name:         b\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\nk:\n----\nv\n\n\nBinaryData\n====\n\nEvents:  <none>\n',
    );
  });
});
