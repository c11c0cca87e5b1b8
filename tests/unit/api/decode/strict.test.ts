import { describe, expect, it } from 'vitest';
import {
  checkDecoding,
  decodeError,
  decodeStrict,
  type FieldValidation,
} from '../../../../sandbox/api/decode';
import { StatusError } from '../../../../sandbox/api/errors';
import { kubiaDeployment, kubiaRc, loadBalancerService, podWithEverything } from './manifests';

const CANNOT_DEPLOY = 'Deployment in version "v1" cannot be handled as a Deployment: ';
const CANNOT_POD = 'Pod in version "v1" cannot be handled as a Pod: ';

/** A deep copy of a manifest with one change applied. */
function edit<T>(obj: T, change: (o: T) => void): T {
  const copy = structuredClone(obj);
  change(copy);
  return copy;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

describe('valid lesson manifests decode without errors', () => {
  const cm = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'fortune-config' },
    data: { 'sleep-interval': '25' },
    binaryData: { logo: 'iVBORw0KGgo=' },
  };
  const endpoints = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubia' },
    subsets: [
      {
        addresses: [{ ip: '10.244.1.5', targetRef: { kind: 'Pod', name: 'kubia-x', namespace: 'default' } }],
        ports: [{ port: 8080 }],
      },
    ],
  };
  const event = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'kubia.17a', namespace: 'default' },
    involvedObject: { kind: 'Deployment', name: 'kubia', apiVersion: 'apps/v1' },
    reason: 'ScalingReplicaSet',
    message: 'Scaled up replica set kubia-abc to 3',
    type: 'Normal',
    count: 1,
    firstTimestamp: '2024-05-01T10:00:00Z',
    lastTimestamp: '2024-05-01T10:00:00+02:00',
    eventTime: '2024-05-01T10:00:00.123456Z',
    source: { component: 'deployment-controller' },
  };
  const slice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubia-abc', labels: { 'kubernetes.io/service-name': 'kubia' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['10.244.1.5'], conditions: { ready: true } }],
    ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
  };
  const quota = {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: 'pods' },
    spec: { hard: { pods: '10', 'requests.cpu': 2 } },
    status: { hard: { pods: '10' }, used: { pods: '0' } },
  };
  const node = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'minikube' },
    spec: { podCIDR: '10.244.0.0/24', taints: [{ key: 'k', effect: 'NoSchedule' }] },
    status: {
      capacity: { cpu: '4', memory: '8Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: '2024-05-01T10:00:00Z' }],
      addresses: [{ type: 'InternalIP', address: '192.168.49.2' }],
      nodeInfo: { kubeletVersion: 'v1.32.0' },
    },
  };
  const ns = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'custom-ns' },
    spec: { finalizers: ['kubernetes'] },
  };
  const scale = {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: { name: 'kubia' },
    spec: { replicas: 5 },
  };
  const rs = edit(kubiaDeployment(), (d: Any) => {
    d.kind = 'ReplicaSet';
    delete d.spec.strategy;
  });

  it.each([
    ['Deployment with a readinessProbe', kubiaDeployment(), 'apps/v1'],
    ['ReplicationController with a template', kubiaRc(), 'v1'],
    ['LoadBalancer Service', loadBalancerService(), 'v1'],
    ['Pod with env, volumes, resources, probes', podWithEverything(), 'v1'],
    ['ReplicaSet', rs, 'apps/v1'],
    ['ConfigMap', cm, 'v1'],
    ['Endpoints', endpoints, 'v1'],
    ['Event', event, 'v1'],
    ['EndpointSlice', slice, 'discovery.k8s.io/v1'],
    ['ResourceQuota', quota, 'v1'],
    ['Node', node, 'v1'],
    ['Namespace', ns, 'v1'],
    ['Scale', scale, 'autoscaling/v1'],
  ])('%s', (_name, manifest, apiVersion) => {
    for (const mode of ['Strict', 'Warn', 'Ignore'] as FieldValidation[]) {
      const r = decodeStrict(manifest, apiVersion, manifest.kind as string, mode);
      expect(r.errors).toEqual([]);
      expect(r.warnings).toEqual([]);
      expect(r.message).toBeUndefined();
    }
    expect(decodeError(manifest, apiVersion, manifest.kind as string, 'Strict')).toBeUndefined();
  });

  it('keeps the object as it was, minus null fields', () => {
    const pod = podWithEverything();
    const { object } = decodeStrict(pod, 'v1', 'Pod', 'Strict');
    const expected = edit(pod, (p: Any) => delete p.metadata.creationTimestamp);
    expect(object).toEqual(expected);
  });
});

