/**
 * A compact description of the Kubernetes types the API server serves: enough for strict decoding
 * (unknown fields), strategic merge patch (merge keys, patch strategies), OpenAPI documents,
 * `kubectl explain` and the editor's YAML schemas. One table serves them all.
 */
export type PatchStrategy = 'merge' | 'replace' | 'retainKeys' | 'merge,retainKeys';

interface Documented {
  description?: string;
  /**
   * The Go type as upstream decode errors print it (`v1.Protocol`, `types.UID`, `v1.ResourceList`), when
   * it is not the obvious one (`string`, `int32`, `bool`, `v1.<ref>`, `[]<items>`, `map[string]<values>`).
   */
  goType?: string;
}

export type FieldSchema = Documented &
  (
    | { type: 'string'; enum?: string[]; format?: 'date-time' | 'byte' }
    | { type: 'integer'; format?: 'int32' | 'int64' }
    | { type: 'number' }
    | { type: 'boolean' }
    /** intstr.IntOrString */
    | { type: 'int-or-string' }
    /** resource.Quantity: a string or a number */
    | { type: 'quantity' }
    /** A named struct, see `TypeSchema`. */
    | { type: 'ref'; ref: string; patchStrategy?: PatchStrategy }
    | {
        type: 'map';
        values: FieldSchema;
        /** `x-kubernetes-map-type` */
        mapType?: 'atomic' | 'granular';
      }
    | {
        type: 'array';
        items: FieldSchema;
        /** `x-kubernetes-patch-strategy` */
        patchStrategy?: PatchStrategy;
        /** `x-kubernetes-patch-merge-key` */
        patchMergeKey?: string;
        /** `x-kubernetes-list-type` */
        listType?: 'atomic' | 'map' | 'set';
        listMapKeys?: string[];
      }
    /** Free-form JSON (RawExtension, fieldsV1). */
    | { type: 'any' }
  );

export interface TypeSchema {
  /** OpenAPI definition name, e.g. `io.k8s.api.core.v1.PodSpec`. */
  name: string;
  description?: string;
  /** In Go struct order, which is the order the real server writes the JSON keys in. */
  fields: Record<string, FieldSchema>;
  required?: string[];
  /** `x-kubernetes-map-type` of the struct (upstream `+structType`). */
  structType?: 'atomic' | 'granular';
}

/** Where a top-level kind starts: `apps/v1` + `Deployment` → `io.k8s.api.apps.v1.Deployment`. */
export interface KindSchema {
  apiVersion: string;
  kind: string;
  type: string;
}
