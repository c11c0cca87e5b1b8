/** Field schemas: core/v1 Namespace, ConfigMap, Event, ResourceQuota, ReplicationController, references. */
import {
  bool,
  bytes,
  core,
  enumOf,
  int32,
  int64,
  listOf,
  mapOf,
  meta,
  microTime,
  named,
  quantity,
  ref,
  str,
  struct,
  time,
} from './build';
import { NAMESPACE_PHASE, RESOURCE_QUOTA_SCOPE, SCOPE_SELECTOR_OPERATOR } from './enums';
import type { TypeSchema } from './types';

export const CORE_MISC_TYPES: TypeSchema[] = [
  struct(
    core('Namespace'),
    {
      kind: str('The type of this object, in CamelCase.'),
      apiVersion: str('The versioned schema of this object, e.g. apps/v1.'),
      metadata: ref(meta('ObjectMeta'), "Standard object's metadata."),
      spec: ref(core('NamespaceSpec'), 'The desired state, set by the user.'),
      status: ref(core('NamespaceStatus'), 'The observed state, written by the system. Read-only for users.'),
    },
    { description: 'A scope for names; most objects live in a namespace.' },
  ),
  struct(core('NamespaceSpec'), {
    finalizers: listOf(named('v1.FinalizerName'), { listType: 'atomic' }),
  }),
  struct(core('NamespaceStatus'), {
    phase: enumOf('v1.NamespacePhase', NAMESPACE_PHASE, 'Active or Terminating.'),
    conditions: listOf(ref(core('NamespaceCondition')), {
      patchStrategy: 'merge',
      patchMergeKey: 'type',
      listType: 'map',
      listMapKeys: ['type'],
    }),
  }),
  struct(
    core('NamespaceCondition'),
    {
      type: named('v1.NamespaceConditionType'),
      status: named('v1.ConditionStatus'),
      lastTransitionTime: time(),
      reason: str(),
      message: str(),
    },
    { required: ['type', 'status'] },
  ),
  struct(
    core('ConfigMap'),
    {
      kind: str('The type of this object, in CamelCase.'),
      apiVersion: str('The versioned schema of this object, e.g. apps/v1.'),
      metadata: ref(meta('ObjectMeta'), "Standard object's metadata."),
      immutable: bool('When true, the data can no longer be changed.'),
      data: mapOf(str(), {}, 'Configuration data as UTF-8 strings.'),
      binaryData: mapOf(bytes(), {}, 'Binary configuration data, base64-encoded.'),
    },
    { description: 'Non-secret configuration data as key-value pairs.' },
  ),
  struct(
    core('Event'),
    {
      kind: str('The type of this object, in CamelCase.'),
      apiVersion: str('The versioned schema of this object, e.g. apps/v1.'),
      metadata: ref(meta('ObjectMeta'), "Standard object's metadata."),
      involvedObject: ref(core('ObjectReference'), 'The object this event is about.'),
      reason: str('A short machine-readable reason, e.g. ScalingReplicaSet.'),
      message: str('A human-readable description.'),
      source: ref(core('EventSource'), 'The component that reported the event.'),
      firstTimestamp: time('When the event was first recorded.'),
      lastTimestamp: time('When the event was most recently recorded.'),
      count: int32('How many times this event has occurred.'),
      type: str('Normal or Warning.'),
      eventTime: microTime(),
      series: ref(core('EventSeries')),
      action: str(),
      related: ref(core('ObjectReference')),
      reportingComponent: str(),
      reportingInstance: str(),
    },
    {
      description: 'A report of something that happened to an object.',
      required: ['metadata', 'involvedObject'],
    },
  ),
  struct(core('EventSource'), {
    component: str(),
    host: str(),
  }),
  struct(core('EventSeries'), {
    count: int32(),
    lastObservedTime: microTime(),
  }),
  struct(
    core('ResourceQuota'),
    {
      kind: str('The type of this object, in CamelCase.'),
      apiVersion: str('The versioned schema of this object, e.g. apps/v1.'),
      metadata: ref(meta('ObjectMeta'), "Standard object's metadata."),
      spec: ref(core('ResourceQuotaSpec'), 'The desired state, set by the user.'),
      status: ref(
        core('ResourceQuotaStatus'),
        'The observed state, written by the system. Read-only for users.',
      ),
    },
    { description: 'Limits the total resources a namespace may consume.' },
  ),
  struct(core('ResourceQuotaSpec'), {
    hard: mapOf(
      quantity(),
      { goType: 'v1.ResourceList' },
      'The limit for each named resource, e.g. pods: "10".',
    ),
    scopes: listOf(enumOf('v1.ResourceQuotaScope', RESOURCE_QUOTA_SCOPE), { listType: 'atomic' }),
    scopeSelector: ref(core('ScopeSelector')),
  }),
  struct(core('ResourceQuotaStatus'), {
    hard: mapOf(quantity(), { goType: 'v1.ResourceList' }, 'The enforced limits.'),
    used: mapOf(quantity(), { goType: 'v1.ResourceList' }, 'What the namespace currently uses.'),
  }),
  struct(
    core('ScopeSelector'),
    {
      matchExpressions: listOf(ref(core('ScopedResourceSelectorRequirement')), { listType: 'atomic' }),
    },
    { structType: 'atomic' },
  ),
  struct(
    core('ScopedResourceSelectorRequirement'),
    {
      scopeName: enumOf('v1.ResourceQuotaScope', RESOURCE_QUOTA_SCOPE),
      operator: enumOf('v1.ScopeSelectorOperator', SCOPE_SELECTOR_OPERATOR),
      values: listOf(str(), { listType: 'atomic' }),
    },
    { required: ['scopeName', 'operator'] },
  ),
  struct(
    core('ReplicationController'),
    {
      kind: str('The type of this object, in CamelCase.'),
      apiVersion: str('The versioned schema of this object, e.g. apps/v1.'),
      metadata: ref(meta('ObjectMeta'), "Standard object's metadata."),
      spec: ref(core('ReplicationControllerSpec'), 'The desired state, set by the user.'),
      status: ref(
        core('ReplicationControllerStatus'),
        'The observed state, written by the system. Read-only for users.',
      ),
    },
    { description: 'The legacy predecessor of ReplicaSet: keeps a number of pod replicas running.' },
  ),
  struct(
    core('ReplicationControllerSpec'),
    {
      replicas: int32('Number of desired pods. Defaults to 1.'),
      minReadySeconds: int32('Seconds a new pod must be ready before it counts as available.'),
      selector: mapOf(
        str(),
        { mapType: 'atomic' },
        "Label equality query over the pods it owns; defaults to the template's labels.",
      ),
      template: ref(core('PodTemplateSpec'), 'The pod template used to create missing pods.'),
    },
    { description: 'The desired state of a ReplicationController.' },
  ),
  struct(
    core('ReplicationControllerStatus'),
    {
      replicas: int32('The most recently observed number of pods.'),
      fullyLabeledReplicas: int32(),
      readyReplicas: int32('Pods with a Ready condition.'),
      availableReplicas: int32('Pods ready for at least minReadySeconds.'),
      observedGeneration: int64(),
      conditions: listOf(ref(core('ReplicationControllerCondition')), {
        patchStrategy: 'merge',
        patchMergeKey: 'type',
        listType: 'map',
        listMapKeys: ['type'],
      }),
    },
    { description: 'The most recently observed state of a ReplicationController.', required: ['replicas'] },
  ),
  struct(
    core('ReplicationControllerCondition'),
    {
      type: named('v1.ReplicationControllerConditionType'),
      status: named('v1.ConditionStatus'),
      lastTransitionTime: time(),
      reason: str(),
      message: str(),
    },
    { required: ['type', 'status'] },
  ),
  struct(
    core('ObjectReference'),
    {
      kind: str('Kind of the referent.'),
      namespace: str('Namespace of the referent.'),
      name: str('Name of the referent.'),
      uid: named('types.UID', 'UID of the referent.'),
      apiVersion: str('API version of the referent.'),
      resourceVersion: str(),
      fieldPath: str('A field within the referent, e.g. spec.containers{nodejs}.'),
    },
    { description: 'A reference to another object.', structType: 'atomic' },
  ),
  struct(
    core('LocalObjectReference'),
    {
      name: str(),
    },
    { structType: 'atomic' },
  ),
];
