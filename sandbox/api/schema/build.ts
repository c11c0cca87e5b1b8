/**
 * Small constructors that keep the schema data files short: one line per field.
 */
import type { FieldSchema, PatchStrategy, TypeSchema } from './types';

export const core = (name: string): string => `io.k8s.api.core.v1.${name}`;
export const apps = (name: string): string => `io.k8s.api.apps.v1.${name}`;
export const discovery = (name: string): string => `io.k8s.api.discovery.v1.${name}`;
export const autoscaling = (name: string): string => `io.k8s.api.autoscaling.v1.${name}`;
export const meta = (name: string): string => `io.k8s.apimachinery.pkg.apis.meta.v1.${name}`;

function doc<T extends FieldSchema>(schema: T, description: string | undefined): T {
  return description === undefined ? schema : { ...schema, description };
}

export function str(description?: string): FieldSchema {
  return doc({ type: 'string' }, description);
}

/** A string with its own Go type name (`types.UID`, `v1.ResourceName`). */
export function named(goType: string, description?: string): FieldSchema {
  return doc({ type: 'string', goType }, description);
}

/** A string type upstream marks `+enum`. */
export function enumOf(goType: string, values: readonly string[], description?: string): FieldSchema {
  return doc({ type: 'string', goType, enum: [...values] }, description);
}

export function int32(description?: string): FieldSchema {
  return doc({ type: 'integer', format: 'int32' }, description);
}

export function int64(description?: string): FieldSchema {
  return doc({ type: 'integer', format: 'int64' }, description);
}

export function bool(description?: string): FieldSchema {
  return doc({ type: 'boolean' }, description);
}

export function quantity(description?: string): FieldSchema {
  return doc({ type: 'quantity' }, description);
}

export function intOrString(description?: string): FieldSchema {
  return doc({ type: 'int-or-string' }, description);
}

/** metav1.Time: RFC 3339 with seconds precision. */
export function time(description?: string): FieldSchema {
  return doc({ type: 'string', format: 'date-time', goType: 'v1.Time' }, description);
}

/** metav1.MicroTime: RFC 3339 with microseconds. */
export function microTime(description?: string): FieldSchema {
  return doc({ type: 'string', format: 'date-time', goType: 'v1.MicroTime' }, description);
}

/** []byte: base64 in JSON. */
export function bytes(description?: string): FieldSchema {
  return doc({ type: 'string', format: 'byte' }, description);
}

/** Free-form JSON (metav1.FieldsV1). */
export function anyJson(description?: string): FieldSchema {
  return doc({ type: 'any' }, description);
}

export function ref(name: string, description?: string, patchStrategy?: PatchStrategy): FieldSchema {
  const schema: FieldSchema = patchStrategy
    ? { type: 'ref', ref: name, patchStrategy }
    : { type: 'ref', ref: name };
  return doc(schema, description);
}

export interface MapOptions {
  goType?: string;
  mapType?: 'atomic' | 'granular';
}

export function mapOf(values: FieldSchema, options: MapOptions = {}, description?: string): FieldSchema {
  return doc({ type: 'map', values, ...options }, description);
}

export interface ListOptions {
  patchStrategy?: PatchStrategy;
  patchMergeKey?: string;
  listType?: 'atomic' | 'map' | 'set';
  listMapKeys?: string[];
}

export function listOf(items: FieldSchema, options: ListOptions = {}, description?: string): FieldSchema {
  return doc({ type: 'array', items, ...options }, description);
}

export interface StructOptions {
  description?: string;
  required?: string[];
  structType?: 'atomic' | 'granular';
}

export function struct(
  name: string,
  fields: Record<string, FieldSchema>,
  options: StructOptions = {},
): TypeSchema {
  return { name, ...options, fields };
}
