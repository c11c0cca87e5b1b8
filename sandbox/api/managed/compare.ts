/**
 * What an update changed, as structured-merge-diff's Compare sees it: the paths added or modified
 * (a leaf whose value differs, or a map, list or list item that was absent) and the paths removed.
 * Update operations own the changed paths and take the removed ones from everyone. Walks both
 * objects together and skips subtrees they share, so a status write costs only its status. Plain
 * loops writing into the parent's node, no closures or tuples: this runs on every write.
 */
import type { FieldSchema } from '../schema/types';
import { DOT, LEAF, type Fields } from './fields';
import { shapeOf, type Shape } from './shape';
import { fieldElement, keyElement, valueElement } from './path';

export interface Comparison {
  changed: Fields;
  removed: Fields;
}

/** Fields the server sets or that never count for ownership (apiserver's stripMeta). */
export const STRIPPED_META = new Set([
  'name',
  'namespace',
  'creationTimestamp',
  'selfLink',
  'uid',
  'generation',
  'managedFields',
  'resourceVersion',
]);
const TYPE_META = new Set(['apiVersion', 'kind']);

const UNTYPED: Shape = { kind: 'untyped' };
type ListShape = Extract<Shape, { kind: 'list' }>;

/** The changed and removed children of one node, filled in as they are found. */
interface Acc {
  c: Fields | undefined;
  r: Fields | undefined;
}

export function compare(
  lhs: Record<string, unknown>,
  rhs: Record<string, unknown>,
  root: FieldSchema | undefined,
): Comparison {
  const acc: Acc = { c: undefined, r: undefined };
  mapKids(acc, lhs, rhs, root ? shapeOf(root) : UNTYPED, TYPE_META, true);
  return { changed: acc.c ?? {}, removed: acc.r ?? {} };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function emptyish(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isObject(v)) {
    for (const _ in v) return false;
    return true;
  }
  return false;
}

/** Record the difference of one child (element `e`) of a node into the node's accumulator. */
function child(acc: Acc, e: string, l: unknown, r: unknown, f: FieldSchema | undefined): void {
  if (l === r) return;
  if (l === undefined) {
    (acc.c ??= {})[e] = added(r, f);
    return;
  }
  if (r === undefined) {
    (acc.r ??= {})[e] = added(l, f);
    return;
  }
  const s = f ? shapeOf(f) : UNTYPED;
  let sub: Acc | undefined;
  if (s.kind === 'struct' || s.kind === 'map' || s.kind === 'untyped') {
    const granular = s.kind === 'untyped' ? isObject(l) || isObject(r) : !s.atomic;
    if (
      granular &&
      (l === null || isObject(l)) &&
      (r === null || isObject(r)) &&
      !(emptyish(l) && emptyish(r))
    ) {
      sub = { c: undefined, r: undefined };
      mapKids(
        sub,
        l as Record<string, unknown> | null,
        r as Record<string, unknown> | null,
        s,
        undefined,
        false,
      );
    }
  } else if (s.kind === 'list' && s.rel !== 'atomic') {
    if ((l === null || Array.isArray(l)) && (r === null || Array.isArray(r)) && !(emptyish(l) && emptyish(r)))
      sub = listKids(l as unknown[] | null, r as unknown[] | null, s);
  }
  if (!sub) {
    // A leaf: a scalar, an atomic value, or empty on both sides.
    if (!sameValue(l, r)) (acc.c ??= {})[e] = LEAF;
    return;
  }
  if (sub.c) (acc.c ??= {})[e] = sub.c;
  if (sub.r) (acc.r ??= {})[e] = sub.r;
}

/** The node of a value that was absent before (or is gone): all of it (the fast path of every create). */
function added(r: unknown, f: FieldSchema | undefined): Fields {
  const s = f ? shapeOf(f) : UNTYPED;
  let out: Fields | undefined;
  if (s.kind === 'struct' || s.kind === 'map' || s.kind === 'untyped') {
    if (!isObject(r) || (s.kind !== 'untyped' && s.atomic)) return LEAF;
    for (const k in r) {
      const v = r[k];
      if (v === undefined) continue;
      const cf = s.kind === 'struct' ? s.type.fields[k] : s.kind === 'map' ? s.values : undefined;
      (out ??= { [DOT]: LEAF })[fieldElement(k)] = added(v, cf);
    }
  } else if (s.kind === 'list' && s.rel !== 'atomic' && Array.isArray(r) && r.length) {
    const keys = keysOf(r, s);
    if (!keys) return LEAF;
    out = { [DOT]: LEAF };
    for (let i = 0; i < r.length; i++) {
      if (keys[i] in out) continue;
      out[keys[i]] = s.rel === 'set' ? LEAF : added(r[i], s.items);
    }
  }
  return out ?? LEAF;
}

