/**
 * Labels, annotations and label selectors (apimachinery meta/v1/validation), and the selector
 * semantics controllers validation relies on: a nil selector matches nothing, an empty one
 * matches everything.
 */
import {
  child,
  forbiddenError,
  index,
  invalidError,
  requiredError,
  tooLongError,
  type FieldError,
} from './field';
import { goString } from './gofmt';
import { isRecord, recList, sortedKeys, str, strList, strMap } from './json';
import { byteLength, isQualifiedName, isValidLabelValue } from './names';

/** Total bytes of annotation keys and values (256 KiB). */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((m) => invalidError(path, goString(name), m));
}

/** ValidateLabels: keys (qualified names) and values; every error is reported on the map's path. */
export function validateLabels(labels: unknown, path: string): FieldError[] {
  const m = strMap(labels);
  const errs: FieldError[] = [];
  for (const k of sortedKeys(m)) {
    errs.push(...validateLabelName(k, path));
    for (const msg of isValidLabelValue(m![k])) errs.push(invalidError(path, goString(m![k]), msg));
  }
  return errs;
}

export function validateAnnotations(annotations: unknown, path: string): FieldError[] {
  const m = strMap(annotations);
  const errs: FieldError[] = [];
  let total = 0;
  for (const k of sortedKeys(m)) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalidError(path, goString(k), msg));
    total += byteLength(k) + byteLength(m![k]);
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLongError(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** ValidateLabelSelector with AllowInvalidLabelValueInSelector off (how workloads validate). */
export function validateLabelSelector(selector: unknown, path: string): FieldError[] {
  if (!isRecord(selector)) return [];
  const errs = validateLabels(selector.matchLabels, child(path, 'matchLabels'));
  recList(selector.matchExpressions).forEach((e, i) => {
    const p = index(child(path, 'matchExpressions'), i);
    const op = str(e.operator);
    const values = strList(e.values);
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0)
        errs.push(requiredError(child(p, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0) {
        errs.push(
          forbiddenError(
            child(p, 'values'),
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        );
      }
    } else {
      errs.push(invalidError(child(p, 'operator'), goString(op), 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(str(e.key), child(p, 'key')));
    values.forEach((v, vi) => {
      for (const msg of isValidLabelValue(v))
        errs.push(invalidError(index(child(p, 'values'), vi), goString(v), msg));
    });
  });
  return errs;
}

/** Would metav1.LabelSelectorAsSelector fail on this selector? */
export function labelSelectorConversionFails(selector: unknown): boolean {
  if (!isRecord(selector)) return false;
  const labels = strMap(selector.matchLabels) ?? {};
  for (const [k, v] of Object.entries(labels)) {
    if (isQualifiedName(k).length || isValidLabelValue(v).length) return true;
  }
  for (const e of recList(selector.matchExpressions)) {
    const op = str(e.operator);
    const values = strList(e.values);
    if (!OPERATORS.includes(op)) return true;
    if (isQualifiedName(str(e.key)).length) return true;
    if ((op === 'In' || op === 'NotIn') && values.length === 0) return true;
    if ((op === 'Exists' || op === 'DoesNotExist') && values.length > 0) return true;
    if (values.some((v) => isValidLabelValue(v).length > 0)) return true;
  }
  return false;
}

/** A selector with no requirements (matchLabels and matchExpressions both empty). */
export function isEmptySelector(selector: unknown): boolean {
  if (!isRecord(selector)) return false;
  return (
    Object.keys(strMap(selector.matchLabels) ?? {}).length + recList(selector.matchExpressions).length === 0
  );
}

/** labels.Selector.Matches for a metav1.LabelSelector: nil matches nothing, empty everything. */
export function selectorMatches(selector: unknown, labels: Record<string, string> | undefined): boolean {
  if (!isRecord(selector)) return false;
  const set = labels ?? {};
  for (const [k, v] of Object.entries(strMap(selector.matchLabels) ?? {})) {
    if (!(k in set) || set[k] !== v) return false;
  }
  for (const e of recList(selector.matchExpressions)) {
    const k = str(e.key);
    const values = strList(e.values);
    const has = k in set;
    switch (str(e.operator)) {
      case 'In':
        if (!has || !values.includes(set[k])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(set[k])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** labels.Set(selector).AsSelector().Matches(labels): every selector pair must be present. */
export function mapSelectorMatches(
  selector: Record<string, string>,
  labels: Record<string, string> | undefined,
): boolean {
  const set = labels ?? {};
  return Object.entries(selector).every(([k, v]) => k in set && set[k] === v);
}
