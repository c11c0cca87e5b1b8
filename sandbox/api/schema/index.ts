/**
 * The field schemas of every served type, looked up by OpenAPI definition name or by apiVersion + kind.
 */
import { APPS_TYPES } from './apps';
import { AUTOSCALING_TYPES } from './autoscaling';
import { CORE_CONTAINER_TYPES } from './core-container';
import { CORE_MISC_TYPES } from './core-misc';
import { CORE_NODE_TYPES } from './core-node';
import { CORE_POD_TYPES } from './core-pod';
import { CORE_POD_STATUS_TYPES } from './core-pod-status';
import { CORE_PROBE_TYPES } from './core-probe';
import { CORE_SCHEDULING_TYPES } from './core-scheduling';
import { CORE_SECURITY_TYPES } from './core-security';
import { CORE_SERVICE_TYPES } from './core-service';
import { CORE_VOLUME_TYPES } from './core-volume';
import { DISCOVERY_TYPES } from './discovery';
import { KINDS, OPTION_KINDS } from './kinds';
import { META_TYPES } from './meta';
import type { FieldSchema, KindSchema, TypeSchema } from './types';

export type { FieldSchema, KindSchema, PatchStrategy, TypeSchema } from './types';
export { KINDS, OPTION_KINDS } from './kinds';

const ALL_TYPES: readonly TypeSchema[] = [
  ...META_TYPES,
  ...CORE_POD_TYPES,
  ...CORE_POD_STATUS_TYPES,
  ...CORE_CONTAINER_TYPES,
  ...CORE_PROBE_TYPES,
  ...CORE_SECURITY_TYPES,
  ...CORE_SCHEDULING_TYPES,
  ...CORE_VOLUME_TYPES,
  ...CORE_SERVICE_TYPES,
  ...CORE_NODE_TYPES,
  ...CORE_MISC_TYPES,
  ...APPS_TYPES,
  ...DISCOVERY_TYPES,
  ...AUTOSCALING_TYPES,
];

const byName = new Map<string, TypeSchema>(ALL_TYPES.map((t) => [t.name, t]));
const byKind = new Map<string, KindSchema>(KINDS.map((k) => [`${k.apiVersion}|${k.kind}`, k]));

/** A type by its OpenAPI definition name, e.g. `io.k8s.api.apps.v1.DeploymentSpec`. */
export function typeSchema(name: string): TypeSchema | undefined {
  return byName.get(name);
}

/**
 * A served kind (`apps/v1`, `Deployment`). `DeleteOptions` resolves in `meta.k8s.io/v1` and in the
 * group version of any served kind.
 */
export function kindSchema(apiVersion: string, kind: string): KindSchema | undefined {
  const served = byKind.get(`${apiVersion}|${kind}`);
  if (served) return served;
  const option = OPTION_KINDS.find((k) => k.kind === kind);
  if (!option) return undefined;
  if (apiVersion === option.apiVersion) return option;
  return KINDS.some((k) => k.apiVersion === apiVersion) ? { ...option, apiVersion } : undefined;
}

/** The served kinds (not the list kinds, not DeleteOptions). */
export function allKinds(): readonly KindSchema[] {
  return KINDS;
}

/** Every type reachable from the served kinds. */
export function allTypes(): readonly TypeSchema[] {
  return ALL_TYPES;
}

/** The top-level type of a kind: `typeOfKind('apps/v1', 'Deployment')` → the Deployment struct. */
export function typeOfKind(apiVersion: string, kind: string): TypeSchema | undefined {
  const k = kindSchema(apiVersion, kind);
  return k ? byName.get(k.type) : undefined;
}

/** One field of a struct: `fieldSchema('io.k8s.api.core.v1.PodSpec', 'containers')`. */
export function fieldSchema(typeName: string, fieldName: string): FieldSchema | undefined {
  const t = byName.get(typeName);
  if (!t || !Object.prototype.hasOwnProperty.call(t.fields, fieldName)) return undefined;
  return t.fields[fieldName];
}

/**
 * The struct a field holds, directly (`ref`) or as the element of a list or map:
 * `elementType(fieldSchema(PodSpec, 'containers'))` → Container.
 */
export function elementType(field: FieldSchema | undefined): TypeSchema | undefined {
  if (!field) return undefined;
  switch (field.type) {
    case 'ref':
      return byName.get(field.ref);
    case 'array':
      return elementType(field.items);
    case 'map':
      return elementType(field.values);
    default:
      return undefined;
  }
}

/** The Go struct name upstream error messages use: `io.k8s.api.apps.v1.DeploymentSpec` → `DeploymentSpec`. */
export function goStructName(typeName: string): string {
  return typeName.slice(typeName.lastIndexOf('.') + 1);
}

/**
 * The Go type as upstream decode errors print it: `int32`, `string`, `v1.Protocol`, `[]v1.Container`,
 * `map[string]string`, `v1.ResourceList`. Pointers are not shown (the decoder dereferences them).
 */
export function goTypeName(field: FieldSchema): string {
  if (field.goType) return field.goType;
  switch (field.type) {
    case 'string':
      return field.format === 'byte' ? '[]uint8' : 'string';
    case 'integer':
      return field.format ?? 'int64';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    case 'int-or-string':
      return 'intstr.IntOrString';
    case 'quantity':
      return 'resource.Quantity';
    case 'ref':
      return `v1.${goStructName(field.ref)}`;
    case 'map':
      return `map[string]${goTypeName(field.values)}`;
    case 'array':
      return `[]${goTypeName(field.items)}`;
    case 'any':
      return 'interface {}';
  }
}
