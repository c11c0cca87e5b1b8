/**
 * What Deployments and ReplicaSets share (apps/v1): the selector rules (required, valid,
 * non-empty, convertible) followed by the template checks, and selector immutability on update.
 */
import { child, FIELD_IMMUTABLE, invalidError, IS_NEGATIVE, requiredError, type FieldError } from './field';
import { goInt, goLabelSelector } from './gofmt';
import { isRecord, semanticEqual } from './json';
import { isEmptySelector, labelSelectorConversionFails, validateLabelSelector } from './labels';
import { validatePodTemplateForReplicaSet } from './podtemplate';

export function nonNegative(value: unknown, path: string): FieldError[] {
  const n = typeof value === 'number' ? value : 0;
  return n < 0 ? [invalidError(path, goInt(n), IS_NEGATIVE)] : [];
}

/**
 * The selector block of ValidateDeploymentSpec / ValidateReplicaSetSpec, then the template.
 * (The ReplicaSet validator reuses the Deployment wording: `empty selector is invalid for deployment`.)
 */
export function validateSelectorAndTemplate(spec: Record<string, unknown>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const selector = spec.selector;
  const selPath = child(path, 'selector');
  if (!isRecord(selector)) {
    errs.push(requiredError(selPath));
  } else {
    errs.push(...validateLabelSelector(selector, selPath));
    if (isEmptySelector(selector)) {
      errs.push(invalidError(selPath, goLabelSelector(selector), 'empty selector is invalid for deployment'));
    }
  }
  if (labelSelectorConversionFails(selector)) {
    errs.push(invalidError(selPath, goLabelSelector(selector), 'invalid label selector'));
  } else {
    errs.push(
      ...validatePodTemplateForReplicaSet(
        spec.template,
        isRecord(selector) ? selector : undefined,
        child(path, 'template'),
      ),
    );
  }
  return errs;
}

/** apps/v1 update: `spec.selector` may not change (the new value is printed). */
export function validateSelectorImmutable(newSpec: unknown, oldSpec: unknown, path: string): FieldError[] {
  const n = isRecord(newSpec) ? newSpec.selector : undefined;
  const o = isRecord(oldSpec) ? oldSpec.selector : undefined;
  if (isRecord(n) === isRecord(o) && semanticEqual(n ?? null, o ?? null)) return [];
  return [invalidError(child(path, 'selector'), goLabelSelector(n), FIELD_IMMUTABLE)];
}
