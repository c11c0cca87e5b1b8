/** k8s.io/api autoscaling/v1 HorizontalPodAutoscaler (field numbers from its generated.proto). */
import { message, pointer, ref, value, type Message } from '../schema';
import { ObjectMeta } from './meta';

const CROSS_VERSION_OBJECT_REFERENCE = message('CrossVersionObjectReference', [
  value(1, 'kind', 'string', 'keep'),
  value(2, 'name', 'string', 'keep'),
  value(3, 'apiVersion', 'string'),
]);

const HPA_SPEC = message('HorizontalPodAutoscalerSpec', [
  value(1, 'scaleTargetRef', ref(CROSS_VERSION_OBJECT_REFERENCE), 'keep'),
  pointer(2, 'minReplicas', 'int32'),
  value(3, 'maxReplicas', 'int32', 'keep'),
  pointer(4, 'targetCPUUtilizationPercentage', 'int32'),
]);

const HPA_STATUS = message('HorizontalPodAutoscalerStatus', [
  pointer(1, 'observedGeneration', 'int64'),
  pointer(2, 'lastScaleTime', 'time'),
  value(3, 'currentReplicas', 'int32', 'keep'),
  value(4, 'desiredReplicas', 'int32', 'keep'),
  pointer(5, 'currentCPUUtilizationPercentage', 'int32'),
]);

export const HORIZONTAL_POD_AUTOSCALER: Message = message('HorizontalPodAutoscaler', [
  value(1, 'metadata', ObjectMeta),
  value(2, 'spec', ref(HPA_SPEC)),
  value(3, 'status', ref(HPA_STATUS)),
]);
