/**
 * API discovery documents: the aggregated form (apidiscovery.k8s.io v2, and v2beta1 for older
 * clients) and the legacy APIVersions / APIGroupList / APIResourceList, built from the registry.
 */
import { RESOURCES, apiVersionOf, type ResourceInfo } from './resources';

type Doc = { [key: string]: unknown };

const SUBRESOURCE_VERBS: Record<string, string[]> = {
  status: ['get', 'patch', 'update'],
  scale: ['get', 'patch', 'update'],
  log: ['get'],
};

function subresourceKind(r: ResourceInfo, sub: string): { group: string; version: string; kind: string } {
  if (sub === 'scale') return { group: 'autoscaling', version: 'v1', kind: 'Scale' };
  return { group: r.group, version: r.version, kind: r.kind };
}

function discoveryResource(r: ResourceInfo): Doc {
  const doc: Doc = {
    resource: r.plural,
    responseKind: { group: r.group, version: r.version, kind: r.kind },
    scope: r.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: r.singular,
    verbs: [...r.verbs],
  };
  if (r.shortNames.length) doc.shortNames = [...r.shortNames];
  if (r.categories.length) doc.categories = [...r.categories];
  if (r.subresources.length) {
    doc.subresources = r.subresources.map((s) => ({
      subresource: s,
      responseKind: subresourceKind(r, s),
      verbs: SUBRESOURCE_VERBS[s] ?? ['get'],
    }));
  }
  return doc;
}

function groups(): Array<{ group: string; version: string; resources: ResourceInfo[] }> {
  const out: Array<{ group: string; version: string; resources: ResourceInfo[] }> = [];
  for (const r of RESOURCES) {
    let g = out.find((x) => x.group === r.group && x.version === r.version);
    if (!g) out.push((g = { group: r.group, version: r.version, resources: [] }));
    g.resources.push(r);
  }
  return out;
}

/** GET /api (core: true) or /apis as an APIGroupDiscoveryList; `version` is `v2` or `v2beta1`. */
export function aggregatedDiscovery(core: boolean, version: 'v2' | 'v2beta1'): Doc {
  const items = groups()
    .filter((g) => (g.group === '') === core)
    .map((g) => ({
      metadata: core ? { creationTimestamp: null } : { name: g.group, creationTimestamp: null },
      versions: [{ version: g.version, freshness: 'Current', resources: g.resources.map(discoveryResource) }],
    }));
  return { kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {}, items };
}

export function legacyApiVersions(serverAddress: string): Doc {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

export function legacyGroupList(): Doc {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups()
      .filter((g) => g.group !== '')
      .map((g) => {
        const gv = { groupVersion: `${g.group}/${g.version}`, version: g.version };
        return { name: g.group, versions: [gv], preferredVersion: gv };
      }),
  };
}

/** GET /apis/{group}: the APIGroup with its versions; undefined when the group is not served. */
export function legacyGroup(group: string): Doc | undefined {
  const g = (legacyGroupList().groups as Doc[]).find((x) => x.name === group);
  return g ? { kind: 'APIGroup', apiVersion: 'v1', ...g } : undefined;
}

/** GET /api/v1 or /apis/{group}/{version}; undefined when not served. */
export function legacyResourceList(group: string, version: string): Doc | undefined {
  const g = groups().find((x) => x.group === group && x.version === version);
  if (!g) return undefined;
  const resources: Doc[] = [];
  for (const r of g.resources) {
    const entry: Doc = {
      name: r.plural,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: [...r.verbs],
    };
    if (r.shortNames.length) entry.shortNames = [...r.shortNames];
    if (r.categories.length) entry.categories = [...r.categories];
    resources.push(entry);
    for (const s of r.subresources) {
      const k = subresourceKind(r, s);
      const sub: Doc = {
        name: `${r.plural}/${s}`,
        singularName: '',
        namespaced: r.namespaced,
        kind: k.kind,
        verbs: SUBRESOURCE_VERBS[s] ?? ['get'],
      };
      if (s === 'scale') Object.assign(sub, { group: k.group, version: k.version });
      resources.push(sub);
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf(g.resources[0]), resources };
}
