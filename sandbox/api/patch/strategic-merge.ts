/**
 * Strategic merge patch (`application/strategic-merge-patch+json`) as apimachinery implements it
 * for built-in types (`util/strategicpatch`), driven by our type schemas: lists with patch
 * strategy `merge` are merged by their merge key (scalars as sets), other lists are replaced;
 * `null` deletes a key; the directives `$patch` (delete, replace; merge is refused),
 * `$retainKeys`, `$setElementOrder/<list>` and `$deleteFromPrimitiveList/<list>` are honoured.
 * The algorithm lives in `smp/`; this file is its public face.
 */
import type { JsonObject } from '../types';
import { cloneJson, isJsonObject } from './json-value';
import { SERVER_MERGE, mergeMap } from './smp/merge-map';
import { PatchSchema, type SchemaResolver } from './smp/schema';

export type { SchemaResolver } from './smp/schema';
export { StrategicMergePatchError, SmpPanic } from './smp/errors';
export {
  createTwoWayMergePatch,
  createThreeWayMergePatch,
  requireKeyUnchanged,
  requireMetadataKeyUnchanged,
  PreconditionFailedError,
  MergeConflictError,
  type PreconditionFn,
} from './smp/create';

/**
 * Applies a strategic merge patch to a copy of `original` (apimachinery
 * `StrategicMergeMapPatch`). `typeName` names the schema of `original` (e.g.
 * `io.k8s.api.apps.v1.Deployment`); without it, or for types `resolve` does not know, no list
 * is merged. Throws `StrategicMergePatchError` (or `SmpPanic` where upstream would crash).
 */
export function strategicMergePatch(
  original: JsonObject,
  patch: JsonObject | null,
  typeName: string | undefined,
  resolve: SchemaResolver | undefined,
): JsonObject {
  const out = cloneJson(original);
  if (!isJsonObject(patch)) return out;
  return mergeMap(out, cloneJson(patch), PatchSchema.of(typeName, resolve), SERVER_MERGE);
}
