/**
 * JSON Schemas (draft-07) for the editor's YAML support (validation, completion, hover), made from
 * the same OpenAPI v3 documents the API server publishes, so the editor knows exactly the fields
 * the simulated cluster accepts, with the same descriptions `kubectl explain` prints.
 *
 * The translation: `#/components/schemas/X` refs become `#/definitions/X`; every struct rejects
 * unknown fields (the API server decodes kubectl's writes strictly, so the editor flags what the
 * server would refuse); every value may also be `null` (Kubernetes treats null as unset, and
 * `kubectl get -o yaml` prints `creationTimestamp: null` in pod templates); IntOrString and
 * Quantity accept numbers and strings; OpenAPI-only keys (formats, `x-kubernetes-*`) are dropped.
 */
import { RESOURCES, apiVersionOf, type ResourceInfo } from '../resources';
import { groupVersionDocument, groupVersionPath } from './documents';
import type { JsonSchema } from './schemas';

/** The kinds the lessons let the reader write or edit. */
export const EDITOR_KINDS: readonly string[] = [
  'Deployment',
  'ReplicaSet',
  'ReplicationController',
  'Pod',
  'Service',
  'ConfigMap',
  'Namespace',
];

export interface KindJsonSchema {
  apiVersion: string;
  kind: string;
  /** A self-contained draft-07 schema of one object of this kind. */
  schema: JsonSchema;
}

const OPENAPI_REF = '#/components/schemas/';
const DEFINITIONS_REF = '#/definitions/';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

function isObject(v: unknown): v is JsonSchema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function refName(node: JsonSchema): string | undefined {
  const r = node.$ref;
  return typeof r === 'string' && r.startsWith(OPENAPI_REF) ? r.slice(OPENAPI_REF.length) : undefined;
}

/** `type: T` → `type: [T, 'null']`; an enum also admits null. */
function nullable(type: string | string[]): string[] {
  const list = Array.isArray(type) ? type : [type];
  return list.includes('null') ? list : [...list, 'null'];
}

/** One OpenAPI schema node as draft-07; `uses` collects the definitions it refers to. */
function convert(node: JsonSchema, uses: Set<string>): JsonSchema {
  const name = refName(node);
  if (name !== undefined) {
    uses.add(name);
    return { $ref: DEFINITIONS_REF + name };
  }
  const out: JsonSchema = {};
  if (typeof node.description === 'string') out.description = node.description;
  if (Array.isArray(node.allOf)) out.allOf = node.allOf.filter(isObject).map((s) => convert(s, uses));
  if (node.type !== undefined) out.type = nullable(node.type as string | string[]);
  if (Array.isArray(node.enum)) out.enum = [...node.enum, null];
  if (Array.isArray(node.required) && node.required.length > 0) out.required = [...node.required];
  if (isObject(node.items)) out.items = convert(node.items, uses);
  if (isObject(node.properties)) {
    const props: JsonSchema = {};
    // The field name as title: hover then heads a field's description with its name instead of
    // the title of the enclosing kind.
    for (const [k, v] of Object.entries(node.properties))
      if (isObject(v)) props[k] = { title: k, ...convert(v, uses) };
    out.properties = props;
  }
  if (isObject(node.additionalProperties)) {
    out.additionalProperties = convert(node.additionalProperties, uses);
  } else if (node['x-kubernetes-preserve-unknown-fields'] === true) {
    out.additionalProperties = true;
  } else if (isObject(node.properties)) {
    // Strict decoding: a field the type does not declare is an error on the server too.
    out.additionalProperties = false;
  }
  return out;
}

/** The named helper types, written for YAML rather than for OpenAPI's string-only format hints. */
function builtin(name: string, node: JsonSchema): JsonSchema | undefined {
  const description = typeof node.description === 'string' ? node.description : undefined;
  const base = description ? { description } : {};
  if (name === INT_OR_STRING) return { ...base, type: ['integer', 'string', 'null'] };
  if (name === QUANTITY) return { ...base, type: ['string', 'number', 'null'] };
  return undefined;
}

/** Every definition reachable from `root` in one group version's component schemas, converted. */
function reachable(components: Record<string, JsonSchema>, root: string): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  const queue = [root];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (out[name]) continue;
    const node = components[name];
    if (!node) throw new Error(`json-schema: no component schema ${name}`);
    const uses = new Set<string>();
    out[name] = builtin(name, node) ?? convert(node, uses);
    for (const u of uses) if (!out[u]) queue.push(u);
  }
  return out;
}

