/**
 * k8s.io/api batch/v1 Job (field numbers from its generated.proto, JSON tags from types.go).
 * podFailurePolicy, successPolicy and the status's conditions and uncounted pods are skipped.
 */
import { message, pointer, ref, value, type Message } from '../schema';
import { PodTemplateSpec } from './core';
import { LabelSelector, ObjectMeta } from './meta';

const JOB_SPEC = message('JobSpec', [
  pointer(1, 'parallelism', 'int32'),
  pointer(2, 'completions', 'int32'),
  pointer(3, 'activeDeadlineSeconds', 'int64'),
  pointer(7, 'backoffLimit', 'int32'),
  pointer(12, 'backoffLimitPerIndex', 'int32'),
  pointer(13, 'maxFailedIndexes', 'int32'),
  pointer(4, 'selector', LabelSelector),
  pointer(5, 'manualSelector', 'bool'),
  value(6, 'template', PodTemplateSpec, 'keep'),
  pointer(8, 'ttlSecondsAfterFinished', 'int32'),
  pointer(9, 'completionMode', 'string'),
  pointer(10, 'suspend', 'bool'),
  pointer(14, 'podReplacementPolicy', 'string'),
  pointer(15, 'managedBy', 'string'),
]);

const JOB_STATUS = message('JobStatus', [
  pointer(2, 'startTime', 'time'),
  pointer(3, 'completionTime', 'time'),
  value(4, 'active', 'int32'),
  value(5, 'succeeded', 'int32'),
  value(6, 'failed', 'int32'),
  pointer(11, 'terminating', 'int32'),
  value(7, 'completedIndexes', 'string'),
  pointer(10, 'failedIndexes', 'string'),
  pointer(9, 'ready', 'int32'),
]);

export const JOB: Message = message('Job', [
  value(1, 'metadata', ObjectMeta),
  value(2, 'spec', ref(JOB_SPEC)),
  value(3, 'status', ref(JOB_STATUS)),
]);
