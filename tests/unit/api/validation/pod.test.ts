/** Pod spec validation (containers, ports, probes, policies, volumes) and the pod update rule. */
import { describe, expect, it } from 'vitest';
import { applyDefaults, applyPodAdmissionDefaults } from '../../../../sandbox/api/defaults';
import { fieldErrorString } from '../../../../sandbox/api/errors';
import { resourceByPlural } from '../../../../sandbox/api/resources';
import type { KubeObject } from '../../../../sandbox/api/types';
import {
  UPDATABLE_POD_SPEC_FIELDS,
  validateCreate,
  validateUpdate,
} from '../../../../sandbox/api/validation';
import { clone, createErrors, pod, type Json } from './helpers';

const DNS1123_LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

const container = (p: Json & { spec: Json }, i = 0): Json => (p.spec.containers as Json[])[i];

describe('pod spec', () => {
  it.each<[string, (p: Json & { spec: Json }) => void, string[]]>([
    ['valid', () => {}, []],
    ['no containers', (p) => (p.spec.containers = []), ['spec.containers: Required value']],
    ['containers missing', (p) => delete p.spec.containers, ['spec.containers: Required value']],
    [
      'container name not a DNS label',
      (p) => (container(p).name = 'My_App'),
      [`spec.containers[0].name: Invalid value: "My_App": ${DNS1123_LABEL}`],
    ],
    [
      'duplicate container names',
      (p) => (p.spec.containers as Json[]).push({ name: 'kubia', image: 'busybox' }),
      ['spec.containers[1].name: Duplicate value: "kubia"'],
    ],
    ['missing image', (p) => delete container(p).image, ['spec.containers[0].image: Required value']],
    [
      'image with surrounding whitespace (pods only)',
      (p) => (container(p).image = ' nginx '),
      ['spec.containers[0].image: Invalid value: " nginx ": must not have leading or trailing whitespace'],
    ],
    [
      'container port out of range',
      (p) => (container(p).ports = [{ containerPort: 70000 }]),
      [
        'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      ],
    ],
    [
      'container port 0 is missing',
      (p) => (container(p).ports = [{ containerPort: 0 }]),
      ['spec.containers[0].ports[0].containerPort: Required value'],
    ],
    [
      'unknown port protocol',
      (p) => (container(p).ports = [{ containerPort: 80, protocol: 'HTTP' }]),
      [
        'spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      ],
    ],
    [
      'bad and duplicate port names',
      (p) =>
        (container(p).ports = [
          { name: 'http', containerPort: 80 },
          { name: 'http', containerPort: 81 },
          { name: 'http_2', containerPort: 82 },
        ]),
      [
        'spec.containers[0].ports[1].name: Duplicate value: "http"',
        'spec.containers[0].ports[2].name: Invalid value: "http_2": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      ],
    ],
    [
      'probe without a handler',
      (p) => (container(p).livenessProbe = { periodSeconds: 5 }),
      ['spec.containers[0].livenessProbe: Required value: must specify a handler type'],
    ],
    [
      'probe with two handlers',
      (p) => (container(p).readinessProbe = { httpGet: { port: 8080 }, tcpSocket: { port: 8080 } }),
      ['spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type'],
    ],
    [
      'probe numbers',
      (p) =>
        (container(p).livenessProbe = {
          httpGet: { port: 0 },
          initialDelaySeconds: -1,
          successThreshold: 2,
          failureThreshold: -3,
        }),
      [
        'spec.containers[0].livenessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive',
        'spec.containers[0].livenessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0',
        'spec.containers[0].livenessProbe.failureThreshold: Invalid value: -3: must be greater than or equal to 0',
        'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      ],
    ],
    [
      'exec probe without a command, bad scheme',
      (p) => {
        container(p).livenessProbe = { exec: {} };
        container(p).readinessProbe = { httpGet: { port: 'http', scheme: 'FTP' } };
      },
      [
        'spec.containers[0].livenessProbe.exec.command: Required value',
        'spec.containers[0].readinessProbe.httpGet.scheme: Unsupported value: "FTP": supported values: "HTTP", "HTTPS"',
      ],
    ],
    [
      'restartPolicy',
      (p) => (p.spec.restartPolicy = 'Sometimes'),
      [
        'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      ],
    ],
    [
      'dnsPolicy',
      (p) => (p.spec.dnsPolicy = 'Cluster'),
      [
        'spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
      ],
    ],
    [
      'imagePullPolicy',
      (p) => (container(p).imagePullPolicy = 'Sometimes'),
      [
        'spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
      ],
    ],
    [
      'a negative terminationGracePeriodSeconds is only a warning upstream',
      (p) => (p.spec.terminationGracePeriodSeconds = -1),
      [],
    ],
    [
      'activeDeadlineSeconds must be positive',
      (p) => (p.spec.activeDeadlineSeconds = 0),
      ['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive'],
    ],
    [
      'volume mount of an unknown volume',
      (p) => (container(p).volumeMounts = [{ name: 'data', mountPath: '/data' }]),
      ['spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    ],
    [
      'volumes: name, duplicate, source',
      (p) => {
        p.spec.volumes = [
          { name: 'data', emptyDir: {} },
          { name: 'data', emptyDir: {} },
          { name: 'cfg', configMap: {} },
        ];
      },
      ['spec.volumes[1].name: Duplicate value: "data"', 'spec.volumes[2].configMap.name: Required value'],
    ],
    [
      'env var from nothing',
      (p) => (container(p).env = [{ name: 'A', valueFrom: {} }]),
      [
        'spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      ],
    ],
    [
      'requests above limits',
      (p) => (container(p).resources = { limits: { cpu: '500m' }, requests: { cpu: '1' } }),
      [
        'spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m',
      ],
    ],
    [
      'negative quantity and unknown resource',
      (p) => (container(p).resources = { limits: { memory: '-1Gi', gpu: '1' } }),
      [
        'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers',
        'spec.containers[0].resources.limits[memory]: Invalid value: "-1Gi": must be greater than or equal to 0',
        'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers',
        'spec.containers[0].resources.requests[memory]: Invalid value: "-1Gi": must be greater than or equal to 0',
      ],
    ],
    [
      'tolerations',
      (p) =>
        (p.spec.tolerations = [
          { operator: 'Equal', value: 'x' },
          { key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 5 },
        ]),
      [
        'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
        'spec.tolerations[1].effect: Invalid value: "NoSchedule": effect must be \'NoExecute\' when `tolerationSeconds` is set',
      ],
    ],
    [
      'ephemeral containers cannot be set on create',
      (p) =>
        (p.spec.ephemeralContainers = [
          { name: 'debug', image: 'busybox', terminationMessagePolicy: 'File', imagePullPolicy: 'Always' },
        ]),
      ['spec.ephemeralContainers: Forbidden: cannot be set on create'],
    ],
  ])('%s', (_n, patch, expected) => {
    expect(createErrors(pod(patch))).toEqual(expected);
  });

  it('a pod after admission (service account volume, tolerations, priority) is valid', () => {
    const p = clone(pod()) as KubeObject;
    const r = resourceByPlural('pods')!;
    applyDefaults(r, p);
    applyPodAdmissionDefaults(p, { nameSuffix: () => 'x7k2p' });
    expect(validateCreate(r, p)).toEqual([]);
  });
});

describe('pod update', () => {
  const r = resourceByPlural('pods')!;
  const stored = (): KubeObject => {
    const p = clone(pod()) as KubeObject;
    applyDefaults(r, p);
    applyPodAdmissionDefaults(p, { nameSuffix: () => 'x7k2p' });
    p.metadata = { ...p.metadata, uid: 'u1', resourceVersion: '5' };
    (p.spec as Json).nodeName = 'node-1';
    p.status = { phase: 'Running', qosClass: 'BestEffort' };
    return p;
  };
  const update = (change: (p: KubeObject & { spec: Json }) => void): string[] => {
    const old = stored();
    const next = clone(old) as KubeObject & { spec: Json };
    change(next);
    applyDefaults(r, next);
    return validateUpdate(r, next, old).map(fieldErrorString);
  };
  const FORBIDDEN_PREFIX = `spec: Forbidden: pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n`;

  it('the updatable fields list is the v1.32 one', () => {
    expect(FORBIDDEN_PREFIX).toBe(
      'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n',
    );
  });

  it('images, labels, a lower activeDeadlineSeconds and added tolerations may change', () => {
    expect(
      update((p) => {
        (p.spec.containers as Json[])[0].image = 'luksa/kubia:v2';
        p.metadata = { ...p.metadata, labels: { app: 'kubia' } };
        p.spec.activeDeadlineSeconds = 100;
        p.spec.tolerations = [...(p.spec.tolerations as Json[]), { key: 'x', operator: 'Exists' }];
      }),
    ).toEqual([]);
  });

  it('changing a port is forbidden, with a diff', () => {
    const errs = update(
      (p) => ((p.spec.containers as Json[])[0].ports = [{ containerPort: 9090, protocol: 'TCP' }]),
    );
    expect(errs).toHaveLength(1);
    expect(errs[0].startsWith(FORBIDDEN_PREFIX)).toBe(true);
    const diff = errs[0].slice(FORBIDDEN_PREFIX.length);
    expect(diff.split('\n')[0]).toBe('  core.PodSpec{');
    expect(diff).toContain('- \t\t\t\t\tContainerPort: 8080,');
    expect(diff).toContain('+ \t\t\t\t\tContainerPort: 9090,');
  });

  it('adding or removing containers stops there', () => {
    expect(update((p) => (p.spec.containers as Json[]).push({ name: 'b', image: 'busybox' }))).toEqual([
      'spec.containers: Forbidden: pod updates may not add or remove containers',
    ]);
  });

  it('clearing an image, raising activeDeadlineSeconds, removing a toleration', () => {
    expect(update((p) => ((p.spec.containers as Json[])[0].image = ''))[0]).toBe(
      'spec.containers[0].image: Required value',
    );
    const old = stored();
    (old.spec as Json).activeDeadlineSeconds = 10;
    const next = clone(old) as KubeObject & { spec: Json };
    next.spec.activeDeadlineSeconds = 20;
    expect(validateUpdate(r, next, old).map(fieldErrorString)).toEqual([
      'spec.activeDeadlineSeconds: Invalid value: 20: must be less than or equal to previous value',
    ]);
    const errs = update((p) => (p.spec.tolerations = []));
    expect(errs[0]).toBe(
      'spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    );
  });

  it('a QoS change is reported on metadata (upstream quirk) before the forbidden change', () => {
    const errs = update((p) => ((p.spec.containers as Json[])[0].resources = { requests: { cpu: '100m' } }));
    expect(errs[0]).toBe('metadata: Invalid value: "BestEffort": Pod QoS is immutable');
    expect(errs[1].startsWith(FORBIDDEN_PREFIX)).toBe(true);
  });
});
