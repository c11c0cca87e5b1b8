/**
 * k8s.io/apimachinery meta/v1 messages (field numbers from its generated.proto, JSON tags from
 * types.go). managedFields (17) is not listed: clients never send it on create, so it is skipped.
 */
import { list, map, message, pointer, value, type Message } from '../schema';

export const ObjectMeta = (): Message => OBJECT_META;
export const LabelSelector = (): Message => LABEL_SELECTOR;
export const DeleteOptions = (): Message => DELETE_OPTIONS;

const OwnerReference = (): Message => OWNER_REFERENCE;
const LabelSelectorRequirement = (): Message => LABEL_SELECTOR_REQUIREMENT;
const Preconditions = (): Message => PRECONDITIONS;

const OBJECT_META = message('ObjectMeta', [
  value(1, 'name', 'string'),
  value(2, 'generateName', 'string'),
  value(3, 'namespace', 'string'),
  value(4, 'selfLink', 'string'),
  value(5, 'uid', 'string'),
  value(6, 'resourceVersion', 'string'),
  value(7, 'generation', 'int64'),
  value(8, 'creationTimestamp', 'time'),
  pointer(9, 'deletionTimestamp', 'time'),
  pointer(10, 'deletionGracePeriodSeconds', 'int64'),
  map(11, 'labels', 'string'),
  map(12, 'annotations', 'string'),
  list(13, 'ownerReferences', OwnerReference),
  list(14, 'finalizers', 'string'),
]);

const OWNER_REFERENCE = message('OwnerReference', [
  value(5, 'apiVersion', 'string', 'keep'),
  value(1, 'kind', 'string', 'keep'),
  value(3, 'name', 'string', 'keep'),
  value(4, 'uid', 'string', 'keep'),
  pointer(6, 'controller', 'bool'),
  pointer(7, 'blockOwnerDeletion', 'bool'),
]);

const LABEL_SELECTOR = message('LabelSelector', [
  map(1, 'matchLabels', 'string'),
  list(2, 'matchExpressions', LabelSelectorRequirement),
]);

const LABEL_SELECTOR_REQUIREMENT = message('LabelSelectorRequirement', [
  value(1, 'key', 'string', 'keep'),
  value(2, 'operator', 'string', 'keep'),
  list(3, 'values', 'string'),
]);

const DELETE_OPTIONS = message('DeleteOptions', [
  pointer(1, 'gracePeriodSeconds', 'int64'),
  pointer(2, 'preconditions', Preconditions),
  pointer(3, 'orphanDependents', 'bool'),
  pointer(4, 'propagationPolicy', 'string'),
  list(5, 'dryRun', 'string'),
  pointer(6, 'ignoreStoreReadErrorWithClusterBreakingPotential', 'bool'),
]);

const PRECONDITIONS = message('Preconditions', [
  pointer(1, 'uid', 'string'),
  pointer(2, 'resourceVersion', 'string'),
]);
