/**
 * ReplicaSet (apps/v1) validation: ValidateReplicaSet / ValidateReplicaSetUpdate plus the
 * registry's selector immutability. Order: metadata, replicas, minReadySeconds, selector, template.
 */
import type { KubeObject } from '../types';
import { child, type FieldError } from './field';
import { rec } from './json';
import { nameIsDNSSubdomain } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectmeta';
import { nonNegative, validateSelectorAndTemplate, validateSelectorImmutable } from './workload';

export function validateReplicaSetSpec(specIn: unknown, path = 'spec'): FieldError[] {
  const spec = rec(specIn);
  return [
    ...nonNegative(spec.replicas, child(path, 'replicas')),
    ...nonNegative(spec.minReadySeconds, child(path, 'minReadySeconds')),
    ...validateSelectorAndTemplate(spec, path),
  ];
}

export function validateReplicaSet(obj: KubeObject): FieldError[] {
  return [...validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain), ...validateReplicaSetSpec(obj.spec)];
}

export function validateReplicaSetUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [
    ...validateObjectMetaUpdate(obj.metadata, old.metadata),
    ...validateReplicaSetSpec(obj.spec),
    ...validateSelectorImmutable(obj.spec, old.spec, 'spec'),
  ];
}
