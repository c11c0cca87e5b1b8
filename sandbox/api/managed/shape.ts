/**
 * How server-side apply sees each field of our schemas, as kube-openapi's schemaconv turns the
 * OpenAPI of built-in types into structured-merge-diff schemas: `x-kubernetes-list-type` first;
 * otherwise a `merge` patch strategy makes an associative list (keyed by the patch merge key, or
 * a set without one); any other list is atomic. Structs and maps are granular unless marked atomic.
 */
import type { FieldSchema, TypeSchema } from '../schema/types';
import { typeSchema, kindSchema } from '../schema';

export type Shape =
  | { kind: 'scalar' }
  | { kind: 'struct'; type: TypeSchema; atomic: boolean }
  | { kind: 'map'; values: FieldSchema; atomic: boolean }
  | { kind: 'list'; items: FieldSchema; rel: 'atomic' | 'set' | 'map'; keys: readonly string[] }
  /** Free-form JSON: maps granular, lists atomic (SMD's deduced type). */
  | { kind: 'untyped' };

const SCALAR: Shape = { kind: 'scalar' };
const UNTYPED: Shape = { kind: 'untyped' };
const cache = new WeakMap<FieldSchema, Shape>();

export function shapeOf(field: FieldSchema): Shape {
  let s = cache.get(field);
  if (!s) {
    s = compute(field);
    cache.set(field, s);
  }
  return s;
}

function compute(f: FieldSchema): Shape {
  switch (f.type) {
    case 'ref': {
      const t = typeSchema(f.ref);
      return t ? { kind: 'struct', type: t, atomic: t.structType === 'atomic' } : UNTYPED;
    }
    case 'map':
      return { kind: 'map', values: f.values, atomic: f.mapType === 'atomic' };
    case 'array': {
      if (f.listType === 'map')
        return { kind: 'list', items: f.items, rel: 'map', keys: f.listMapKeys ?? [] };
      if (f.listType === 'set') return { kind: 'list', items: f.items, rel: 'set', keys: [] };
      if (!f.listType && f.patchStrategy?.startsWith('merge')) {
        return f.patchMergeKey
          ? { kind: 'list', items: f.items, rel: 'map', keys: [f.patchMergeKey] }
          : { kind: 'list', items: f.items, rel: 'set', keys: [] };
      }
      return { kind: 'list', items: f.items, rel: 'atomic', keys: [] };
    }
    case 'any':
      return UNTYPED;
    default:
      return SCALAR;
  }
}

const roots = new Map<string, FieldSchema | null>();

/** The field schema of a whole object of a served kind (undefined for a kind we have no schema for). */
export function rootField(apiVersion: string, kind: string): FieldSchema | undefined {
  const key = `${apiVersion}|${kind}`;
  let f = roots.get(key);
  if (f === undefined) {
    const k = kindSchema(apiVersion, kind);
    f = k ? { type: 'ref', ref: k.type } : null;
    roots.set(key, f);
  }
  return f ?? undefined;
}
