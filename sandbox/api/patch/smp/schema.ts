/**
 * Patch metadata lookups (apimachinery's `LookupPatchMeta`) over our type schemas: the patch
 * strategy and merge key of a field, and the schema to use below it. Upstream looks fields up in
 * the Go structs and fails on an unknown field; the typed object can never contain one, so here
 * an unknown field, an unknown type or a free-form value simply has no metadata (its lists are
 * replaced, its maps merged).
 */
import type { FieldSchema, TypeSchema } from '../../schema/types';
import { formatV } from '../go-format';
import { smpError } from './errors';

export type SchemaResolver = (typeName: string) => TypeSchema | undefined;

export interface PatchMeta {
  strategies: string[];
  mergeKey: string;
}

const NO_META: PatchMeta = { strategies: [], mergeKey: '' };

export class PatchSchema {
  private constructor(
    private readonly resolve: SchemaResolver | undefined,
    private readonly node: FieldSchema | undefined,
  ) {}

  /** The schema of a top-level type (e.g. `io.k8s.api.apps.v1.Deployment`); schemaless without one. */
  static of(typeName: string | undefined, resolve: SchemaResolver | undefined): PatchSchema {
    return new PatchSchema(resolve, typeName ? { type: 'ref', ref: typeName } : undefined);
  }

  private child(key: string): FieldSchema | undefined {
    const node = this.node;
    if (!node) return undefined;
    if (node.type === 'map') return node.values;
    if (node.type !== 'ref') return undefined;
    const t = this.resolve?.(node.ref);
    return t && Object.prototype.hasOwnProperty.call(t.fields, key) ? t.fields[key] : undefined;
  }

  private meta(f: FieldSchema | undefined): PatchMeta {
    if (!f) return NO_META;
    const strategy = f.type === 'array' || f.type === 'ref' ? f.patchStrategy : undefined;
    const mergeKey = f.type === 'array' ? (f.patchMergeKey ?? '') : '';
    return { strategies: strategy ? strategy.split(',') : [], mergeKey };
  }

  /** `LookupPatchMetadataForStruct`: for a field holding an object. */
  forStruct(key: string): [PatchSchema, PatchMeta] {
    const f = this.child(key);
    return [new PatchSchema(this.resolve, f), this.meta(f)];
  }

  /** `LookupPatchMetadataForSlice`: for a field holding a list; the schema is the items'. */
  forSlice(key: string): [PatchSchema, PatchMeta] {
    const f = this.child(key);
    if (!f || f.type !== 'array') return [new PatchSchema(this.resolve, undefined), NO_META];
    return [new PatchSchema(this.resolve, f.items), this.meta(f)];
  }

  /** The type's name in `cannot merge lists without merge key for struct`. */
  name(): string {
    return 'struct';
  }
}

export interface Strategy {
  retainKeys: boolean;
  strategy: string;
}

/** `extractRetainKeysPatchStrategy`: `retainKeys` plus at most one other strategy. */
export function extractStrategy(strategies: string[]): Strategy {
  switch (strategies.length) {
    case 0:
      return { retainKeys: false, strategy: '' };
    case 1:
      return strategies[0] === 'retainKeys'
        ? { retainKeys: true, strategy: '' }
        : { retainKeys: false, strategy: strategies[0] };
    case 2:
      if (strategies[0] === 'retainKeys') return { retainKeys: true, strategy: strategies[1] };
      if (strategies[1] === 'retainKeys') return { retainKeys: true, strategy: strategies[0] };
      break;
  }
  throw smpError(`unexpected patch strategy: ${formatV(strategies)}`);
}
