import { describe, expect, it } from 'vitest';
import {
  allKinds,
  allTypes,
  elementType,
  fieldSchema,
  goTypeName,
  kindSchema,
  typeOfKind,
  typeSchema,
  type FieldSchema,
} from '../../../../sandbox/api/schema';
import { RESOURCES, apiVersionOf } from '../../../../sandbox/api/resources';

const core = (n: string) => `io.k8s.api.core.v1.${n}`;
const apps = (n: string) => `io.k8s.api.apps.v1.${n}`;
const meta = (n: string) => `io.k8s.apimachinery.pkg.apis.meta.v1.${n}`;

function refsOf(field: FieldSchema): string[] {
  switch (field.type) {
    case 'ref':
      return [field.ref];
    case 'array':
      return refsOf(field.items);
    case 'map':
      return refsOf(field.values);
    default:
      return [];
  }
}

describe('schema registry', () => {
  it('resolves every reference and every type is reachable from a kind', () => {
    const reachable = new Set<string>();
    const visit = (name: string) => {
      if (reachable.has(name)) return;
      reachable.add(name);
      const t = typeSchema(name);
      expect(t, name).toBeDefined();
      for (const f of Object.values(t!.fields)) refsOf(f).forEach(visit);
    };
    for (const k of allKinds()) visit(k.type);
    [
      'ObjectMeta',
      'OwnerReference',
      'LabelSelector',
      'LabelSelectorRequirement',
      'ManagedFieldsEntry',
      'ListMeta',
      'DeleteOptions',
    ].forEach((n) => visit(meta(n)));
    expect([...reachable].sort()).toEqual(
      allTypes()
        .map((t) => t.name)
        .sort(),
    );
  });

  it('serves one kind per registered resource, with apiVersion, kind and metadata', () => {
    expect(
      allKinds()
        .map((k) => `${k.apiVersion}/${k.kind}`)
        .sort(),
    ).toEqual([...RESOURCES.map((r) => `${apiVersionOf(r)}/${r.kind}`), 'autoscaling/v1/Scale'].sort());
    for (const k of allKinds()) {
      const t = typeOfKind(k.apiVersion, k.kind)!;
      expect(Object.keys(t.fields).slice(0, 3)).toEqual(['kind', 'apiVersion', 'metadata']);
      expect(t.fields.metadata).toMatchObject({ type: 'ref', ref: meta('ObjectMeta') });
    }
  });

  it.each([
    ['apps/v1', 'Deployment', apps('Deployment')],
    ['apps/v1', 'ReplicaSet', apps('ReplicaSet')],
    ['v1', 'ReplicationController', core('ReplicationController')],
    ['discovery.k8s.io/v1', 'EndpointSlice', 'io.k8s.api.discovery.v1.EndpointSlice'],
    ['autoscaling/v1', 'Scale', 'io.k8s.api.autoscaling.v1.Scale'],
    ['meta.k8s.io/v1', 'DeleteOptions', meta('DeleteOptions')],
    ['apps/v1', 'DeleteOptions', meta('DeleteOptions')],
  ])('kindSchema(%s, %s) → %s', (apiVersion, kind, type) => {
    expect(kindSchema(apiVersion, kind)).toEqual({ apiVersion, kind, type });
  });

  it.each([
    ['v1', 'Deployment'],
    ['apps/v1beta1', 'Deployment'],
    ['apps/v1', 'deployment'],
    ['v1', 'PodList'],
  ])('kindSchema(%s, %s) is undefined', (apiVersion, kind) => {
    expect(kindSchema(apiVersion, kind)).toBeUndefined();
  });

  it('fieldSchema and elementType walk into lists and refs', () => {
    expect(fieldSchema(core('PodSpec'), 'nope')).toBeUndefined();
    expect(fieldSchema(core('PodSpec'), 'constructor')).toBeUndefined();
    expect(fieldSchema('nope', 'containers')).toBeUndefined();
    expect(elementType(fieldSchema(core('PodSpec'), 'containers'))?.name).toBe(core('Container'));
    expect(elementType(fieldSchema(apps('DeploymentSpec'), 'template'))?.name).toBe(core('PodTemplateSpec'));
    expect(elementType(fieldSchema(core('Container'), 'image'))).toBeUndefined();
  });
});

