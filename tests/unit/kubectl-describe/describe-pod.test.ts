import { describe, expect, it } from 'vitest';
import { resourceByPlural } from '../../../sandbox/index';
import { describeObjects } from '../../../sandbox/kubectl/describe';
import { setup } from './helpers';

// kubectl.md §8.1, the multi-container capture (our admission mounts the token volume in every container).
const EXPECTED = `Name:             kubia-rich
Namespace:        default
Priority:         0
Service Account:  default
Node:             minikube/192.168.49.2
Start Time:       Thu, 26 Nov 2026 23:26:46 +0000
Labels:           app=rich
Annotations:      <none>
Status:           Running
IP:               10.244.0.30
IPs:
  IP:  10.244.0.30
Containers:
  nodejs:
    Container ID:  containerd://abc
    Image:         luksa/kubia:v3
    Image ID:      
    Ports:         8080/TCP, 9090/UDP
    Host Ports:    0/TCP, 0/UDP
    Command:
      node
    Args:
      app.js
      --port
      8080
    State:          Running
      Started:      Thu, 26 Nov 2026 23:26:48 +0000
    Ready:          False
    Restart Count:  0
    Limits:
      cpu:     500m
      memory:  128Mi
    Requests:
      cpu:      100m
      memory:   64Mi
    Liveness:   tcp-socket :8080 delay=15s timeout=1s period=10s #success=1 #failure=3
    Readiness:  http-get http://:8080/ delay=0s timeout=1s period=1s #success=1 #failure=3
    Environment:
      FOO:       bar
      POD_NAME:  kubia-rich (v1:metadata.name)
      CFG:       <set to the key 'a' of config map 'cfg'>  Optional: false
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from VOLUME (ro)
  sidecar:
    Container ID:  containerd://def
    Image:         busybox
    Image ID:      
    Port:          <none>
    Host Port:     <none>
    Command:
      sh
      -c
      sleep 3600
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Exit Code:    1
      Started:      Thu, 26 Nov 2026 23:26:56 +0000
      Finished:     Thu, 26 Nov 2026 23:26:57 +0000
    Ready:          False
    Restart Count:  4
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from VOLUME (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       False 
  ContainersReady             False 
  PodScheduled                True 
Volumes:
  VOLUME:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   Burstable
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:                      <none>
`;

describe('describe pod', () => {
  it('matches the verified multi-container capture', () => {
    const { env } = setup('2026-11-26T23:26:45Z');
    const probe = { successThreshold: 1, failureThreshold: 3, timeoutSeconds: 1 };
    const pod = env.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'kubia-rich', namespace: 'default', labels: { app: 'rich' } },
      spec: {
        nodeName: 'minikube',
        containers: [
          {
            name: 'nodejs',
            image: 'luksa/kubia:v3',
            command: ['node'],
            args: ['app.js', '--port', '8080'],
            ports: [{ containerPort: 8080 }, { containerPort: 9090, protocol: 'UDP' }],
            resources: {
              limits: { cpu: '500m', memory: '128Mi' },
              requests: { cpu: '100m', memory: '64Mi' },
            },
            livenessProbe: {
              ...probe,
              tcpSocket: { port: 8080 },
              initialDelaySeconds: 15,
              periodSeconds: 10,
            },
            readinessProbe: { ...probe, httpGet: { path: '/', port: 8080 }, periodSeconds: 1 },
            env: [
              { name: 'FOO', value: 'bar' },
              { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
              { name: 'CFG', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'a' } } },
            ],
          },
          { name: 'sidecar', image: 'busybox', command: ['sh', '-c', 'sleep 3600'] },
        ],
      },
    });
    const at = (s: string): string => `2026-11-26T23:26:${s}Z`;
    env.api.updateStatus({
      ...pod,
      status: {
        phase: 'Running',
        hostIP: '192.168.49.2',
        podIP: '10.244.0.30',
        podIPs: [{ ip: '10.244.0.30' }],
        startTime: at('46'),
        qosClass: 'Burstable',
        conditions: [
          'PodReadyToStartContainers',
          'Initialized',
          'Ready',
          'ContainersReady',
          'PodScheduled',
        ].map((type) => ({
          type,
          status: type.includes('Ready') && type !== 'PodReadyToStartContainers' ? 'False' : 'True',
        })),
        containerStatuses: [
          {
            name: 'nodejs',
            image: 'luksa/kubia:v3',
            imageID: '',
            containerID: 'containerd://abc',
            ready: false,
            restartCount: 0,
            state: { running: { startedAt: at('48') } },
          },
          {
            name: 'sidecar',
            image: 'busybox',
            imageID: '',
            containerID: 'containerd://def',
            ready: false,
            restartCount: 4,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: {
              terminated: { reason: 'Error', exitCode: 1, startedAt: at('56'), finishedAt: at('57') },
            },
          },
        ],
      },
    });
    const stored = env.api.get('pods', 'default', 'kubia-rich');
    const volume = (stored.spec as { volumes: Array<{ name: string }> }).volumes[0].name;
    const text = describeObjects(env, resourceByPlural('pods')!, [stored]);
    expect(text).toBe(EXPECTED.replaceAll('VOLUME', volume));
  });

  it('describes a pending unscheduled pod', () => {
    const { env } = setup();
    env.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default' },
      spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v1', ports: [{ containerPort: 8080 }] }] },
    });
    const text = describeObjects(env, resourceByPlural('pods')!, [env.api.get('pods', 'default', 'p')]);
    expect(text).toContain('Node:             <none>\n');
    expect(text).toContain(
      'IP:               \nIPs:              <none>\nContainers:\n  nodejs:\n    Image:        luksa/kubia:v1\n    Port:         8080/TCP\n    Host Port:    0/TCP\n    Environment:  <none>\n',
    );
    expect(text).toContain('QoS Class:                   BestEffort\n');
  });
});
