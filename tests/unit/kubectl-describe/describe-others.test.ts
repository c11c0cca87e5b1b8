import { describe, expect, it } from 'vitest';
import { resourceByPlural } from '../../../sandbox/index';
import { describeObjects } from '../../../sandbox/kubectl/describe';
import { deployment, event, replicaSet, setup } from './helpers';

describe('describe replicaset / replicationcontroller', () => {
  it('counts controlled pods by phase and shows Controlled By', () => {
    const { env } = setup();
    const d = deployment(env, { 'deployment.kubernetes.io/revision': '2' });
    const rs = replicaSet(env, d, '7d5b9c7d8f', 'luksa/kubia:v2', '2', 3, {
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
    const phases = ['Running', 'Running', 'Pending'];
    phases.forEach((phase, i) => {
      const p = env.api.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `kubia-7d5b9c7d8f-${i}`,
          namespace: 'default',
          labels: { app: 'kubia', 'pod-template-hash': '7d5b9c7d8f' },
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'ReplicaSet',
              name: rs.metadata.name!,
              uid: rs.metadata.uid!,
              controller: true,
            },
          ],
        },
        spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v2' }] },
      });
      env.api.updateStatus({ ...p, status: { phase } });
    });
    const text = describeObjects(env, resourceByPlural('replicasets')!, [
      env.api.get('replicasets', 'default', rs.metadata.name!),
    ]);
    expect(text).toBe(`Name:           kubia-7d5b9c7d8f
Namespace:      default
Selector:       app=kubia,pod-template-hash=7d5b9c7d8f
Labels:         app=kubia
                pod-template-hash=7d5b9c7d8f
Annotations:    deployment.kubernetes.io/desired-replicas: 3
                deployment.kubernetes.io/max-replicas: 4
                deployment.kubernetes.io/revision: 2
Controlled By:  Deployment/kubia
Replicas:       3 current / 3 desired
Pods Status:    2 Running / 1 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=kubia
           pod-template-hash=7d5b9c7d8f
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
Events:            <none>
`);
  });

  it('describes an RC with its events', () => {
    const { env, sb } = setup();
    const rc = env.api.create({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'kubia-v1', namespace: 'default' },
      spec: {
        replicas: 3,
        template: {
          metadata: { labels: { app: 'kubia' } },
          spec: {
            containers: [{ name: 'nodejs', image: 'luksa/kubia:v1', ports: [{ containerPort: 8080 }] }],
          },
        },
      },
    });
    sb.clock.advance(3600 * 3 + 5);
    const now = sb.clock.now();
    event(
      env,
      rc,
      'SuccessfulCreate',
      'Created pod: kubia-v1-6n5hj',
      now - 121 * 60000,
      now - 66000,
      12,
      'replication-controller',
    );
    const text = describeObjects(env, resourceByPlural('replicationcontrollers')!, [rc]);
    expect(text).toContain(
      'Name:         kubia-v1\nNamespace:    default\nSelector:     app=kubia\nLabels:       app=kubia\nAnnotations:  <none>\nReplicas:     0 current / 3 desired\nPods Status:  0 Running / 0 Waiting / 0 Succeeded / 0 Failed\nPod Template:\n',
    );
    expect(text).toContain(
      'Events:\n  Type    Reason            Age                  From                    Message\n  ----    ------            ----                 ----                    -------\n  Normal  SuccessfulCreate  66s (x12 over 121m)  replication-controller  Created pod: kubia-v1-6n5hj\n',
    );
  });
});

describe('describe service', () => {
  it('lists ready endpoints from EndpointSlices and the load balancer ingress', () => {
    const { env } = setup();
    const svc = env.api.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubia', namespace: 'default' },
      spec: { type: 'LoadBalancer', selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] },
    });
    env.api.updateStatus({
      ...svc,
      status: { loadBalancer: { ingress: [{ ip: '130.211.53.173', ipMode: 'VIP' }] } },
    });
    env.api.create({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: 'kubia-abcde',
        namespace: 'default',
        labels: { 'kubernetes.io/service-name': 'kubia' },
      },
      addressType: 'IPv4',
      ports: [{ name: '', port: 8080, protocol: 'TCP' }],
      endpoints: ['10.244.0.12', '10.244.0.13', '10.244.0.14', '10.244.0.15', '10.244.0.16'].map((ip, i) => ({
        addresses: [ip],
        conditions: { ready: i !== 4 },
      })),
    });
    const stored = env.api.get('services', 'default', 'kubia') as {
      spec?: { clusterIP?: string; ports?: Array<{ nodePort?: number }> };
    };
    const ip = stored.spec!.clusterIP!;
    const nodePort = stored.spec!.ports![0].nodePort!;
    const text = describeObjects(env, resourceByPlural('services')!, [
      env.api.get('services', 'default', 'kubia'),
    ]);
    expect(text).toBe(`Name:                     kubia
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 app=kubia
Type:                     LoadBalancer
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       ${ip}
IPs:                      ${ip}
LoadBalancer Ingress:     130.211.53.173 (VIP)
Port:                     <unset>  80/TCP
TargetPort:               8080/TCP
NodePort:                 <unset>  ${nodePort}/TCP
Endpoints:                10.244.0.12:8080,10.244.0.13:8080,10.244.0.14:8080 + 1 more...
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>
`);
  });
});

describe('describe namespace and node', () => {
  it('shows the namespace quota', () => {
    const { env } = setup();
    const text = describeObjects(env, resourceByPlural('namespaces')!, [
      env.api.get('namespaces', undefined, 'default'),
    ]);
    const quota = env.api.list('resourcequotas', 'default').items[0] as unknown as {
      metadata: { name: string };
      spec: { hard: { pods: string } };
    };
    const name = quota.metadata.name;
    const hard = quota.spec.hard.pods;
    expect(text).toBe(
      'Name:         default\nLabels:       kubernetes.io/metadata.name=default\nAnnotations:  <none>\nStatus:       Active\n\n' +
        `Resource Quotas\n  Name:     ${name}\n  Resource  Used  Hard\n  --------  ---   ---\n  pods      0     ${hard}\n`,
    );
  });
});