describe('unknown fields', () => {
  const typo = edit(kubiaDeployment(), (d: Any) => {
    d.spec.strategy.rollingUpdate = { maxSurge: 1, maxUnavaliable: 0 };
  });

  it('the maxUnavaliable typo gives the exact 400 message', () => {
    const r = decodeStrict(typo, 'apps/v1', 'Deployment', 'Strict');
    expect(r.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.strategy.rollingUpdate.maxUnavaliable"',
    );
    expect(r.errors).toEqual(['unknown field "spec.strategy.rollingUpdate.maxUnavaliable"']);
    const err = decodeError(typo, 'apps/v1', 'Deployment', 'Strict');
    expect(err).toBeInstanceOf(StatusError);
    expect(err?.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: r.message,
      reason: 'BadRequest',
      code: 400,
    });
  });

  it('Warn turns them into warnings and drops the fields; Ignore drops them silently', () => {
    const warn = decodeStrict(typo, 'apps/v1', 'Deployment', 'Warn');
    expect(warn.errors).toEqual([]);
    expect(warn.message).toBeUndefined();
    expect(warn.warnings).toEqual(['unknown field "spec.strategy.rollingUpdate.maxUnavaliable"']);
    expect((warn.object as Any).spec.strategy.rollingUpdate).toEqual({ maxSurge: 1 });
    const ignore = decodeStrict(typo, 'apps/v1', 'Deployment', 'Ignore');
    expect(ignore.warnings).toEqual([]);
    expect(ignore.errors).toEqual([]);
    expect((ignore.object as Any).spec.strategy.rollingUpdate).toEqual({ maxSurge: 1 });
  });

  it.each([
    [
      'a typo in a container',
      (d: Any) => (d.spec.template.spec.containers[0].imagee = 'x'),
      ['unknown field "spec.template.spec.containers[0].imagee"'],
    ],
    ['a top-level field', (d: Any) => (d.extra = 1), ['unknown field "extra"']],
    ['field names are case-sensitive', (d: Any) => (d.spec.Replicas = 1), ['unknown field "spec.Replicas"']],
    [
      'only the outermost unknown key, not what is inside it',
      (d: Any) => (d.spec.template.spec.containers[0].probe = { a: { b: 1 } }),
      ['unknown field "spec.template.spec.containers[0].probe"'],
    ],
    [
      'the second container',
      (d: Any) => d.spec.template.spec.containers.push({ name: 'b', image: 'x', port: 80 }),
      ['unknown field "spec.template.spec.containers[1].port"'],
    ],
    [
      'several, in document order, joined with ", "',
      (d: Any) => {
        d.spec.template.spec.containers[0].imagee = 'x';
        d.metadata.lables = { a: 'b' };
        d.spec.replica = 3;
      },
      [
        'unknown field "metadata.lables"',
        'unknown field "spec.template.spec.containers[0].imagee"',
        'unknown field "spec.replica"',
      ],
    ],
    [
      'inside an httpGet',
      (d: Any) => (d.spec.template.spec.containers[0].readinessProbe.httpGet.paht = '/'),
      ['unknown field "spec.template.spec.containers[0].readinessProbe.httpGet.paht"'],
    ],
    [
      'inside a label selector expression',
      (d: Any) => (d.spec.selector.matchExpressions = [{ key: 'a', operator: 'Exists', value: ['x'] }]),
      ['unknown field "spec.selector.matchExpressions[0].value"'],
    ],
    ['inside status', (d: Any) => (d.status = { replicas: 1, ready: 1 }), ['unknown field "status.ready"']],
    [
      'inside affinity',
      (d: Any) => (d.spec.template.spec.affinity = { nodeAffinity: { required: {} } }),
      ['unknown field "spec.template.spec.affinity.nodeAffinity.required"'],
    ],
  ])('%s', (_name, change, expected) => {
    const d = edit(kubiaDeployment(), change);
    const r = decodeStrict(d, 'apps/v1', 'Deployment', 'Strict');
    expect(r.errors).toEqual(expected);
    expect(r.message).toBe(`${CANNOT_DEPLOY}strict decoding error: ${expected.join(', ')}`);
    expect(decodeStrict(d, 'apps/v1', 'Deployment', 'Warn').warnings).toEqual(expected);
  });

  it('with sortKeys, keys are visited in sorted order (how kubectl re-encodes a manifest)', () => {
    const d = edit(kubiaDeployment(), (x: Any) => {
      x.spec.zeta = 1;
      x.spec.alpha = 1;
    });
    expect(decodeStrict(d, 'apps/v1', 'Deployment', 'Strict').errors).toEqual([
      'unknown field "spec.zeta"',
      'unknown field "spec.alpha"',
    ]);
    expect(decodeStrict(d, 'apps/v1', 'Deployment', 'Strict', { sortKeys: true }).errors).toEqual([
      'unknown field "spec.alpha"',
      'unknown field "spec.zeta"',
    ]);
  });

  it('keeps at most 100 strict errors', () => {
    const d = edit(kubiaDeployment(), (x: Any) => {
      for (let i = 0; i < 150; i++) x.spec[`f${i}`] = i;
    });
    expect(decodeStrict(d, 'apps/v1', 'Deployment', 'Warn').warnings).toHaveLength(100);
  });

  it('checkDecoding throws the StatusError and returns warnings in Warn mode', () => {
    expect(() => checkDecoding(typo, 'apps/v1', 'Deployment', 'Strict')).toThrow(
      'strict decoding error: unknown field "spec.strategy.rollingUpdate.maxUnavaliable"',
    );
    const ok = checkDecoding(typo, 'apps/v1', 'Deployment', 'Warn');
    expect(ok.warnings).toHaveLength(1);
    expect(ok.object.kind).toBe('Deployment');
  });
});