/** The declared field names of a struct, once: walking them beats `for…in` over stored objects. */
const fieldNames = new WeakMap<object, readonly string[]>();

function namesOf(fields: Record<string, FieldSchema>): readonly string[] {
  let names = fieldNames.get(fields);
  if (!names) fieldNames.set(fields, (names = Object.keys(fields)));
  return names;
}

function mapKids(
  acc: Acc,
  l: Record<string, unknown> | null,
  r: Record<string, unknown> | null,
  s: Shape,
  skip: ReadonlySet<string> | undefined,
  top: boolean,
): void {
  if (s.kind === 'struct') {
    // A decoded object has only declared fields: look each one up on both sides.
    const fields = s.type.fields;
    const names = namesOf(fields);
    for (let i = 0; i < names.length; i++) {
      const k = names[i];
      const lv = l ? l[k] : undefined;
      const rv = r ? r[k] : undefined;
      if (lv === rv || (skip && skip.has(k))) continue;
      if (top && k === 'metadata') metadata(acc, lv, rv, fields[k]);
      else child(acc, fieldElement(k), lv, rv, fields[k]);
    }
    return;
  }
  const values = s.kind === 'map' ? s.values : undefined;
  if (l) {
    for (const k in l) {
      const lv = l[k];
      const rv = r ? r[k] : undefined;
      if (lv === rv || (skip && skip.has(k))) continue;
      child(acc, fieldElement(k), lv, rv, values);
    }
  }
  if (r) {
    for (const k in r) {
      if ((l && k in l) || (skip && skip.has(k))) continue;
      child(acc, fieldElement(k), undefined, r[k], values);
    }
  }
}

/** metadata is never owned itself, nor its server-set fields. */
function metadata(acc: Acc, l: unknown, r: unknown, f: FieldSchema | undefined): void {
  const sub: Acc = { c: undefined, r: undefined };
  mapKids(
    sub,
    isObject(l) ? l : null,
    isObject(r) ? r : null,
    f ? shapeOf(f) : UNTYPED,
    STRIPPED_META,
    false,
  );
  const e = fieldElement('metadata');
  if (sub.c) (acc.c ??= {})[e] = sub.c;
  if (sub.r) (acc.r ??= {})[e] = sub.r;
}

/** The path elements of a list's items; undefined when one cannot be addressed. */
function keysOf(list: readonly unknown[], s: ListShape): string[] | undefined {
  const out: string[] = new Array<string>(list.length);
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const e = s.rel === 'set' ? valueElement(item) : isObject(item) ? keyElement(item, s.keys) : undefined;
    if (e === undefined) return undefined;
    out[i] = e;
  }
  return out;
}

function listKids(l: unknown[] | null, r: unknown[] | null, s: ListShape): Acc | undefined {
  const lk = l ? keysOf(l, s) : [];
  const rk = r ? keysOf(r, s) : [];
  // Items that cannot be keyed: the list is compared as a whole.
  if (!lk || !rk) return undefined;
  const acc: Acc = { c: undefined, r: undefined };
  const itemField = s.rel === 'set' ? undefined : s.items;
  // Lists here are short (conditions, ports, containers): a linear search beats building maps.
  for (let i = 0; i < lk.length; i++) {
    if (lk.indexOf(lk[i]) !== i) continue; // a duplicate key: the first item counts
    const j = rk.indexOf(lk[i]);
    const rv = j < 0 ? undefined : r![j];
    if (s.rel === 'set') {
      if (rv === undefined) (acc.r ??= {})[lk[i]] = LEAF;
    } else child(acc, lk[i], l![i], rv, itemField);
  }
  for (let j = 0; j < rk.length; j++) {
    if (rk.indexOf(rk[j]) !== j || lk.includes(rk[j])) continue;
    if (s.rel === 'set') (acc.c ??= {})[rk[j]] = LEAF;
    else child(acc, rk[j], undefined, r![j], itemField);
  }
  return acc;
}

/** JSON equality without allocating (an undefined value counts as absent), for atomic leaves. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    const v = x[k];
    if (v === undefined) continue;
    n++;
    if (!sameValue(v, y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined) n--;
  return n === 0;
}