describe('patch and list metadata (upstream struct tags and +listType markers, v1.32)', () => {
  it.each([
    [core('PodSpec'), 'containers', 'merge', 'name', 'map', ['name']],
    [core('PodSpec'), 'initContainers', 'merge', 'name', 'map', ['name']],
    [core('PodSpec'), 'volumes', 'merge,retainKeys', 'name', 'map', ['name']],
    [core('PodSpec'), 'imagePullSecrets', 'merge', 'name', 'map', ['name']],
    [core('PodSpec'), 'tolerations', undefined, undefined, 'atomic', undefined],
    [core('PodSpec'), 'hostAliases', 'merge', 'ip', 'map', ['ip']],
    [
      core('PodSpec'),
      'topologySpreadConstraints',
      'merge',
      'topologyKey',
      'map',
      ['topologyKey', 'whenUnsatisfiable'],
    ],
    [core('PodSpec'), 'readinessGates', undefined, undefined, 'atomic', undefined],
    [core('Container'), 'ports', 'merge', 'containerPort', 'map', ['containerPort', 'protocol']],
    [core('Container'), 'env', 'merge', 'name', 'map', ['name']],
    [core('Container'), 'envFrom', undefined, undefined, 'atomic', undefined],
    [core('Container'), 'volumeMounts', 'merge', 'mountPath', 'map', ['mountPath']],
    [core('Container'), 'volumeDevices', 'merge', 'devicePath', 'map', ['devicePath']],
    [core('Container'), 'command', undefined, undefined, 'atomic', undefined],
    [core('Container'), 'args', undefined, undefined, 'atomic', undefined],
    [core('ServiceSpec'), 'ports', 'merge', 'port', 'map', ['port', 'protocol']],
    [core('ServiceSpec'), 'clusterIPs', undefined, undefined, 'atomic', undefined],
    [core('PodStatus'), 'conditions', 'merge', 'type', 'map', ['type']],
    [core('PodStatus'), 'podIPs', 'merge', 'ip', 'map', ['ip']],
    [core('PodStatus'), 'containerStatuses', undefined, undefined, 'atomic', undefined],
    [core('NodeStatus'), 'conditions', 'merge', 'type', 'map', ['type']],
    [core('NodeStatus'), 'addresses', 'merge', 'type', 'map', ['type']],
    [core('NodeSpec'), 'taints', undefined, undefined, 'atomic', undefined],
    [core('Endpoints'), 'subsets', undefined, undefined, 'atomic', undefined],
    [apps('DeploymentStatus'), 'conditions', 'merge', 'type', 'map', ['type']],
    [apps('ReplicaSetStatus'), 'conditions', 'merge', 'type', 'map', ['type']],
    [core('ReplicationControllerStatus'), 'conditions', 'merge', 'type', 'map', ['type']],
    [meta('ObjectMeta'), 'ownerReferences', 'merge', 'uid', 'map', ['uid']],
    [meta('ObjectMeta'), 'finalizers', 'merge', undefined, 'set', undefined],
    [meta('ObjectMeta'), 'managedFields', undefined, undefined, 'atomic', undefined],
    [meta('LabelSelector'), 'matchExpressions', undefined, undefined, 'atomic', undefined],
    ['io.k8s.api.discovery.v1.EndpointSlice', 'endpoints', undefined, undefined, 'atomic', undefined],
  ])(
    '%s.%s: strategy %s, key %s, list %s %j',
    (type, field, patchStrategy, patchMergeKey, listType, listMapKeys) => {
      const f = fieldSchema(type, field);
      expect(f?.type).toBe('array');
      if (f?.type !== 'array') return;
      expect(f.patchStrategy).toBe(patchStrategy);
      expect(f.patchMergeKey).toBe(patchMergeKey);
      expect(f.listType).toBe(listType);
      expect(f.listMapKeys).toEqual(listMapKeys);
    },
  );

  it('DeploymentSpec.strategy is patched with retainKeys; selectors are atomic', () => {
    expect(fieldSchema(apps('DeploymentSpec'), 'strategy')).toMatchObject({
      type: 'ref',
      ref: apps('DeploymentStrategy'),
      patchStrategy: 'retainKeys',
    });
    expect(typeSchema(meta('LabelSelector'))?.structType).toBe('atomic');
    expect(fieldSchema(core('ServiceSpec'), 'selector')).toMatchObject({ type: 'map', mapType: 'atomic' });
    expect(fieldSchema(core('ReplicationControllerSpec'), 'selector')).toMatchObject({
      type: 'map',
      mapType: 'atomic',
    });
  });

  it('every list carries a list type', () => {
    for (const t of allTypes()) {
      for (const [name, f] of Object.entries(t.fields)) {
        if (f.type === 'array') expect(f.listType, `${t.name}.${name}`).toBeDefined();
      }
    }
  });
});