describe('type mismatches (encoding/json wording, fatal in every mode)', () => {
  it.each([
    [
      (d: Any) => (d.spec.replicas = '3'),
      'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    ],
    [
      (d: Any) => (d.spec.replicas = 1.5),
      'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32',
    ],
    [
      (d: Any) => (d.spec.replicas = 3000000000),
      'json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32',
    ],
    [
      (d: Any) => (d.spec.replicas = true),
      'json: cannot unmarshal bool into Go struct field DeploymentSpec.spec.replicas of type int32',
    ],
    [
      (d: Any) => (d.spec.paused = 'true'),
      'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool',
    ],
    [
      (d: Any) => (d.spec = 'x'),
      'json: cannot unmarshal string into Go struct field Deployment.spec of type v1.DeploymentSpec',
    ],
    [
      (d: Any) => (d.spec.selector = []),
      'json: cannot unmarshal array into Go struct field DeploymentSpec.spec.selector of type v1.LabelSelector',
    ],
    [
      (d: Any) => (d.spec.template.spec.containers[0].image = 5),
      'json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.image of type string',
    ],
    [
      (d: Any) => (d.spec.template.spec.containers = { name: 'x' }),
      'json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container',
    ],
    [
      (d: Any) => (d.spec.template.spec.containers[0].command = 'sleep 1'),
      'json: cannot unmarshal string into Go struct field Container.spec.template.spec.containers.command of type []string',
    ],
    [
      (d: Any) => (d.spec.template.spec.containers[0].ports = [{ containerPort: 80, protocol: 6 }]),
      'json: cannot unmarshal number into Go struct field ContainerPort.spec.template.spec.containers.ports.protocol of type v1.Protocol',
    ],
    [
      (d: Any) => (d.spec.template.metadata.labels = { app: 1 }),
      'json: cannot unmarshal number into Go struct field ObjectMeta.spec.template.metadata.labels of type string',
    ],
    [
      (d: Any) => (d.metadata.uid = 1),
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.uid of type types.UID',
    ],
    [(d: Any) => (d.kind = 5), 'kind'],
  ])('%#', (change, expected) => {
    const d = edit(kubiaDeployment(), change);
    for (const mode of ['Strict', 'Warn', 'Ignore'] as FieldValidation[]) {
      const r = decodeStrict(d, 'apps/v1', 'Deployment', mode);
      if (expected === 'kind') {
        expect(r.message).toBe(
          'the object provided is unrecognized (must be of type Deployment): couldn\'t get version/kind; json parse error: json: cannot unmarshal number into Go struct field .kind of type string ({"apiVersion":"apps/v1","kind" ...)',
        );
        continue;
      }
      expect(r.errors).toEqual([expected]);
      expect(r.message).toBe(CANNOT_DEPLOY + expected);
    }
  });

  it.each([
    [(d: Any) => (d.spec.strategy.rollingUpdate.maxSurge = '25%'), undefined],
    [(d: Any) => (d.spec.strategy.rollingUpdate.maxSurge = 'abc'), undefined],
    [
      (d: Any) => (d.spec.strategy.rollingUpdate.maxSurge = 1.5),
      'json: cannot unmarshal number 1.5 into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32',
    ],
    [
      (d: Any) => (d.spec.strategy.rollingUpdate.maxSurge = true),
      'json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32',
    ],
    [
      (d: Any) => (d.spec.strategy.rollingUpdate.maxSurge = { a: 1 }),
      'json: cannot unmarshal object into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32',
    ],
    [
      (d: Any) => (d.spec.template.spec.containers[0].readinessProbe.httpGet.port = [8080]),
      'json: cannot unmarshal array into Go struct field HTTPGetAction.spec.template.spec.containers.readinessProbe.httpGet.port of type int32',
    ],
    [(d: Any) => (d.spec.strategy.rollingUpdate.maxSurge = null), undefined],
  ])('int-or-string %#', (change, expected) => {
    const r = decodeStrict(edit(kubiaDeployment(), change), 'apps/v1', 'Deployment', 'Strict');
    expect(r.errors).toEqual(expected ? [expected] : []);
  });

  it('the first plain mismatch wins; later unknown fields are not reported', () => {
    const d = edit(kubiaDeployment(), (x: Any) => {
      x.spec.replicas = '3';
      x.spec.paused = 'yes';
      x.spec.foo = 1;
    });
    expect(decodeStrict(d, 'apps/v1', 'Deployment', 'Strict').errors).toEqual([
      'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    ]);
  });

  it('an error of a custom unmarshaler (IntOrString, Quantity, Time) wins over an earlier mismatch', () => {
    const d = edit(kubiaDeployment(), (x: Any) => {
      x.spec.replicas = '3';
      x.spec.strategy.rollingUpdate.maxSurge = 1.5;
    });
    expect(decodeStrict(d, 'apps/v1', 'Deployment', 'Strict').errors).toEqual([
      'json: cannot unmarshal number 1.5 into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32',
    ]);
  });
});

describe('quantities, timestamps and bytes', () => {
  const QUANTITY =
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  const withLimits = (limits: unknown) =>
    edit(podWithEverything(), (p: Any) => (p.spec.containers[0].resources = { limits }));

  it.each([
    [{ cpu: '1x' }, QUANTITY],
    [{ cpu: '' }, QUANTITY],
    [{ cpu: true }, QUANTITY],
    [{ cpu: { a: 1 } }, QUANTITY],
    [{ memory: '1K' }, "unable to parse quantity's suffix"],
    [{ memory: '1e' }, "unable to parse quantity's suffix"],
    [{ cpu: '500m', memory: '1Gi' }, undefined],
    [{ cpu: 0.5 }, undefined],
    [{ cpu: ' 2 ' }, undefined],
    [{ cpu: '1e3' }, undefined],
    [{ cpu: null }, undefined],
  ])('limits %j', (limits, expected) => {
    const r = decodeStrict(withLimits(limits), 'v1', 'Pod', 'Strict');
    expect(r.message).toBe(expected === undefined ? undefined : CANNOT_POD + expected);
  });

  it.each([
    ['2024-05-01T10:00:00Z', undefined],
    ['2024-05-01T10:00:00.5+01:00', undefined],
    [
      'yesterday',
      'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"',
    ],
    ['2024-13-01T10:00:00Z', 'parsing time "2024-13-01T10:00:00Z": month out of range'],
    ['2024-05-01', 'parsing time "2024-05-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"'],
    [
      5,
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string',
    ],
  ])('creationTimestamp %j', (ts, expected) => {
    const pod = edit(podWithEverything(), (p: Any) => (p.metadata.creationTimestamp = ts));
    expect(decodeStrict(pod, 'v1', 'Pod', 'Strict').message).toBe(
      expected === undefined ? undefined : CANNOT_POD + expected,
    );
  });

  it.each([
    ['aGVsbG8=', undefined],
    ['ab=c', 'illegal base64 data at input byte 2'],
    ['abc', 'illegal base64 data at input byte 0'],
    [5, 'json: cannot unmarshal number into Go struct field ConfigMap.binaryData of type []uint8'],
  ])('binaryData %j', (value, expected) => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, binaryData: { a: value } };
    expect(decodeStrict(cm, 'v1', 'ConfigMap', 'Strict').message).toBe(
      expected === undefined
        ? undefined
        : `ConfigMap in version "v1" cannot be handled as a ConfigMap: ${expected}`,
    );
  });
});

describe('null means absent', () => {
  it('drops null fields and keeps zero values for null list elements and map values', () => {
    const d = edit(kubiaDeployment(), (x: Any) => {
      x.spec.replicas = null;
      x.spec.strategy = null;
      x.metadata.annotations = { a: null };
      x.spec.template.spec.containers[0].args = ['a', null];
      x.status = null;
    });
    const r = decodeStrict(d, 'apps/v1', 'Deployment', 'Strict');
    expect(r.errors).toEqual([]);
    const spec = (r.object as Any).spec;
    expect('replicas' in spec).toBe(false);
    expect('strategy' in spec).toBe(false);
    expect('status' in r.object).toBe(false);
    expect((r.object as Any).metadata.annotations).toEqual({ a: '' });
    expect(spec.template.spec.containers[0].args).toEqual(['a', '']);
  });
});

describe('odd keys', () => {
  it('keeps a __proto__ label as a plain key', () => {
    const body = JSON.parse(
      '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","labels":{"__proto__":"y"}}}',
    );
    const r = decodeStrict(body, 'v1', 'ConfigMap', 'Strict');
    expect(Object.keys((r.object as Any).metadata.labels)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf((r.object as Any).metadata.labels)).toBe(Object.prototype);
  });

  it('a __proto__ field is unknown', () => {
    const body = JSON.parse(
      '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"__proto__":{"a":1}}',
    );
    expect(decodeStrict(body, 'v1', 'ConfigMap', 'Strict').errors).toEqual(['unknown field "__proto__"']);
  });
});

describe('apiVersion and kind of the body', () => {
  it('a kind the scheme does not have', () => {
    const pod = edit(podWithEverything(), (p: Any) => (p.kind = 'pod'));
    expect(decodeStrict(pod, 'v1', 'Pod', 'Strict').message).toBe(
      'pod in version "v1" cannot be handled as a Pod: no kind "pod" is registered for version "v1" in scheme "pkg/api/legacyscheme/scheme.go:30"',
    );
  });

  it('missing apiVersion and kind are taken from the request', () => {
    const d = edit(kubiaDeployment(), (x: Any) => {
      delete x.apiVersion;
      delete x.kind;
      x.spec.foo = 1;
    });
    expect(decodeStrict(d, 'apps/v1', 'Deployment', 'Strict').message).toBe(
      `${CANNOT_DEPLOY}strict decoding error: unknown field "spec.foo"`,
    );
  });

  it('a malformed group version', () => {
    const d = edit(kubiaDeployment(), (x: Any) => (x.apiVersion = 'apps/v1/x'));
    expect(decodeStrict(d, 'apps/v1', 'Deployment', 'Strict').message).toBe(
      'the object provided is unrecognized (must be of type Deployment): unexpected GroupVersion string: apps/v1/x ({"apiVersion":"apps/v1/x","kin ...)',
    );
  });

  it('a body that is not an object', () => {
    expect(decodeStrict([1], 'v1', 'Pod', 'Strict').message).toBe(
      'the object provided is unrecognized (must be of type Pod): couldn\'t get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" } (5b315d)',
    );
  });
});
