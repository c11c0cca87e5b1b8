/**
 * OpenAPI v3 component schemas from the field schemas (`api/schema`): what kubectl reads for
 * `explain` and field validation, and what the editor turns into YAML completion and hover docs.
 */
import type { FieldSchema, TypeSchema } from '../schema/types';
import { typeSchema } from '../schema';

export type JsonSchema = { [key: string]: unknown };

const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

/** Named helper types every document that uses them carries, as upstream's do. */
export const BUILTIN_SCHEMAS: Record<string, JsonSchema> = {
  [INT_OR_STRING]: {
    description: 'IntOrString is a type that can hold an int32 or a string.',
    format: 'int-or-string',
    type: 'string',
  },
  [QUANTITY]: {
    description: 'Quantity is a fixed-point representation of a number, such as 100m or 1Gi.',
    type: 'string',
  },
};

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** One field as OpenAPI: refs wrapped in allOf (so a description can sit beside them), lists with their patch metadata. */
export function fieldToOpenApi(field: FieldSchema, uses: Set<string>): JsonSchema {
  const doc: JsonSchema = {};
  switch (field.type) {
    case 'string':
      doc.type = 'string';
      if (field.format) doc.format = field.format;
      if (field.enum) doc.enum = [...field.enum];
      break;
    case 'integer':
      doc.type = 'integer';
      doc.format = field.format ?? 'int32';
      break;
    case 'number':
      doc.type = 'number';
      doc.format = 'double';
      break;
    case 'boolean':
      doc.type = 'boolean';
      break;
    case 'int-or-string':
      uses.add(INT_OR_STRING);
      doc.allOf = [ref(INT_OR_STRING)];
      break;
    case 'quantity':
      uses.add(QUANTITY);
      doc.allOf = [ref(QUANTITY)];
      break;
    case 'ref':
      uses.add(field.ref);
      doc.allOf = [ref(field.ref)];
      if (field.patchStrategy) doc['x-kubernetes-patch-strategy'] = field.patchStrategy;
      break;
    case 'map':
      doc.type = 'object';
      doc.additionalProperties = fieldToOpenApi(field.values, uses);
      break;
    case 'array':
      doc.type = 'array';
      doc.items = fieldToOpenApi(field.items, uses);
      if (field.listType) doc['x-kubernetes-list-type'] = field.listType;
      if (field.listMapKeys) doc['x-kubernetes-list-map-keys'] = [...field.listMapKeys];
      if (field.patchMergeKey) doc['x-kubernetes-patch-merge-key'] = field.patchMergeKey;
      if (field.patchStrategy) doc['x-kubernetes-patch-strategy'] = field.patchStrategy;
      break;
    case 'any':
      doc.type = 'object';
      doc['x-kubernetes-preserve-unknown-fields'] = true;
      break;
  }
  if (field.description) doc.description = field.description;
  return doc;
}

export function typeToOpenApi(t: TypeSchema, uses: Set<string>): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const name of Object.keys(t.fields).sort()) properties[name] = fieldToOpenApi(t.fields[name], uses);
  const doc: JsonSchema = { type: 'object', properties };
  if (t.description) doc.description = t.description;
  if (t.required?.length) doc.required = [...t.required];
  return doc;
}

/** Every type reachable from `roots`, as OpenAPI component schemas keyed by definition name. */
export function componentSchemas(roots: readonly string[]): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  const queue = [...roots];
  while (queue.length) {
    const name = queue.shift()!;
    if (out[name]) continue;
    if (BUILTIN_SCHEMAS[name]) {
      out[name] = BUILTIN_SCHEMAS[name];
      continue;
    }
    const t = typeSchema(name);
    if (!t) continue;
    const uses = new Set<string>();
    out[name] = typeToOpenApi(t, uses);
    for (const u of uses) if (!out[u]) queue.push(u);
  }
  const sorted: Record<string, JsonSchema> = {};
  for (const k of Object.keys(out).sort()) sorted[k] = out[k];
  return sorted;
}
