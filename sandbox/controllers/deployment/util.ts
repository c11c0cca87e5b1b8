/**
 * Arithmetic and list helpers of upstream's deployment/util and controller utils: maxSurge /
 * maxUnavailable resolution (same float operation order), replica sums, orderings, template
 * equality ignoring the pod-template-hash label.
 */
import type { LabelSelector } from '../../api/types';
import { fromLabelSelector, matches } from '../../api/selectors/labels';
import { deepClone } from '../../store/clone';
import { revisionOf } from './annotations';
import {
  POD_TEMPLATE_HASH,
  RECREATE,
  ROLLING_UPDATE,
  type Deployment,
  type IntOrString,
  type PodTemplate,
  type ReplicaSet,
} from './types';

/** The largest int32: progressDeadlineSeconds / revisionHistoryLimit set to it mean "none". */
export const MAX_INT32 = 2147483647;

export const replicasOf = (d: Deployment): number => d.spec.replicas ?? 1;
export const specReplicas = (rs: ReplicaSet): number => rs.spec.replicas ?? 0;
export const statusReplicas = (rs: ReplicaSet): number => rs.status?.replicas ?? 0;
export const readyReplicas = (rs: ReplicaSet): number => rs.status?.readyReplicas ?? 0;
export const availableReplicas = (rs: ReplicaSet): number => rs.status?.availableReplicas ?? 0;

const sum = (rss: readonly ReplicaSet[], f: (rs: ReplicaSet) => number): number =>
  rss.reduce((n, rs) => n + f(rs), 0);
/** GetReplicaCountForReplicaSets: Σ spec.replicas. */
export const sumSpec = (rss: readonly ReplicaSet[]): number => sum(rss, specReplicas);
/** GetActualReplicaCountForReplicaSets: Σ status.replicas. */
export const sumActual = (rss: readonly ReplicaSet[]): number => sum(rss, statusReplicas);
export const sumReady = (rss: readonly ReplicaSet[]): number => sum(rss, readyReplicas);
export const sumAvailable = (rss: readonly ReplicaSet[]): number => sum(rss, availableReplicas);

/** FilterActiveReplicaSets: spec.replicas > 0. */
export const activeOnly = (rss: readonly ReplicaSet[]): ReplicaSet[] =>
  rss.filter((rs) => specReplicas(rs) > 0);

export const isRollingUpdate = (d: Deployment): boolean => d.spec.strategy?.type === ROLLING_UPDATE;
export const isRecreate = (d: Deployment): boolean => d.spec.strategy?.type === RECREATE;

/**
 * intstr.GetScaledValueFromIntOrPercent: an int as is; "N%" → N * total / 100 (float64, in this
 * order), rounded up or down. Anything else is an error, as upstream.
 */
export function scaledValue(v: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (v === undefined || v === null) throw new Error('nil value for IntOrString');
  if (typeof v === 'number') return v;
  if (!v.endsWith('%')) throw new Error('invalid type: string is not a percentage');
  const digits = v.slice(0, -1);
  if (!/^[+-]?\d+$/.test(digits)) {
    throw new Error(
      `invalid value for IntOrString: invalid value "${v}": strconv.Atoi: parsing "${digits}": invalid syntax`,
    );
  }
  const x = (Number(digits) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** ResolveFenceposts: surge rounds up, unavailable rounds down, both zero ⇒ unavailable 1 (nil counts as 0). */
export function resolveFenceposts(
  maxSurge: IntOrString | undefined,
  maxUnavailable: IntOrString | undefined,
  desired: number,
): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge ?? 0, desired, true);
  let unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** Fenceposts of a stored (frozen) rollingUpdate, for the replica count they were last resolved for. */
const fenceposts = new WeakMap<object, { desired: number; surge: number; unavailable: number }>();

/**
 * resolveFenceposts of the Deployment's rollingUpdate, undefined when it does not resolve (caught
 * by validation upstream). Every sync asks several times (percentages are parsed each time), and
 * the stored strategy does not change, so the answer is kept per strategy object and replica count.
 */
function fencepostsOf(d: Deployment): { surge: number; unavailable: number } | undefined {
  const ru = d.spec.strategy?.rollingUpdate;
  const desired = replicasOf(d);
  const kept = ru && Object.isFrozen(ru) ? fenceposts.get(ru) : undefined;
  if (kept && kept.desired === desired) return kept;
  let out: { desired: number; surge: number; unavailable: number } | undefined;
  try {
    out = { desired, ...resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, desired) };
  } catch {
    out = undefined;
  }
  if (out && ru && Object.isFrozen(ru)) fenceposts.set(ru, out);
  return out;
}

