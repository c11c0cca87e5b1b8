/** k8s.io/api apps/v1 Deployment (field numbers from its generated.proto, JSON tags from types.go). */
import { list, message, pointer, ref, value, type Message } from '../schema';
import { PodTemplateSpec } from './core';
import { LabelSelector, ObjectMeta } from './meta';

const ROLLING_UPDATE_DEPLOYMENT = message('RollingUpdateDeployment', [
  pointer(1, 'maxUnavailable', 'intOrString'),
  pointer(2, 'maxSurge', 'intOrString'),
]);

const DEPLOYMENT_STRATEGY = message('DeploymentStrategy', [
  value(1, 'type', 'string'),
  pointer(2, 'rollingUpdate', ref(ROLLING_UPDATE_DEPLOYMENT)),
]);

const DEPLOYMENT_SPEC = message('DeploymentSpec', [
  pointer(1, 'replicas', 'int32'),
  // `json:"selector"` without omitempty: a nil selector is written as null.
  pointer(2, 'selector', LabelSelector, 'keep'),
  value(3, 'template', PodTemplateSpec, 'keep'),
  value(4, 'strategy', ref(DEPLOYMENT_STRATEGY)),
  value(5, 'minReadySeconds', 'int32'),
  pointer(6, 'revisionHistoryLimit', 'int32'),
  value(7, 'paused', 'bool'),
  pointer(9, 'progressDeadlineSeconds', 'int32'),
]);

const DEPLOYMENT_CONDITION = message('DeploymentCondition', [
  value(1, 'type', 'string', 'keep'),
  value(2, 'status', 'string', 'keep'),
  value(6, 'lastUpdateTime', 'time'),
  value(7, 'lastTransitionTime', 'time'),
  value(4, 'reason', 'string'),
  value(5, 'message', 'string'),
]);

const DEPLOYMENT_STATUS = message('DeploymentStatus', [
  value(1, 'observedGeneration', 'int64'),
  value(2, 'replicas', 'int32'),
  value(3, 'updatedReplicas', 'int32'),
  value(7, 'readyReplicas', 'int32'),
  value(4, 'availableReplicas', 'int32'),
  value(5, 'unavailableReplicas', 'int32'),
  list(6, 'conditions', ref(DEPLOYMENT_CONDITION)),
  pointer(8, 'collisionCount', 'int32'),
]);

export const DEPLOYMENT: Message = message('Deployment', [
  value(1, 'metadata', ObjectMeta),
  value(2, 'spec', ref(DEPLOYMENT_SPEC)),
  value(3, 'status', ref(DEPLOYMENT_STATUS)),
]);
