/**
 * The fields an applied configuration sets (SMD's ToFieldSet): every scalar, every atomic value,
 * every list item (with `.`), every map entry, and struct fields only where they are null or an
 * empty object; a struct field with content is owned through its children only.
 */
import type { FieldSchema } from '../schema/types';
import { DOT, LEAF, type Fields } from './fields';
import { shapeOf, type Shape } from './shape';
import { fieldElement, keyElement, valueElement } from './path';
import { STRIPPED_META } from './compare';

const UNTYPED: Shape = { kind: 'untyped' };

/** Thrown for a list item that cannot be addressed (missing key field); the server answers 500/422 for it. */
export class UnaddressableItem extends Error {}

export function appliedSet(config: Record<string, unknown>, root: FieldSchema | undefined): Fields {
  const s = root ? shapeOf(root) : UNTYPED;
  const out: Fields = {};
  for (const k in config) {
    if (k === 'apiVersion' || k === 'kind') continue;
    const v = config[k];
    const f = s.kind === 'struct' ? s.type.fields[k] : undefined;
    const n = k === 'metadata' && isObject(v) ? metaSet(v, f) : valueSet(v, f, s.kind !== 'struct' || !f);
    if (n) out[fieldElement(k)] = n;
  }
  return out;
}

function metaSet(m: Record<string, unknown>, f: FieldSchema | undefined): Fields | undefined {
  const s = f ? shapeOf(f) : UNTYPED;
  let out: Fields | undefined;
  for (const k in m) {
    if (STRIPPED_META.has(k)) continue;
    const n = valueSet(m[k], s.kind === 'struct' ? s.type.fields[k] : undefined, false);
    if (n) (out ??= {})[fieldElement(k)] = n;
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The node of one value. `entry`: the value is a map entry (not a declared struct field), which is
 * a member even when it has children.
 */
function valueSet(v: unknown, f: FieldSchema | undefined, entry: boolean): Fields | undefined {
  if (v === undefined) return undefined;
  const s = f ? shapeOf(f) : UNTYPED;
  let kids: Fields | undefined;
  let member = entry;
  switch (s.kind) {
    case 'scalar':
      return LEAF;
    case 'struct':
    case 'map':
    case 'untyped': {
      // null, a scalar or a list here is a leaf.
      if (!isObject(v)) return LEAF;
      if (s.kind !== 'untyped' && s.atomic) return LEAF;
      let any = false;
      for (const k in v) {
        any = true;
        const declared = s.kind === 'struct' ? s.type.fields[k] : undefined;
        const childField = s.kind === 'struct' ? declared : s.kind === 'map' ? s.values : undefined;
        const n = valueSet(v[k], childField, !declared);
        if (n) (kids ??= {})[fieldElement(k)] = n;
      }
      if (!any) return LEAF;
      break;
    }
    case 'list': {
      if (!Array.isArray(v) || s.rel === 'atomic') return LEAF;
      for (const item of v) {
        if (s.rel === 'set') {
          (kids ??= {})[valueElement(item)] = LEAF;
          continue;
        }
        const e = isObject(item) ? keyElement(item, s.keys) : undefined;
        if (e === undefined) throw new UnaddressableItem(JSON.stringify(item));
        const n = valueSet(item, s.items, false) ?? LEAF;
        (kids ??= {})[e] = isEmptyNode(n) ? LEAF : { [DOT]: LEAF, ...n };
      }
      // An empty list: nothing to own below it, and a declared field with content only.
      if (!kids) return entry ? LEAF : undefined;
      member = entry;
      break;
    }
  }
  if (!kids) return member ? LEAF : undefined;
  return member ? { [DOT]: LEAF, ...kids } : kids;
}

function isEmptyNode(n: Fields): boolean {
  for (const _ in n) return false;
  return true;
}
