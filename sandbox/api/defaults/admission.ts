/**
 * What admission plugins add to a Pod being created (not defaulting, but visible on every pod):
 * - ServiceAccount: `serviceAccountName: default`, and unless automountServiceAccountToken is
 *   false, a projected `kube-api-access-<5 random chars>` volume (token 3607s, the kube-root-ca.crt
 *   ConfigMap's ca.crt, the namespace) mounted read-only at
 *   /var/run/secrets/kubernetes.io/serviceaccount in every init and regular container that does
 *   not already mount something there.
 * - DefaultTolerationSeconds: NoExecute tolerations of node.kubernetes.io/not-ready and
 *   node.kubernetes.io/unreachable for 300s, unless the pod already tolerates those taints.
 * - Priority: `priority: 0` and `preemptionPolicy: PreemptLowerPriority` without a priority class.
 */
import { DEFAULT_FILE_MODE } from './pod-spec';
import { ensureMap, maps, type JsonMap } from './json';

export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
export const SERVICE_ACCOUNT_VOLUME_PREFIX = 'kube-api-access-';
/** The bound token lifetime the admission plugin asks for (an hour plus 7 seconds). */
export const TOKEN_EXPIRATION_SECONDS = 3607;
export const DEFAULT_TOLERATION_SECONDS = 300;

/** The random source for the volume name (SeededRandom fits). */
export interface NameSuffixSource {
  nameSuffix(n: number): string;
}

function tokenVolume(name: string): JsonMap {
  return {
    name,
    projected: {
      defaultMode: DEFAULT_FILE_MODE,
      sources: [
        { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        {
          downwardAPI: {
            items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
          },
        },
      ],
    },
  };
}

function mountServiceAccountToken(spec: JsonMap, random: NameSuffixSource): void {
  const volumes = maps(spec.volumes);
  const existing = volumes.find(
    (v) => typeof v.name === 'string' && v.name.startsWith(SERVICE_ACCOUNT_VOLUME_PREFIX),
  );
  const name =
    typeof existing?.name === 'string' ? existing.name : SERVICE_ACCOUNT_VOLUME_PREFIX + random.nameSuffix(5);
  let needsVolume = false;
  for (const list of ['initContainers', 'containers']) {
    for (const c of maps(spec[list])) {
      const mounts = maps(c.volumeMounts);
      if (mounts.some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH)) continue;
      c.volumeMounts = [
        ...(Array.isArray(c.volumeMounts) ? c.volumeMounts : []),
        { name, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH },
      ];
      needsVolume = true;
    }
  }
  if (!existing && needsVolume)
    spec.volumes = [...(Array.isArray(spec.volumes) ? spec.volumes : []), tokenVolume(name)];
}

function tolerates(tolerations: JsonMap[], key: string): boolean {
  return tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
}

function addDefaultTolerations(spec: JsonMap): void {
  const tolerations = maps(spec.tolerations);
  const added: JsonMap[] = [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerates(tolerations, key)) {
      added.push({
        key,
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
      });
    }
  }
  if (added.length)
    spec.tolerations = [...(Array.isArray(spec.tolerations) ? spec.tolerations : []), ...added];
}

/** Mutating admission for a Pod create request: call after applyDefaults, before validation. */
export function applyPodAdmissionDefaults(pod: JsonMap, random: NameSuffixSource): void {
  const spec = ensureMap(pod, 'spec');
  if (!spec.serviceAccountName) spec.serviceAccountName = 'default';
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken !== false) mountServiceAccountToken(spec, random);
  addDefaultTolerations(spec);
  if (!spec.priorityClassName) {
    if (typeof spec.priority !== 'number') spec.priority = 0;
    if (!spec.preemptionPolicy) spec.preemptionPolicy = 'PreemptLowerPriority';
  }
}
