import { applyDefaults } from '../../../../sandbox/api/defaults';
import { resourceForKind } from '../../../../sandbox/api/resources';
import type { KubeObject } from '../../../../sandbox/api/types';

export type Json = Record<string, unknown>;

/** A defaulted copy of `input`, as the API server would store it. */
export function defaulted(input: Json): Json {
  const obj = JSON.parse(JSON.stringify(input)) as KubeObject;
  const r = resourceForKind(obj.apiVersion, obj.kind);
  if (!r) throw new Error(`no resource for ${obj.apiVersion} ${obj.kind}`);
  applyDefaults(r, obj);
  return obj as unknown as Json;
}
