/**
 * Selectors as the printers show them: `labels.FormatLabels` for map selectors (RC, Service) and
 * `metav1.LabelSelectorAsSelector(...).String()` for LabelSelectors (Deployment, ReplicaSet).
 */
import type { LabelSelector } from '../types';
import { compareStrings } from './sort';

/** `labels.FormatLabels`: `k=v` pairs sorted as whole strings, comma-joined; `<none>` when empty. */
export function formatLabels(map: Readonly<Record<string, string>> | null | undefined): string {
  const pairs = Object.entries(map ?? {}).map(([k, v]) => `${k}=${v}`);
  pairs.sort(compareStrings);
  return pairs.length === 0 ? '<none>' : pairs.join(',');
}

const NAME_RE = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** `validation.IsQualifiedName`: `[prefix/]name`. */
function isQualifiedName(key: string): boolean {
  const parts = key.split('/');
  let name = key;
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix.length === 0 || prefix.length > 253 || !DNS1123_SUBDOMAIN_RE.test(prefix)) return false;
    name = parts[1];
  } else if (parts.length !== 1) {
    return false;
  }
  return name.length > 0 && name.length <= 63 && NAME_RE.test(name);
}

/** `validation.IsValidLabelValue`: empty, or a name of at most 63 characters. */
function isValidLabelValue(v: string): boolean {
  return v === '' || (v.length <= 63 && NAME_RE.test(v));
}

interface Requirement {
  key: string;
  op: '=' | 'in' | 'notin' | 'exists' | '!';
  values: string[];
}

function requirementString(r: Requirement): string {
  const values = r.values.length === 1 ? r.values[0] : [...r.values].sort(compareStrings).join(',');
  switch (r.op) {
    case '=':
      return `${r.key}=${values}`;
    case 'in':
      return `${r.key} in (${values})`;
    case 'notin':
      return `${r.key} notin (${values})`;
    case 'exists':
      return r.key;
    case '!':
      return `!${r.key}`;
  }
}

const OPERATORS: Record<string, Requirement['op']> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
};

function validRequirement(r: Requirement): boolean {
  if (!isQualifiedName(r.key)) return false;
  if ((r.op === 'in' || r.op === 'notin') && r.values.length === 0) return false;
  if (r.op === '=' && r.values.length !== 1) return false;
  if ((r.op === 'exists' || r.op === '!') && r.values.length !== 0) return false;
  return r.values.every(isValidLabelValue);
}

/**
 * `metav1.LabelSelectorAsSelector(ls).String()`: requirements sorted by key (matchLabels before
 * expressions on the same key), values sorted; `''` for a nil or empty selector; `undefined` when
 * the selector is invalid (bad operator, key or value, or a value count the operator forbids).
 */
export function labelSelectorString(ls: LabelSelector | null | undefined): string | undefined {
  if (!ls) return '';
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(ls.matchLabels ?? {}))
    reqs.push({ key, op: '=', values: [value] });
  for (const e of ls.matchExpressions ?? []) {
    const op = OPERATORS[e.operator];
    if (op === undefined) return undefined;
    reqs.push({ key: e.key, op, values: [...(e.values ?? [])] });
  }
  if (!reqs.every(validRequirement)) return undefined;
  // Array.prototype.sort is stable, like the insertion sort Go uses for these short lists.
  reqs.sort((a, b) => compareStrings(a.key, b.key));
  return reqs.map(requirementString).join(',');
}

/** `metav1.FormatLabelSelector`: as above, `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(ls: LabelSelector | null | undefined): string {
  const s = labelSelectorString(ls);
  if (s === undefined) return '<error>';
  return s === '' ? '<none>' : s;
}
