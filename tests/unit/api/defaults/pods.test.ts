/** Pod and container defaulting, image pull policy, probes, and the admission additions. */
import { describe, expect, it } from 'vitest';
import { applyPodAdmissionDefaults, defaultPullPolicy } from '../../../../sandbox/api/defaults';
import type { KubeObject } from '../../../../sandbox/api/types';
import { defaulted, type Json } from './helpers';

function pod(spec: Json): Json {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec };
}

const spec = (obj: Json): Json => obj.spec as Json;
const firstContainer = (obj: Json): Json => (spec(obj).containers as Json[])[0];

describe('imagePullPolicy', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['docker.io/library/nginx', 'Always'],
    ['localhost:5000/app', 'Always'],
    ['localhost:5000/app:v2', 'IfNotPresent'],
    ['luksa/kubia:v1', 'IfNotPresent'],
    [`nginx@sha256:${'a'.repeat(64)}`, 'IfNotPresent'],
    [`nginx:latest@sha256:${'a'.repeat(64)}`, 'Always'],
    ['Nginx', 'IfNotPresent'],
    ['', 'IfNotPresent'],
  ])('%s → %s', (image, expected) => {
    expect(defaultPullPolicy(image)).toBe(expected);
  });

  it('an explicit policy is kept', () => {
    const p = defaulted(pod({ containers: [{ name: 'c', image: 'nginx', imagePullPolicy: 'Never' }] }));
    expect(firstContainer(p).imagePullPolicy).toBe('Never');
  });
});

describe('Pod defaults', () => {
  it('a minimal pod', () => {
    const p = defaulted(
      pod({ containers: [{ name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080 }] }] }),
    );
    expect(p.spec).toEqual({
      containers: [
        {
          name: 'kubia',
          image: 'luksa/kubia',
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          imagePullPolicy: 'Always',
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          resources: {},
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    });
  });

  it('requests default to limits on pods (only for resources not requested)', () => {
    const p = defaulted(
      pod({
        containers: [
          {
            name: 'c',
            image: 'x',
            resources: { limits: { cpu: '1', memory: '128Mi' }, requests: { cpu: '500m' } },
          },
        ],
      }),
    );
    expect(firstContainer(p).resources).toEqual({
      limits: { cpu: '1', memory: '128Mi' },
      requests: { cpu: '500m', memory: '128Mi' },
    });
  });

  it('templates do not get requests from limits nor enableServiceLinks', () => {
    const d = defaulted({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: {
        template: { spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '1' } } }] } },
      },
    });
    const tspec = ((d.spec as Json).template as Json).spec as Json;
    expect((tspec.containers as Json[])[0].resources).toEqual({ limits: { cpu: '1' } });
    expect(tspec.enableServiceLinks).toBeUndefined();
  });

  it('probe defaults, httpGet path/scheme, grpc service', () => {
    const p = defaulted(
      pod({
        containers: [
          {
            name: 'c',
            image: 'x',
            livenessProbe: { httpGet: { port: 8080 } },
            readinessProbe: { grpc: { port: 9000 }, periodSeconds: 5, timeoutSeconds: 0 },
            lifecycle: { preStop: { httpGet: { port: 80, path: '/stop' } } },
          },
        ],
      }),
    );
    const c = firstContainer(p);
    expect(c.livenessProbe).toEqual({
      httpGet: { port: 8080, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(c.readinessProbe).toEqual({
      grpc: { port: 9000, service: '' },
      timeoutSeconds: 1,
      periodSeconds: 5,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(c.lifecycle).toEqual({ preStop: { httpGet: { port: 80, path: '/stop', scheme: 'HTTP' } } });
  });

  it('volumes: emptyDir when no source, file modes 420, env fieldRef apiVersion', () => {
    const p = defaulted(
      pod({
        volumes: [
          { name: 'a' },
          { name: 'b', configMap: { name: 'cfg' } },
          { name: 'c', secret: { secretName: 's' } },
        ],
        containers: [
          {
            name: 'c',
            image: 'x',
            env: [{ name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
          },
        ],
      }),
    );
    expect(spec(p).volumes).toEqual([
      { name: 'a', emptyDir: {} },
      { name: 'b', configMap: { name: 'cfg', defaultMode: 420 } },
      { name: 'c', secret: { secretName: 's', defaultMode: 420 } },
    ]);
    expect((firstContainer(p).env as Json[])[0]).toEqual({
      name: 'NS',
      valueFrom: { fieldRef: { fieldPath: 'metadata.namespace', apiVersion: 'v1' } },
    });
  });

  it('serviceAccount mirrors serviceAccountName (and is accepted as an alias)', () => {
    expect(spec(defaulted(pod({ serviceAccountName: 'sa', containers: [] }))).serviceAccount).toBe('sa');
    expect(spec(defaulted(pod({ serviceAccount: 'old', containers: [] }))).serviceAccountName).toBe('old');
  });

  it('hostNetwork: hostPort defaults to containerPort', () => {
    const p = defaulted(
      pod({ hostNetwork: true, containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80 }] }] }),
    );
    expect(firstContainer(p).ports).toEqual([{ containerPort: 80, protocol: 'TCP', hostPort: 80 }]);
  });
});

describe('pod admission', () => {
  const admitted = (s: Json): Json => {
    const p = defaulted(pod(s));
    applyPodAdmissionDefaults(p as unknown as KubeObject, { nameSuffix: (n) => 'x7k2p'.slice(0, n) });
    return p;
  };

  it('service account, token volume and mounts, tolerations, priority', () => {
    const p = admitted({
      initContainers: [{ name: 'init', image: 'busybox' }],
      containers: [{ name: 'c', image: 'x' }],
    });
    const s = spec(p);
    expect(s.serviceAccountName).toBe('default');
    expect(s.serviceAccount).toBe('default');
    const mount = {
      name: 'kube-api-access-x7k2p',
      readOnly: true,
      mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
    };
    expect((s.initContainers as Json[])[0].volumeMounts).toEqual([mount]);
    expect((s.containers as Json[])[0].volumeMounts).toEqual([mount]);
    expect(s.volumes).toEqual([
      {
        name: 'kube-api-access-x7k2p',
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            {
              downwardAPI: {
                items: [
                  { path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } },
                ],
              },
            },
          ],
        },
      },
    ]);
    expect(s.tolerations).toEqual([
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ]);
    expect([s.priority, s.preemptionPolicy]).toEqual([0, 'PreemptLowerPriority']);
  });

  it('automountServiceAccountToken: false skips the volume; existing tolerations are respected', () => {
    const s = spec(
      admitted({
        automountServiceAccountToken: false,
        tolerations: [
          {
            key: 'node.kubernetes.io/not-ready',
            operator: 'Exists',
            effect: 'NoExecute',
            tolerationSeconds: 10,
          },
        ],
        containers: [{ name: 'c', image: 'x' }],
      }),
    );
    expect(s.volumes).toBeUndefined();
    expect(s.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ]);
  });

  it('a container that already mounts the token path is left alone', () => {
    const s = spec(
      admitted({
        volumes: [{ name: 'tok', emptyDir: {} }],
        containers: [
          {
            name: 'c',
            image: 'x',
            volumeMounts: [{ name: 'tok', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
          },
        ],
      }),
    );
    expect(s.volumes).toEqual([{ name: 'tok', emptyDir: {} }]);
  });
});
