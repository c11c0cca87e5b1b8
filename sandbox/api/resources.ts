/**
 * The resource registry: what the API server serves, named as real Kubernetes names it
 * (discovery: group/version/kind, plural, singular, short names, scope, categories, verbs).
 */
export interface ResourceInfo {
  /** Plural resource name, the REST path segment: `deployments`. */
  plural: string;
  singular: string;
  kind: string;
  /** API group; '' for the core group. */
  group: string;
  version: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** Subresources served: `status`, `scale`, `log`. */
  subresources: string[];
  /** Does a spec change bump metadata.generation? (Objects with a spec the controllers observe.) */
  tracksGeneration: boolean;
}

const RW = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function res(
  r: Omit<ResourceInfo, 'verbs' | 'categories' | 'subresources' | 'tracksGeneration'> & Partial<ResourceInfo>,
): ResourceInfo {
  return { verbs: RW, categories: [], subresources: [], tracksGeneration: false, ...r };
}

/** In the order real discovery lists them inside each group (alphabetical by plural). */
export const RESOURCES: readonly ResourceInfo[] = [
  res({
    plural: 'configmaps',
    singular: 'configmap',
    kind: 'ConfigMap',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['cm'],
  }),
  res({
    plural: 'endpoints',
    singular: 'endpoints',
    kind: 'Endpoints',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['ep'],
  }),
  res({
    plural: 'events',
    singular: 'event',
    kind: 'Event',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['ev'],
  }),
  res({
    plural: 'namespaces',
    singular: 'namespace',
    kind: 'Namespace',
    group: '',
    version: 'v1',
    namespaced: false,
    shortNames: ['ns'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: ['status'],
  }),
  res({
    plural: 'nodes',
    singular: 'node',
    kind: 'Node',
    group: '',
    version: 'v1',
    namespaced: false,
    shortNames: ['no'],
    subresources: ['status'],
  }),
  res({
    plural: 'pods',
    singular: 'pod',
    kind: 'Pod',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['po'],
    categories: ['all'],
    subresources: ['status', 'log'],
  }),
  res({
    plural: 'replicationcontrollers',
    singular: 'replicationcontroller',
    kind: 'ReplicationController',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['rc'],
    categories: ['all'],
    subresources: ['status', 'scale'],
    tracksGeneration: true,
  }),
  res({
    plural: 'resourcequotas',
    singular: 'resourcequota',
    kind: 'ResourceQuota',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['quota'],
    subresources: ['status'],
  }),
  res({
    plural: 'services',
    singular: 'service',
    kind: 'Service',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['svc'],
    categories: ['all'],
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: ['status'],
  }),
  res({
    plural: 'deployments',
    singular: 'deployment',
    kind: 'Deployment',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    shortNames: ['deploy'],
    categories: ['all'],
    subresources: ['status', 'scale'],
    tracksGeneration: true,
  }),
  res({
    plural: 'replicasets',
    singular: 'replicaset',
    kind: 'ReplicaSet',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    shortNames: ['rs'],
    categories: ['all'],
    subresources: ['status', 'scale'],
    tracksGeneration: true,
  }),
  res({
    plural: 'endpointslices',
    singular: 'endpointslice',
    kind: 'EndpointSlice',
    group: 'discovery.k8s.io',
    version: 'v1',
    namespaced: true,
    shortNames: [],
  }),
];

const byPlural = new Map<string, ResourceInfo>();
const byKind = new Map<string, ResourceInfo>();
const byVersionAndKind = new Map<string, Map<string, ResourceInfo>>();
const versions = new Map<ResourceInfo, string>();
for (const r of RESOURCES) {
  byPlural.set(r.plural, r);
  byKind.set(`${r.group}/${r.kind}`, r);
  const apiVersion = r.group ? `${r.group}/${r.version}` : r.version;
  versions.set(r, apiVersion);
  let kinds = byVersionAndKind.get(apiVersion);
  if (!kinds) byVersionAndKind.set(apiVersion, (kinds = new Map()));
  kinds.set(r.kind, r);
}

/** Look up by plural name (`deployments`), optionally qualified by group (`deployments.apps`). */
export function resourceByPlural(plural: string): ResourceInfo | undefined {
  const direct = byPlural.get(plural);
  if (direct) return direct;
  const dot = plural.indexOf('.');
  if (dot > 0) {
    const r = byPlural.get(plural.slice(0, dot));
    if (r && r.group === plural.slice(dot + 1)) return r;
  }
  return undefined;
}

/** Look up by apiVersion (`apps/v1`, `v1`) and kind. */
export function resourceForKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  // Every write looks its kind up: the served (static) registry by apiVersion and kind, no key text.
  const known = byVersionAndKind.get(apiVersion)?.get(kind);
  if (known) return known;
  const slash = apiVersion.indexOf('/');
  const group = slash >= 0 ? apiVersion.slice(0, slash) : '';
  const version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
  const r = byKind.get(`${group}/${kind}`);
  return r && r.version === version ? r : undefined;
}

/** Any served resource with this kind, whatever the version asked for. */
export function resourceForKindAnyVersion(group: string, kind: string): ResourceInfo | undefined {
  return byKind.get(`${group}/${kind}`);
}

export function apiVersionOf(r: ResourceInfo): string {
  return versions.get(r) ?? (r.group ? `${r.group}/${r.version}` : r.version);
}

/** `deployments.apps`, `pods`: how API error messages name a resource. */
export function qualifiedResource(r: ResourceInfo): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}
