/**
 * Pod templates: ValidatePodTemplateSpec (labels at `<path>.labels`, annotations, the pod spec)
 * and the workload wrappers that add the selector match, `restartPolicy: Always` and the
 * activeDeadlineSeconds ban (ReplicaSet/Deployment and ReplicationController flavours).
 */
import {
  child,
  forbiddenError,
  invalidError,
  notSupportedError,
  requiredError,
  type FieldError,
} from './field';
import { goStringMap, goString } from './gofmt';
import { isRecord, rec, str, strMap } from './json';
import {
  isEmptySelector,
  mapSelectorMatches,
  selectorMatches,
  validateAnnotations,
  validateLabels,
} from './labels';
import { validatePodSpec } from './podspec';

export function validatePodTemplateSpec(template: unknown, path: string): FieldError[] {
  const t = rec(template);
  const meta = rec(t.metadata);
  const errs = validateLabels(meta.labels, child(path, 'labels'));
  errs.push(...validateAnnotations(meta.annotations, child(path, 'annotations')));
  errs.push(...validatePodSpec(t.spec, child(path, 'spec'), { resourceIsPod: false }));
  if (
    Array.isArray(rec(t.spec).ephemeralContainers) &&
    (rec(t.spec).ephemeralContainers as unknown[]).length > 0
  ) {
    errs.push(
      forbiddenError(
        child(path, 'spec', 'ephemeralContainers'),
        'ephemeral containers not allowed in pod template',
      ),
    );
  }
  return errs;
}

function templateLabels(template: unknown): Record<string, string> | undefined {
  return strMap(rec(rec(template).metadata).labels);
}

function workloadRules(template: unknown, path: string, owner: string): FieldError[] {
  const spec = rec(rec(template).spec);
  const errs: FieldError[] = [];
  const restartPolicy = str(spec.restartPolicy);
  if (restartPolicy !== 'Always') {
    errs.push(notSupportedError(child(path, 'spec', 'restartPolicy'), goString(restartPolicy), ['Always']));
  }
  if (typeof spec.activeDeadlineSeconds === 'number') {
    errs.push(
      forbiddenError(
        child(path, 'spec', 'activeDeadlineSeconds'),
        `activeDeadlineSeconds in ${owner} is not Supported`,
      ),
    );
  }
  return errs;
}

/**
 * ValidatePodTemplateSpecForReplicaSet (also used by Deployments). `selector` is the
 * metav1.LabelSelector; a nil one matches nothing, so its template always "does not match".
 */
export function validatePodTemplateForReplicaSet(
  template: unknown,
  selector: unknown,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  if (!isEmptySelector(selector)) {
    const labels = templateLabels(template);
    if (!selectorMatches(selector, labels)) {
      errs.push(
        invalidError(
          child(path, 'metadata', 'labels'),
          goStringMap(rec(rec(template).metadata).labels),
          '`selector` does not match template `labels`',
        ),
      );
    }
  }
  errs.push(...validatePodTemplateSpec(template, path));
  errs.push(...workloadRules(template, path, 'ReplicaSet'));
  return errs;
}

/** ValidatePodTemplateSpecForRC: the selector is a plain map; a nil template is required. */
export function validatePodTemplateForRC(
  template: unknown,
  selector: Record<string, string> | undefined,
  path: string,
): FieldError[] {
  if (!isRecord(template)) return [requiredError(path)];
  const errs: FieldError[] = [];
  if (
    selector &&
    Object.keys(selector).length > 0 &&
    !mapSelectorMatches(selector, templateLabels(template))
  ) {
    errs.push(
      invalidError(
        child(path, 'metadata', 'labels'),
        goStringMap(rec(template.metadata).labels),
        '`selector` does not match template `labels`',
      ),
    );
  }
  errs.push(...validatePodTemplateSpec(template, path));
  errs.push(...workloadRules(template, path, 'ReplicationController'));
  return errs;
}