function resourceOf(kind: string): ResourceInfo {
  const r = RESOURCES.find((x) => x.kind === kind);
  if (!r) throw new Error(`json-schema: the API server does not serve kind ${kind}`);
  return r;
}

/** The component schemas of a group version document, e.g. `apis/apps/v1`. */
function componentsOf(r: ResourceInfo): Record<string, JsonSchema> {
  const doc = groupVersionDocument(groupVersionPath(r));
  const components = isObject(doc?.components) ? doc.components.schemas : undefined;
  if (!isObject(components)) throw new Error(`json-schema: no OpenAPI document for ${apiVersionOf(r)}`);
  return components as Record<string, JsonSchema>;
}

/** The definition name of a kind's root type, found by its `x-kubernetes-group-version-kind`. */
function rootName(components: Record<string, JsonSchema>, r: ResourceInfo): string {
  for (const [name, node] of Object.entries(components)) {
    const gvks = node['x-kubernetes-group-version-kind'];
    if (!Array.isArray(gvks)) continue;
    for (const g of gvks) {
      if (isObject(g) && g.group === r.group && g.version === r.version && g.kind === r.kind) return name;
    }
  }
  throw new Error(`json-schema: no root schema for ${apiVersionOf(r)} ${r.kind}`);
}

/**
 * Pin `apiVersion` and `kind` of a root type to the one kind (so a combined `oneOf` can tell the
 * kinds apart, and completion offers the right values) and require them, as `kubectl apply` does.
 */
function pinKind(root: JsonSchema, apiVersion: string, kind: string): JsonSchema {
  const props = isObject(root.properties) ? root.properties : {};
  const pinned = (key: string, value: string): JsonSchema => ({
    ...(isObject(props[key]) ? props[key] : {}),
    type: 'string',
    enum: [value],
  });
  const required = Array.isArray(root.required) ? root.required.filter((k) => typeof k === 'string') : [];
  return {
    ...root,
    title: `${kind} (${apiVersion})`,
    properties: { ...props, apiVersion: pinned('apiVersion', apiVersion), kind: pinned('kind', kind) },
    required: [...new Set(['apiVersion', 'kind', ...required])],
  };
}

/** Definitions and the root definition name of one kind. */
function kindDefinitions(kind: string): {
  apiVersion: string;
  root: string;
  definitions: Record<string, JsonSchema>;
} {
  const r = resourceOf(kind);
  const apiVersion = apiVersionOf(r);
  const components = componentsOf(r);
  const root = rootName(components, r);
  const definitions = reachable(components, root);
  definitions[root] = pinKind(definitions[root], apiVersion, kind);
  return { apiVersion, root, definitions };
}

/** The JSON Schema of one kind (`Deployment`, `Service` ...), self-contained. */
export function kindJsonSchema(kind: string): KindJsonSchema {
  const { apiVersion, root, definitions } = kindDefinitions(kind);
  return {
    apiVersion,
    kind,
    schema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $ref: DEFINITIONS_REF + root,
      definitions,
    },
  };
}

/** One schema per kind the lessons use. */
export function kindJsonSchemas(kinds: readonly string[] = EDITOR_KINDS): KindJsonSchema[] {
  return kinds.map(kindJsonSchema);
}

/**
 * One schema for any manifest the reader edits: one of the kinds, told apart by `apiVersion` and
 * `kind`, or a `List` of them (what `kubectl edit` opens for several objects).
 */
export function kubernetesJsonSchema(kinds: readonly string[] = EDITOR_KINDS): JsonSchema {
  const definitions: Record<string, JsonSchema> = {};
  const roots: JsonSchema[] = [];
  for (const kind of kinds) {
    const k = kindDefinitions(kind);
    // Types shared between group versions (ObjectMeta, PodSpec ...) come from one type table, so
    // the copies are identical and merging by name is safe.
    Object.assign(definitions, k.definitions);
    roots.push({ $ref: DEFINITIONS_REF + k.root });
  }
  definitions.List = {
    title: 'List (v1)',
    description: 'A list of objects, as kubectl edit shows several objects at once.',
    type: 'object',
    properties: {
      apiVersion: { type: 'string', enum: ['v1'] },
      kind: { type: 'string', enum: ['List'] },
      metadata: { type: ['object', 'null'] },
      items: { type: 'array', items: { oneOf: roots } },
    },
    required: ['apiVersion', 'kind', 'items'],
    additionalProperties: false,
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Kubernetes object',
    oneOf: [...roots, { $ref: `${DEFINITIONS_REF}List` }],
    definitions,
  };
}
