/**
 * Hand-built type schemas for the patch tests: the parts of Deployment/Pod that carry patch
 * metadata in the real API (containers by name, ports by containerPort, env by name, volumes
 * `merge,retainKeys` by name, finalizers a merge set, strategy `retainKeys`).
 */
import type { FieldSchema, TypeSchema } from '../../../../sandbox/api/schema/types';

const str: FieldSchema = { type: 'string' };
const int: FieldSchema = { type: 'integer' };
const ref = (name: string, patchStrategy?: 'retainKeys' | 'replace'): FieldSchema =>
  patchStrategy ? { type: 'ref', ref: name, patchStrategy } : { type: 'ref', ref: name };
const mergeList = (
  item: string,
  key: string,
  strategy: 'merge' | 'merge,retainKeys' = 'merge',
): FieldSchema => ({
  type: 'array',
  items: ref(item),
  patchStrategy: strategy,
  patchMergeKey: key,
});
const atomic = (items: FieldSchema): FieldSchema => ({ type: 'array', items });

const types: TypeSchema[] = [
  {
    name: 'Deployment',
    fields: {
      apiVersion: str,
      kind: str,
      metadata: ref('ObjectMeta'),
      spec: ref('DeploymentSpec'),
      status: { type: 'any' },
    },
  },
  { name: 'Pod', fields: { apiVersion: str, kind: str, metadata: ref('ObjectMeta'), spec: ref('PodSpec') } },
  {
    name: 'ObjectMeta',
    fields: {
      name: str,
      labels: { type: 'map', values: str },
      annotations: { type: 'map', values: str },
      finalizers: { type: 'array', items: str, patchStrategy: 'merge' },
      ownerReferences: mergeList('OwnerReference', 'uid'),
    },
  },
  { name: 'OwnerReference', fields: { uid: str, name: str, kind: str } },
  {
    name: 'DeploymentSpec',
    fields: {
      replicas: int,
      minReadySeconds: int,
      paused: { type: 'boolean' },
      selector: ref('LabelSelector'),
      template: ref('PodTemplateSpec'),
      strategy: ref('DeploymentStrategy', 'retainKeys'),
    },
  },
  { name: 'LabelSelector', fields: { matchLabels: { type: 'map', values: str } } },
  { name: 'DeploymentStrategy', fields: { type: str, rollingUpdate: ref('RollingUpdateDeployment') } },
  {
    name: 'RollingUpdateDeployment',
    fields: { maxSurge: { type: 'int-or-string' }, maxUnavailable: { type: 'int-or-string' } },
  },
  { name: 'PodTemplateSpec', fields: { metadata: ref('ObjectMeta'), spec: ref('PodSpec') } },
  {
    name: 'PodSpec',
    fields: {
      containers: mergeList('Container', 'name'),
      initContainers: mergeList('Container', 'name'),
      volumes: mergeList('Volume', 'name', 'merge,retainKeys'),
      tolerations: atomic(ref('Toleration')),
      nodeSelector: { type: 'map', values: str },
      restartPolicy: str,
    },
  },
  { name: 'Toleration', fields: { key: str, operator: str, effect: str } },
  {
    name: 'Container',
    fields: {
      name: str,
      image: str,
      args: atomic(str),
      ports: mergeList('ContainerPort', 'containerPort'),
      env: mergeList('EnvVar', 'name'),
      volumeMounts: mergeList('VolumeMount', 'mountPath'),
      resources: ref('ResourceRequirements'),
    },
  },
  { name: 'ContainerPort', fields: { containerPort: int, name: str, protocol: str } },
  { name: 'EnvVar', fields: { name: str, value: str, valueFrom: { type: 'any' } } },
  { name: 'VolumeMount', fields: { name: str, mountPath: str } },
  {
    name: 'ResourceRequirements',
    fields: {
      limits: { type: 'map', values: { type: 'quantity' } },
      requests: { type: 'map', values: { type: 'quantity' } },
    },
  },
  {
    name: 'Volume',
    fields: {
      name: str,
      configMap: ref('ConfigMapVolumeSource'),
      emptyDir: ref('EmptyDirVolumeSource'),
      secret: ref('SecretVolumeSource'),
    },
  },
  { name: 'ConfigMapVolumeSource', fields: { name: str } },
  { name: 'EmptyDirVolumeSource', fields: { medium: str } },
  { name: 'SecretVolumeSource', fields: { secretName: str } },
];

export const SCHEMAS: Record<string, TypeSchema> = Object.fromEntries(types.map((t) => [t.name, t]));

export const resolve = (name: string): TypeSchema | undefined => SCHEMAS[name];
