/** Field schemas: meta/v1 types shared by every object: ObjectMeta, owner references, label selectors, DeleteOptions. */
import { anyJson, bool, int64, listOf, mapOf, meta, named, ref, str, struct, time } from './build';
import type { TypeSchema } from './types';

export const META_TYPES: TypeSchema[] = [
  struct(
    meta('Condition'),
    {
      type: str(),
      status: named('v1.ConditionStatus'),
      observedGeneration: int64(),
      lastTransitionTime: time(),
      reason: str(),
      message: str(),
    },
    { required: ['type', 'status', 'lastTransitionTime', 'reason', 'message'] },
  ),
  struct(
    meta('DeleteOptions'),
    {
      kind: str('The type of this object, in CamelCase.'),
      apiVersion: str('The versioned schema of this object, e.g. apps/v1.'),
      gracePeriodSeconds: int64('Seconds before the object is deleted; 0 deletes at once.'),
      preconditions: ref(meta('Preconditions')),
      orphanDependents: bool(),
      propagationPolicy: named(
        'v1.DeletionPropagation',
        'Orphan, Background or Foreground: what happens to dependents.',
      ),
      dryRun: listOf(str(), { listType: 'atomic' }),
      ignoreStoreReadErrorWithClusterBreakingPotential: bool(),
    },
    { description: 'Options for a delete request.' },
  ),
  struct(
    meta('LabelSelector'),
    {
      matchLabels: mapOf(str(), {}, 'Labels that must all be present with these values.'),
      matchExpressions: listOf(
        ref(meta('LabelSelectorRequirement')),
        { listType: 'atomic' },
        'Set-based requirements, all of which must match.',
      ),
    },
    {
      description: 'A label query; the requirements of matchLabels and matchExpressions are ANDed.',
      structType: 'atomic',
    },
  ),
  struct(
    meta('LabelSelectorRequirement'),
    {
      key: str('The label key.'),
      operator: named('v1.LabelSelectorOperator', 'In, NotIn, Exists or DoesNotExist.'),
      values: listOf(
        str(),
        { listType: 'atomic' },
        'Values for In and NotIn; must be empty for Exists and DoesNotExist.',
      ),
    },
    { description: 'One label requirement: a key, an operator and values.', required: ['key', 'operator'] },
  ),
  struct(meta('ListMeta'), {
    selfLink: str(),
    resourceVersion: str(),
    continue: str(),
    remainingItemCount: int64(),
  }),
  struct(meta('ManagedFieldsEntry'), {
    manager: str(),
    operation: named('v1.ManagedFieldsOperationType'),
    apiVersion: str(),
    time: time(),
    fieldsType: str(),
    fieldsV1: anyJson(),
    subresource: str(),
  }),
  struct(
    meta('ObjectMeta'),
    {
      name: str('Unique name within the namespace; cannot be changed.'),
      generateName: str('Prefix for a server-generated name, used when name is empty.'),
      namespace: str('The namespace of the object; defaults to default.'),
      selfLink: str(),
      uid: named('types.UID', 'Unique id set by the server. Read-only.'),
      resourceVersion: str('Opaque version for optimistic concurrency and watches. Read-only.'),
      generation: int64('Sequence number of the desired state (spec changes). Read-only.'),
      creationTimestamp: time('When the object was created. Read-only.'),
      deletionTimestamp: time('When the object will be deleted; set by a graceful delete. Read-only.'),
      deletionGracePeriodSeconds: int64(),
      labels: mapOf(str(), {}, 'Key-value pairs used to organize and select objects.'),
      annotations: mapOf(str(), {}, 'Key-value pairs for tools and people; not used for selection.'),
      ownerReferences: listOf(
        ref(meta('OwnerReference')),
        { patchStrategy: 'merge', patchMergeKey: 'uid', listType: 'map', listMapKeys: ['uid'] },
        'Objects this one depends on; it is garbage-collected when they are gone.',
      ),
      finalizers: listOf(
        str(),
        { patchStrategy: 'merge', listType: 'set' },
        'Must be empty before the object is removed from the store.',
      ),
      managedFields: listOf(
        ref(meta('ManagedFieldsEntry')),
        { listType: 'atomic' },
        'Which field manager owns which fields (server-side apply).',
      ),
    },
    { description: 'Metadata every persisted object has: name, namespace, labels, annotations and more.' },
  ),
  struct(
    meta('OwnerReference'),
    {
      apiVersion: str('API version of the owner.'),
      kind: str('Kind of the owner.'),
      name: str('Name of the owner.'),
      uid: named('types.UID', 'UID of the owner.'),
      controller: bool('True if the owner is the managing controller.'),
      blockOwnerDeletion: bool('With foreground deletion, the owner waits until this object is gone.'),
    },
    {
      description: 'Points to the object that owns this one; used by the garbage collector.',
      required: ['apiVersion', 'kind', 'name', 'uid'],
      structType: 'atomic',
    },
  ),
  struct(meta('Preconditions'), {
    uid: named('types.UID'),
    resourceVersion: str(),
  }),
];
