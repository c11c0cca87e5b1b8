/**
 * Removing what an applier stopped applying (SMD's prune): the fields it applied last time, less
 * what anybody (itself included) owns now, are removed from the merged object. As upstream, a
 * declared struct field counts as owned whenever something below it is, so `ports` goes as a
 * whole rather than leaving `ports: []` behind.
 */
import type { FieldSchema } from '../schema/types';
import { DOT, LEAF, type Fields, difference, isMember } from './fields';
import { shapeOf, type Shape } from './shape';
import { keyElement, valueElement } from './path';

const UNTYPED: Shape = { kind: 'untyped' };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** SMD's EnsureNamedFieldsAreMembers: every declared struct field in the set becomes a member. */
export function namedFieldsAsMembers(set: Fields, f: FieldSchema | undefined, root = true): Fields {
  const s = f ? shapeOf(f) : UNTYPED;
  const out: Fields = {};
  for (const k in set) {
    if (k === DOT) {
      out[DOT] = LEAF;
      continue;
    }
    let child = set[k];
    let childField: FieldSchema | undefined;
    if (s.kind === 'struct' && k.startsWith('f:')) childField = s.type.fields[k.slice(2)];
    else if (s.kind === 'map') childField = s.values;
    else if (s.kind === 'list') childField = s.items;
    child = namedFieldsAsMembers(child, childField, false);
    if (s.kind === 'struct' && childField && !isMember(child)) child = { [DOT]: LEAF, ...child };
    out[k] = child;
  }
  void root;
  return out;
}

/** The paths to remove: applied last time, owned by nobody now. */
export function pruneSet(lastApplied: Fields, ownedNow: Fields, root: FieldSchema | undefined): Fields {
  return difference(namedFieldsAsMembers(lastApplied, root), namedFieldsAsMembers(ownedNow, root));
}

/** A copy of `value` without the members of `set` (the values at those paths are removed). */
export function removeItems(value: unknown, set: Fields, f: FieldSchema | undefined): unknown {
  const s = f ? shapeOf(f) : UNTYPED;
  if (isObject(value)) {
    const out: Record<string, unknown> = { ...value };
    for (const e in set) {
      if (e === DOT || !e.startsWith('f:')) continue;
      const k = e.slice(2);
      if (!(k in out)) continue;
      if (isMember(set[e])) delete out[k];
      else {
        const cf = s.kind === 'struct' ? s.type.fields[k] : s.kind === 'map' ? s.values : undefined;
        out[k] = removeItems(out[k], set[e], cf);
      }
    }
    return out;
  }
  if (Array.isArray(value) && s.kind === 'list' && s.rel !== 'atomic') {
    const out: unknown[] = [];
    for (const item of value) {
      const e = s.rel === 'set' ? valueElement(item) : isObject(item) ? keyElement(item, s.keys) : undefined;
      const n = e === undefined ? undefined : set[e];
      if (!n) out.push(item);
      else if (!isMember(n)) out.push(removeItems(item, n, s.items));
    }
    return out;
  }
  return value;
}
