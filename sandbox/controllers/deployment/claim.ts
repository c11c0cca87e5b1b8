/**
 * What a sync works on: the ReplicaSets the Deployment owns (ControllerRefManager.ClaimReplicaSets:
 * adopt matching orphans, release owned ones that stopped matching, ignore others' RSs) and its
 * pods grouped by owning ReplicaSet.
 */
import { fromLabelSelector } from '../../api/selectors/labels';
import { isStatusError } from '../../api/errors';
import type { KubeObject } from '../../api/types';
import { controllerRef } from '../util/pods';
import { controllerRefTo } from './newrs';
import type { Ctl } from './ops';
import type { Deployment, ReplicaSet } from './types';
import { selectorMatches } from './util';

/** The Deployment may adopt only while it exists with this UID and is not being deleted (re-read fresh). */
function canAdopt(c: Ctl, d: Deployment): void {
  const fresh = c.api.get('deployments', d.metadata.namespace, d.metadata.name!);
  if (fresh.metadata.uid !== d.metadata.uid) {
    throw new Error(
      `original Deployment ${d.metadata.namespace}/${d.metadata.name} is gone: got uid ${fresh.metadata.uid}, wanted ${d.metadata.uid}`,
    );
  }
  if (fresh.metadata.deletionTimestamp) {
    throw new Error(
      `${d.metadata.namespace}/${d.metadata.name} has just been deleted at ${fresh.metadata.deletionTimestamp}`,
    );
  }
}

function patchOwners(
  c: Ctl,
  rs: ReplicaSet,
  owners: NonNullable<KubeObject['metadata']['ownerReferences']>,
): ReplicaSet | undefined {
  try {
    const patch = { metadata: { ownerReferences: owners.length ? owners : null } };
    return c.api.patch('replicasets', rs.metadata.namespace, rs.metadata.name!, patch, 'merge') as ReplicaSet;
  } catch (e) {
    if (isStatusError(e) && e.code === 404) return undefined;
    throw e;
  }
}

export function claimReplicaSets(c: Ctl, d: Deployment): ReplicaSet[] {
  const all = c.api.cache.list('replicasets', d.metadata.namespace) as ReplicaSet[];
  const claimed: ReplicaSet[] = [];
  let adoptChecked = false;
  for (const rs of all) {
    const ref = controllerRef(rs);
    const match = selectorMatches(d.spec.selector, rs.metadata.labels);
    if (ref) {
      if (ref.uid !== d.metadata.uid) continue;
      if (match) {
        claimed.push(rs);
      } else if (!d.metadata.deletionTimestamp) {
        patchOwners(
          c,
          rs,
          (rs.metadata.ownerReferences ?? []).filter((r) => r.uid !== d.metadata.uid),
        );
      }
      continue;
    }
    if (d.metadata.deletionTimestamp || !match || rs.metadata.deletionTimestamp) continue;
    if (!adoptChecked) {
      canAdopt(c, d);
      adoptChecked = true;
    }
    const adopted = patchOwners(c, rs, [...(rs.metadata.ownerReferences ?? []), controllerRefTo(d)]);
    if (adopted) claimed.push(adopted);
  }
  return claimed;
}

/** getPodMapForDeployment: pods matching the selector, by the UID of their controlling RS in rsList. */
export function podMapFor(c: Ctl, d: Deployment, rsList: ReplicaSet[]): Map<string, KubeObject[]> {
  const map = new Map<string, KubeObject[]>();
  for (const rs of rsList) map.set(rs.metadata.uid!, []);
  // The label index finds the selector's pods without looking at the rest of the namespace.
  for (const pod of c.api.cache.select('pods', d.metadata.namespace, fromLabelSelector(d.spec.selector))) {
    const ref = controllerRef(pod);
    if (!ref) continue;
    map.get(ref.uid)?.push(pod);
  }
  return map;
}
