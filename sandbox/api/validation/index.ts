/**
 * What the API server rejects, with the real field paths and messages. The server turns the
 * errors into a 422 with `invalid(kind, group, name, errors)`.
 *
 * - `validateCreate`: the registry strategy's Validate (after defaulting, admission and name
 *   generation).
 * - `validateUpdate`: the strategy's ValidateUpdate for the main resource. It is complete on its
 *   own (it re-validates the new object as upstream does), so do not also call validateCreate.
 */
import type { KubeObject } from '../types';
import type { ResourceInfo } from '../resources';
import type { FieldError } from './field';
import { validateConfigMap, validateConfigMapUpdate } from './configmap';
import { validateDeployment, validateDeploymentUpdate } from './deployment';
import { validateEndpoints, validateEndpointsUpdate } from './endpoints';
import { nameIsDNSSubdomain } from './names';
import { validateNamespace, validateNamespaceUpdate } from './namespace';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectmeta';
import { validatePodCreate, validatePodUpdate } from './pod';
import { validateReplicaSet, validateReplicaSetUpdate } from './replicaset';
import { validateReplicationController, validateReplicationControllerUpdate } from './replicationcontroller';
import { validateService, validateServiceUpdate } from './service';

export type { FieldError };
export { goBadValue, goQuote, goSharpV } from './gofmt';
export { computePodQOS } from './qos';
export { UPDATABLE_POD_SPEC_FIELDS } from './pod';

type CreateFn = (obj: KubeObject) => FieldError[];
type UpdateFn = (obj: KubeObject, old: KubeObject) => FieldError[];

const VALIDATORS: Record<string, { create: CreateFn; update: UpdateFn }> = {
  'apps/Deployment': { create: validateDeployment, update: validateDeploymentUpdate },
  'apps/ReplicaSet': { create: validateReplicaSet, update: validateReplicaSetUpdate },
  '/ReplicationController': {
    create: validateReplicationController,
    update: validateReplicationControllerUpdate,
  },
  '/Pod': { create: validatePodCreate, update: validatePodUpdate },
  '/Service': { create: validateService, update: validateServiceUpdate },
  '/ConfigMap': { create: validateConfigMap, update: validateConfigMapUpdate },
  '/Namespace': { create: validateNamespace, update: validateNamespaceUpdate },
  '/Endpoints': { create: validateEndpoints, update: validateEndpointsUpdate },
};

/** Kinds validated on metadata only here (Event, EndpointSlice, Node, ResourceQuota). */
function genericCreate(resource: ResourceInfo, obj: KubeObject): FieldError[] {
  return validateObjectMeta(obj.metadata, resource.namespaced, nameIsDNSSubdomain);
}

function genericUpdate(resource: ResourceInfo, obj: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(obj.metadata, old.metadata);
  // Nodes re-check only the update rules; the others re-validate the new object.
  if (resource.kind !== 'Node') errs.push(...genericCreate(resource, obj));
  return errs;
}

export function validateCreate(resource: ResourceInfo, obj: KubeObject): FieldError[] {
  const v = VALIDATORS[`${resource.group}/${resource.kind}`];
  return v ? v.create(obj) : genericCreate(resource, obj);
}

export function validateUpdate(resource: ResourceInfo, newObj: KubeObject, oldObj: KubeObject): FieldError[] {
  const v = VALIDATORS[`${resource.group}/${resource.kind}`];
  return v ? v.update(newObj, oldObj) : genericUpdate(resource, newObj, oldObj);
}
