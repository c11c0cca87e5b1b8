/**
 * Cross-check against the `kubernetes-types` package (v1.30): every field it declares exists in our
 * (v1.32) schema, except the few that upstream removed or changed since; fields it lacks are the
 * v1.31/v1.32 additions listed here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allTypes } from '../../../../sandbox/api/schema';

const FILES: Record<string, string> = {
  'io.k8s.api.core.v1.': 'core/v1.d.ts',
  'io.k8s.api.apps.v1.': 'apps/v1.d.ts',
  'io.k8s.api.discovery.v1.': 'discovery/v1.d.ts',
  'io.k8s.api.autoscaling.v1.': 'autoscaling/v1.d.ts',
  'io.k8s.apimachinery.pkg.apis.meta.v1.': 'meta/v1.d.ts',
};

/** Fields added after v1.30 (type → fields). */
const ADDED: Record<string, string[]> = {
  DeleteOptions: ['ignoreStoreReadErrorWithClusterBreakingPotential'],
  PodSpec: ['resources'],
  PodResourceClaim: ['resourceClaimName', 'resourceClaimTemplateName'],
  ContainerStatus: ['user', 'allocatedResourcesStatus'],
  ResourceClaim: ['request'],
  PodSecurityContext: ['supplementalGroupsPolicy', 'seLinuxChangePolicy'],
  Volume: ['image'],
  NodeStatus: ['features'],
  NodeRuntimeHandlerFeatures: ['userNamespaces'],
};
/** Fields removed after v1.30. */
const REMOVED: Record<string, string[]> = { PodResourceClaim: ['source'] };
/** Types added after v1.30. */
const NEW_TYPES = [
  'ContainerUser',
  'LinuxContainerUser',
  'ResourceStatus',
  'ResourceHealth',
  'ImageVolumeSource',
  'NodeFeatures',
];
/** Fields that became required after v1.30 (`+required`). */
const NOW_REQUIRED: Record<string, string[]> = { HostAlias: ['ip'], PodIP: ['ip'], HostIP: ['ip'] };

function declared(file: string, name: string): Map<string, boolean> | undefined {
  const src = readFileSync(`node_modules/kubernetes-types/${file}`, 'utf8');
  const m = src.match(new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`));
  if (!m) return undefined;
  const fields = new Map<string, boolean>();
  for (const line of m[1].split('\n')) {
    const f = line.match(/^\s+(?:readonly )?(\w+)(\??):/);
    if (f) fields.set(f[1], f[2] !== '?');
  }
  return fields;
}

describe('schema versus kubernetes-types v1.30', () => {
  const cases = allTypes().map((t) => {
    const prefix = Object.keys(FILES).find((p) => t.name.startsWith(p))!;
    return [t.name.slice(prefix.length), FILES[prefix], t] as const;
  });

  it.each(cases)('%s', (name, file, type) => {
    const fields = declared(file, name);
    if (!fields) {
      expect(NEW_TYPES).toContain(name);
      return;
    }
    const ours = Object.keys(type.fields);
    expect([...fields.keys()].filter((f) => !ours.includes(f))).toEqual(REMOVED[name] ?? []);
    expect(ours.filter((f) => !fields.has(f))).toEqual(ADDED[name] ?? []);
    const requiredThen = [...fields].filter(([, r]) => r).map(([f]) => f);
    const requiredNow = (type.required ?? []).filter((f) => fields.has(f));
    expect(requiredNow.sort()).toEqual([...requiredThen, ...(NOW_REQUIRED[name] ?? [])].sort());
  });
});