describe('field types', () => {
  it.each([
    [apps('DeploymentSpec'), 'replicas', { type: 'integer', format: 'int32' }],
    [apps('DeploymentSpec'), 'paused', { type: 'boolean' }],
    [apps('RollingUpdateDeployment'), 'maxSurge', { type: 'int-or-string' }],
    [core('HTTPGetAction'), 'port', { type: 'int-or-string' }],
    [core('ServicePort'), 'targetPort', { type: 'int-or-string' }],
    [core('PodSpec'), 'terminationGracePeriodSeconds', { type: 'integer', format: 'int64' }],
    [meta('ObjectMeta'), 'creationTimestamp', { type: 'string', format: 'date-time', goType: 'v1.Time' }],
    [core('Event'), 'eventTime', { type: 'string', format: 'date-time', goType: 'v1.MicroTime' }],
    [core('ConfigMap'), 'binaryData', { type: 'map', values: { type: 'string', format: 'byte' } }],
    [
      core('ResourceRequirements'),
      'limits',
      { type: 'map', values: { type: 'quantity' }, goType: 'v1.ResourceList' },
    ],
    [meta('ManagedFieldsEntry'), 'fieldsV1', { type: 'any' }],
  ])('%s.%s', (type, field, expected) => {
    expect(fieldSchema(type, field)).toMatchObject(expected);
  });

  it.each([
    [core('ServiceSpec'), 'type', ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']],
    [core('PodSpec'), 'restartPolicy', ['Always', 'Never', 'OnFailure']],
    [core('Container'), 'imagePullPolicy', ['Always', 'IfNotPresent', 'Never']],
    [apps('DeploymentStrategy'), 'type', ['Recreate', 'RollingUpdate']],
    [core('ContainerPort'), 'protocol', ['SCTP', 'TCP', 'UDP']],
  ])('%s.%s enum', (type, field, values) => {
    const f = fieldSchema(type, field);
    expect(f?.type === 'string' ? f.enum : undefined).toEqual(values);
  });

  it.each([
    [apps('DeploymentSpec'), 'replicas', 'int32'],
    [apps('DeploymentSpec'), 'template', 'v1.PodTemplateSpec'],
    [core('PodSpec'), 'containers', '[]v1.Container'],
    [core('ContainerPort'), 'protocol', 'v1.Protocol'],
    [meta('ObjectMeta'), 'labels', 'map[string]string'],
    [meta('ObjectMeta'), 'uid', 'types.UID'],
    [core('ResourceRequirements'), 'limits', 'v1.ResourceList'],
    [core('ConfigMap'), 'binaryData', 'map[string][]uint8'],
    [core('Capabilities'), 'add', '[]v1.Capability'],
    [core('PodSpec'), 'hostNetwork', 'bool'],
  ])('%s.%s is Go type %s', (type, field, goType) => {
    expect(goTypeName(fieldSchema(type, field)!)).toBe(goType);
  });
});

describe('required fields (OpenAPI required lists)', () => {
  it.each([
    [core('Container'), ['name']],
    [core('ContainerPort'), ['containerPort']],
    [core('PodSpec'), ['containers']],
    [core('ServicePort'), ['port']],
    [core('EnvVar'), ['name']],
    [core('Volume'), ['name']],
    [core('VolumeMount'), ['name', 'mountPath']],
    [core('HTTPGetAction'), ['port']],
    [apps('DeploymentSpec'), ['selector', 'template']],
    [apps('ReplicaSetSpec'), ['selector']],
    [meta('OwnerReference'), ['apiVersion', 'kind', 'name', 'uid']],
    [meta('LabelSelectorRequirement'), ['key', 'operator']],
    [meta('ObjectMeta'), undefined],
    [core('ReplicationControllerSpec'), undefined],
  ])('%s requires %j', (type, required) => {
    expect(typeSchema(type)?.required).toEqual(required);
  });
});

describe('descriptions for kubectl explain', () => {
  it.each([
    [apps('DeploymentSpec'), 'minReadySeconds'],
    [apps('DeploymentSpec'), 'progressDeadlineSeconds'],
    [apps('DeploymentSpec'), 'revisionHistoryLimit'],
    [apps('DeploymentSpec'), 'paused'],
    [apps('DeploymentSpec'), 'strategy'],
    [apps('RollingUpdateDeployment'), 'maxSurge'],
    [apps('RollingUpdateDeployment'), 'maxUnavailable'],
    [core('Container'), 'readinessProbe'],
    [core('Container'), 'image'],
    [core('Probe'), 'httpGet'],
    [core('Probe'), 'periodSeconds'],
    [core('HTTPGetAction'), 'path'],
    [core('ServiceSpec'), 'type'],
    [core('ServiceSpec'), 'selector'],
    [core('ServicePort'), 'targetPort'],
  ])('%s.%s has a one-sentence description', (type, field) => {
    const d = fieldSchema(type, field)?.description ?? '';
    expect(d.length).toBeGreaterThan(10);
    expect(d.length).toBeLessThan(200);
  });
});