export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  return fencepostsOf(d)?.surge ?? 0; // unresolvable: caught by validation upstream
}

export function maxUnavailable(d: Deployment): number {
  if (!isRollingUpdate(d) || replicasOf(d) === 0) return 0;
  const f = fencepostsOf(d);
  return f ? Math.min(f.unavailable, replicasOf(d)) : 0; // unresolvable: caught by validation upstream
}

/** NewRSNewReplicas: how big the new RS may be now (spec sums; the raw scaled surge). */
export function newRSNewReplicas(d: Deployment, allRSs: readonly ReplicaSet[], newRS: ReplicaSet): number {
  if (isRecreate(d)) return replicasOf(d);
  if (!isRollingUpdate(d)) throw new Error(`deployment type ${d.spec.strategy?.type} isn't supported`);
  const surge = scaledValue(d.spec.strategy?.rollingUpdate?.maxSurge, replicasOf(d), true);
  const current = sumSpec(allRSs);
  const maxTotal = replicasOf(d) + surge;
  if (current >= maxTotal) return specReplicas(newRS);
  const up = Math.min(maxTotal - current, replicasOf(d) - specReplicas(newRS));
  return specReplicas(newRS) + up;
}

// ---- orderings (controller.ReplicaSetsBy*) -----------------------------------------------------

/** Oldest first; equal creation timestamps (second precision) by name. */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = a.metadata.name ?? '';
  const nb = b.metadata.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** The list sorts to itself by `cmp` (a stable sort would leave it as it is): no pair out of order. */
export function inOrder(rss: readonly ReplicaSet[], cmp = byCreation): boolean {
  for (let i = 1; i < rss.length; i++) if (cmp(rss[i - 1], rss[i]) > 0) return false;
  return true;
}

/** A copy sorted oldest first (most lists a rollout sorts are: one or two old RSs, already in order). */
export function sortedByCreation(rss: readonly ReplicaSet[]): ReplicaSet[] {
  const out = [...rss];
  return inOrder(out) ? out : out.sort(byCreation);
}

/** Largest first; ties: newer first (scaling up). */
export const bySizeNewer = (a: ReplicaSet, b: ReplicaSet): number =>
  specReplicas(a) !== specReplicas(b) ? specReplicas(b) - specReplicas(a) : byCreation(b, a);

/** Largest first; ties: older first (scaling down). */
export const bySizeOlder = (a: ReplicaSet, b: ReplicaSet): number =>
  specReplicas(a) !== specReplicas(b) ? specReplicas(b) - specReplicas(a) : byCreation(a, b);

/** Lowest revision first; unparsable or equal revisions by creation. */
export function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  if (ra === undefined || rb === undefined || ra === rb) return byCreation(a, b);
  return ra - rb;
}

/** FindActiveOrLatest: the only active RS, or the newest when none is active; undefined when several are. */
export function findActiveOrLatest(
  newRS: ReplicaSet | undefined,
  oldRSs: ReplicaSet[],
): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
  const active = activeOnly(newRS ? [...newestFirst, newRS] : newestFirst);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

// ---- templates and selectors -------------------------------------------------------------------

/** apiequality.Semantic.DeepEqual on JSON: nil and empty maps/slices are equal. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => semanticEqual(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!semanticEqual(a[k], b[k])) return false;
    return true;
  }
  return a === b;
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return isObject(v) && Object.keys(v).length === 0;
}

/** The template without the pod-template-hash label. */
export function withoutHash(t: PodTemplate | undefined): PodTemplate {
  const copy = deepClone(t ?? {}) as PodTemplate;
  if (copy.metadata?.labels) delete copy.metadata.labels[POD_TEMPLATE_HASH];
  return copy;
}

