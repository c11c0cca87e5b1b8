/** Field schemas: apps/v1 Deployment and ReplicaSet. */
import {
  apps,
  bool,
  core,
  enumOf,
  int32,
  int64,
  intOrString,
  listOf,
  meta,
  named,
  ref,
  str,
  struct,
  time,
} from './build';
import { DEPLOYMENT_STRATEGY_TYPE } from './enums';
import type { TypeSchema } from './types';

export const APPS_TYPES: TypeSchema[] = [
  struct(
    apps('Deployment'),
    {
      kind: str('The type of this object, in CamelCase.'),
      apiVersion: str('The versioned schema of this object, e.g. apps/v1.'),
      metadata: ref(meta('ObjectMeta'), "Standard object's metadata."),
      spec: ref(apps('DeploymentSpec'), 'The desired state, set by the user.'),
      status: ref(
        apps('DeploymentStatus'),
        'The observed state, written by the system. Read-only for users.',
      ),
    },
    { description: 'Declares a set of identical pods and rolls out changes to them through ReplicaSets.' },
  ),
  struct(
    apps('DeploymentCondition'),
    {
      type: named('v1.DeploymentConditionType', 'Available, Progressing or ReplicaFailure.'),
      status: named('v1.ConditionStatus', 'True, False or Unknown.'),
      lastUpdateTime: time(),
      lastTransitionTime: time(),
      reason: str('A one-word reason for the last transition.'),
      message: str('A human-readable explanation.'),
    },
    {
      description: 'One aspect of the Deployment state (Available, Progressing, ReplicaFailure).',
      required: ['type', 'status'],
    },
  ),
  struct(
    apps('DeploymentSpec'),
    {
      replicas: int32('Number of desired pods. Defaults to 1.'),
      selector: ref(
        meta('LabelSelector'),
        "Label selector for the pods; must match the template's labels and cannot change.",
      ),
      template: ref(core('PodTemplateSpec'), 'The pod template used for new pods.'),
      strategy: ref(apps('DeploymentStrategy'), 'How existing pods are replaced by new ones.', 'retainKeys'),
      minReadySeconds: int32(
        'Seconds a new pod must be ready, without crashing, before it counts as available. Defaults to 0.',
      ),
      revisionHistoryLimit: int32('How many old ReplicaSets to keep for rollback. Defaults to 10.'),
      paused: bool('While true, template changes do not start a rollout.'),
      progressDeadlineSeconds: int32(
        'Seconds a rollout may go without progress before it is reported as failed (ProgressDeadlineExceeded). Defaults to 600.',
      ),
    },
    { description: 'The desired state of a Deployment.', required: ['selector', 'template'] },
  ),
  struct(
    apps('DeploymentStatus'),
    {
      observedGeneration: int64('The generation the controller last acted on.'),
      replicas: int32('Total pods targeted by this Deployment (their labels match the selector).'),
      updatedReplicas: int32('Pods that run the current template.'),
      readyReplicas: int32('Pods with a Ready condition.'),
      availableReplicas: int32('Pods ready for at least minReadySeconds.'),
      unavailableReplicas: int32('Pods still needed for the Deployment to have 100% available capacity.'),
      conditions: listOf(
        ref(apps('DeploymentCondition')),
        { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] },
        'The latest observations of the Deployment state.',
      ),
      collisionCount: int32('Counts hash collisions of the pod template, used to name new ReplicaSets.'),
    },
    { description: 'The most recently observed state of a Deployment, written by the controller.' },
  ),
  struct(
    apps('DeploymentStrategy'),
    {
      type: enumOf(
        'v1.DeploymentStrategyType',
        DEPLOYMENT_STRATEGY_TYPE,
        'RollingUpdate (the default) or Recreate (kill all old pods first).',
      ),
      rollingUpdate: ref(
        apps('RollingUpdateDeployment'),
        'Parameters of a RollingUpdate; only allowed when type is RollingUpdate.',
      ),
    },
    { description: 'How old pods are replaced by new ones during a rollout.' },
  ),
  struct(
    apps('ReplicaSet'),
    {
      kind: str('The type of this object, in CamelCase.'),
      apiVersion: str('The versioned schema of this object, e.g. apps/v1.'),
      metadata: ref(meta('ObjectMeta'), "Standard object's metadata."),
      spec: ref(apps('ReplicaSetSpec'), 'The desired state, set by the user.'),
      status: ref(
        apps('ReplicaSetStatus'),
        'The observed state, written by the system. Read-only for users.',
      ),
    },
    { description: 'Keeps a given number of pods matching a selector running.' },
  ),
  struct(
    apps('ReplicaSetCondition'),
    {
      type: named('v1.ReplicaSetConditionType'),
      status: named('v1.ConditionStatus'),
      lastTransitionTime: time(),
      reason: str(),
      message: str(),
    },
    { required: ['type', 'status'] },
  ),
  struct(
    apps('ReplicaSetSpec'),
    {
      replicas: int32('Number of desired pods. Defaults to 1.'),
      minReadySeconds: int32('Seconds a new pod must be ready before it counts as available.'),
      selector: ref(
        meta('LabelSelector'),
        "Label query over the pods it owns; must match the template's labels.",
      ),
      template: ref(core('PodTemplateSpec'), 'The pod template used to create missing pods.'),
    },
    { description: 'The desired state of a ReplicaSet.', required: ['selector'] },
  ),
  struct(
    apps('ReplicaSetStatus'),
    {
      replicas: int32('The most recently observed number of pods.'),
      fullyLabeledReplicas: int32('Pods whose labels match the template labels.'),
      readyReplicas: int32('Pods with a Ready condition.'),
      availableReplicas: int32('Pods ready for at least minReadySeconds.'),
      observedGeneration: int64('The generation the controller last acted on.'),
      conditions: listOf(ref(apps('ReplicaSetCondition')), {
        patchStrategy: 'merge',
        patchMergeKey: 'type',
        listType: 'map',
        listMapKeys: ['type'],
      }),
    },
    { description: 'The most recently observed state of a ReplicaSet.', required: ['replicas'] },
  ),
  struct(
    apps('RollingUpdateDeployment'),
    {
      maxUnavailable: intOrString(
        'How many pods (number or percentage, rounded down) may be unavailable during the update. Defaults to 25%.',
      ),
      maxSurge: intOrString(
        'How many pods (number or percentage, rounded up) may exist above the desired count during the update. Defaults to 25%.',
      ),
    },
    { description: 'Limits that pace a rolling update.' },
  ),
];
