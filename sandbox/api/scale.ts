/** The `autoscaling/v1` Scale view of a Deployment, ReplicaSet or ReplicationController. */
import type { KubeObject, KubeObjectInput } from './types';
import { badRequest, invalid } from './errors';
import { fromLabelSelector, fromMap, selectorString } from './selectors/labels';
import type { LabelSelector } from './types';

export function scaleOf(obj: KubeObject): KubeObject {
  const spec = obj.spec as { replicas?: number; selector?: unknown } | undefined;
  const status = obj.status as { replicas?: number } | undefined;
  const selector =
    obj.kind === 'ReplicationController'
      ? selectorString(fromMap(spec?.selector as Record<string, string> | undefined))
      : selectorString(fromLabelSelector(spec?.selector as LabelSelector | undefined));
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      creationTimestamp: obj.metadata.creationTimestamp,
    },
    spec: { replicas: spec?.replicas ?? 0 },
    status: { replicas: status?.replicas ?? 0, selector },
  };
}

export function replicasFromScale(scale: KubeObjectInput, name: string): number {
  if (!scale || typeof scale !== 'object')
    throw badRequest('Scale in version "v1" cannot be handled as a Scale');
  const replicas = (scale.spec as { replicas?: unknown } | undefined)?.replicas ?? 0;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) {
    throw badRequest(
      `Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`,
    );
  }
  if (replicas < 0) {
    throw invalid('Scale', 'autoscaling', name, [
      {
        type: 'FieldValueInvalid',
        field: 'spec.replicas',
        body: `Invalid value: ${replicas}: must be greater than or equal to 0`,
      },
    ]);
  }
  return replicas;
}
