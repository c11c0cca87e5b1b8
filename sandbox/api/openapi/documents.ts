/**
 * The OpenAPI v3 documents the API server publishes: a root listing one document per group
 * version (with a content hash in the URL, so clients' caches notice changes) and, per group
 * version, the operations kubectl inspects (PATCH with `fieldValidation`, keyed by
 * `x-kubernetes-group-version-kind`) plus the component schemas of its kinds.
 */
import { RESOURCES, apiVersionOf, type ResourceInfo } from '../resources';
import { kindSchema } from '../schema';
import { componentSchemas, type JsonSchema } from './schemas';

export const SERVER_VERSION = 'v1.32.0';

/** `api/v1`, `apis/apps/v1`: the path segment of a group version. */
export function groupVersionPath(r: Pick<ResourceInfo, 'group' | 'version'>): string {
  return r.group ? `apis/${r.group}/${r.version}` : `api/${r.version}`;
}

function groupVersions(): Map<string, ResourceInfo[]> {
  const out = new Map<string, ResourceInfo[]>();
  for (const r of RESOURCES) {
    const k = groupVersionPath(r);
    out.set(k, [...(out.get(k) ?? []), r]);
  }
  return out;
}

const WRITE_PARAMS = ['dryRun', 'fieldManager', 'fieldValidation'].map((name) => ({
  name,
  in: 'query',
  schema: { type: 'string', uniqueItems: true },
}));

function gvk(r: ResourceInfo): { group: string; version: string; kind: string } {
  return { group: r.group, version: r.version, kind: r.kind };
}

function paths(resources: ResourceInfo[]): JsonSchema {
  const out: JsonSchema = {};
  for (const r of resources) {
    const base = `/${groupVersionPath(r)}${r.namespaced ? '/namespaces/{namespace}' : ''}/${r.plural}`;
    out[base] = {
      get: {
        operationId: `list${r.kind}`,
        'x-kubernetes-action': 'list',
        'x-kubernetes-group-version-kind': gvk(r),
      },
      post: {
        operationId: `create${r.kind}`,
        parameters: WRITE_PARAMS,
        'x-kubernetes-action': 'post',
        'x-kubernetes-group-version-kind': gvk(r),
      },
    };
    out[`${base}/{name}`] = {
      get: {
        operationId: `read${r.kind}`,
        'x-kubernetes-action': 'get',
        'x-kubernetes-group-version-kind': gvk(r),
      },
      put: {
        operationId: `replace${r.kind}`,
        parameters: WRITE_PARAMS,
        'x-kubernetes-action': 'put',
        'x-kubernetes-group-version-kind': gvk(r),
      },
      patch: {
        operationId: `patch${r.kind}`,
        parameters: [
          ...WRITE_PARAMS,
          { name: 'force', in: 'query', schema: { type: 'boolean', uniqueItems: true } },
        ],
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': gvk(r),
      },
      delete: {
        operationId: `delete${r.kind}`,
        'x-kubernetes-action': 'delete',
        'x-kubernetes-group-version-kind': gvk(r),
      },
    };
  }
  return out;
}

/** The document of one group version (`api/v1`, `apis/apps/v1`), or undefined if not served. */
export function groupVersionDocument(path: string): JsonSchema | undefined {
  const resources = groupVersions().get(path);
  if (!resources) return undefined;
  const roots: string[] = [];
  const kindOf: Record<string, ResourceInfo> = {};
  for (const r of resources) {
    const k = kindSchema(apiVersionOf(r), r.kind);
    if (k) {
      roots.push(k.type);
      kindOf[k.type] = r;
    }
  }
  const schemas = componentSchemas(roots);
  for (const [name, r] of Object.entries(kindOf)) {
    schemas[name] = { ...schemas[name], 'x-kubernetes-group-version-kind': [gvk(r)] };
  }
  return {
    components: { schemas },
    info: { title: 'Kubernetes', version: SERVER_VERSION },
    openapi: '3.0.0',
    paths: paths(resources),
  };
}

/** FNV-1a 64-bit of a document's JSON, as the upper-case hex the real server puts in `?hash=`. */
export function documentHash(doc: JsonSchema): string {
  const text = JSON.stringify(doc);
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * prime) & 0xffffffffffffffffn;
  }
  return h.toString(16).toUpperCase().padStart(16, '0');
}

/** GET /openapi/v3: one entry per group version. */
export function openApiRoot(): JsonSchema {
  const entries: Record<string, { serverRelativeURL: string }> = {};
  for (const path of groupVersions().keys()) {
    const doc = groupVersionDocument(path)!;
    entries[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${documentHash(doc)}` };
  }
  return { paths: entries };
}
