/**
 * ReplicationController (v1) validation. Order: metadata, minReadySeconds, selector (required and
 * non-empty, after defaulting from the template labels), replicas, template. The selector is
 * mutable: updates only re-validate.
 */
import type { KubeObject } from '../types';
import { child, requiredError, type FieldError } from './field';
import { rec, strMap } from './json';
import { nameIsDNSSubdomain } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectmeta';
import { validatePodTemplateForRC } from './podtemplate';
import { nonNegative } from './workload';

export function validateReplicationControllerSpec(specIn: unknown, path = 'spec'): FieldError[] {
  const spec = rec(specIn);
  const selector = strMap(spec.selector);
  const errs = nonNegative(spec.minReadySeconds, child(path, 'minReadySeconds'));
  if (!selector || Object.keys(selector).length === 0) errs.push(requiredError(child(path, 'selector')));
  errs.push(...nonNegative(spec.replicas, child(path, 'replicas')));
  errs.push(...validatePodTemplateForRC(spec.template, selector, child(path, 'template')));
  return errs;
}

export function validateReplicationController(obj: KubeObject): FieldError[] {
  return [
    ...validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain),
    ...validateReplicationControllerSpec(obj.spec),
  ];
}

export function validateReplicationControllerUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [
    ...validateObjectMetaUpdate(obj.metadata, old.metadata),
    ...validateReplicationControllerSpec(obj.spec),
  ];
}