/**
 * semanticEqual of deep copies (deepClone drops keys whose value is undefined) without making them.
 */
function copiesEqual(a: unknown, b: unknown): boolean {
  if (isEmptyCopy(a) && isEmptyCopy(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!copiesEqual(a[i], b[i])) return false;
    return true;
  }
  if (isObject(a) && isObject(b)) {
    // The copies' keys: those holding a value (b's that a also holds were compared with a's).
    for (const k in a) if (a[k] !== undefined && !copiesEqual(a[k], copied(b, k))) return false;
    for (const k in b) {
      if (b[k] !== undefined && !held(a, k) && !copiesEqual(copied(a, k), b[k])) return false;
    }
    return true;
  }
  return a === b;
}

const held = (o: Record<string, unknown>, k: string): boolean => hasOwn(o, k) && o[k] !== undefined;

/** o[k] as read on o's deep copy (a fresh object literal: what it lacks comes from Object.prototype). */
function copied(o: Record<string, unknown>, k: string): unknown {
  return held(o, k) ? o[k] : (Object.prototype as Record<string, unknown>)[k];
}

/** isEmpty of the deep copy: an object with no key holding a value counts as empty. */
function isEmptyCopy(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (!isObject(v)) return false;
  for (const k in v) if (v[k] !== undefined) return false;
  return true;
}

/**
 * withoutHash(t) as copiesEqual reads it, without copying the template: the labels (and the
 * metadata holding them) are copied only when they carry the hash; the rest is t's own, read only.
 */
function hashless(t: PodTemplate | undefined): PodTemplate {
  const tpl = t ?? {};
  const labels = tpl.metadata?.labels;
  if (!labels || !hasOwn(labels, POD_TEMPLATE_HASH)) return tpl;
  const rest: Record<string, string> = {};
  for (const k of Object.keys(labels)) if (k !== POD_TEMPLATE_HASH) rest[k] = labels[k];
  return { ...tpl, metadata: { ...tpl.metadata, labels: rest } };
}

/** Verdicts of equalIgnoreHash on stored (frozen, so unchanging) templates: first → second → equal. */
const templateVerdicts = new WeakMap<object, WeakMap<object, boolean>>();

/**
 * EqualIgnoreHash: templates equal once the pod-template-hash label is dropped from both. Every
 * sync compares the Deployment's template with each of its ReplicaSets' (several times); stored
 * templates do not change, so each pair is compared once.
 */
export function equalIgnoreHash(a: PodTemplate | undefined, b: PodTemplate | undefined): boolean {
  if (!a || !b || !Object.isFrozen(a) || !Object.isFrozen(b)) {
    return copiesEqual(hashless(a), hashless(b));
  }
  let verdicts = templateVerdicts.get(a);
  if (!verdicts) templateVerdicts.set(a, (verdicts = new WeakMap()));
  let equal = verdicts.get(b);
  if (equal === undefined) {
    equal = copiesEqual(hashless(a), hashless(b));
    verdicts.set(b, equal);
  }
  return equal;
}

export function selectorMatches(
  sel: LabelSelector | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  try {
    return matches(fromLabelSelector(sel), labels ?? {});
  } catch {
    return false;
  }
}

/** metav1.LabelSelector{} (selects everything). */
export function isEmptySelector(sel: LabelSelector | undefined): boolean {
  return (
    !!sel && Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0
  );
}

export const hasProgressDeadline = (d: Deployment): boolean =>
  d.spec.progressDeadlineSeconds !== undefined &&
  d.spec.progressDeadlineSeconds !== null &&
  d.spec.progressDeadlineSeconds !== MAX_INT32;

export const hasRevisionHistoryLimit = (d: Deployment): boolean =>
  d.spec.revisionHistoryLimit !== undefined &&
  d.spec.revisionHistoryLimit !== null &&
  d.spec.revisionHistoryLimit !== MAX_INT32;
