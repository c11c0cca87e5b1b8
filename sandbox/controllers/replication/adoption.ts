/**
 * ClaimPods (PodControllerRefManager): keep the pods this owner controls whose labels still match,
 * release the ones that no longer match, adopt matching orphans. Adoption first re-reads the owner
 * from the API server (once per sync) and refuses if it is being deleted or was replaced.
 */
import type { KubeObject } from '../../api/types';
import { matches, type Selector } from '../../api/selectors/labels';
import { controllerRef } from '../util/pods';
import { aggregate, isInvalid, isNotFound, messageOf } from './errors';
import type { ControllerState } from './state';

function adoptPatch(s: ControllerState, rs: KubeObject, pod: KubeObject): unknown {
  return {
    metadata: {
      ownerReferences: [
        {
          apiVersion: s.kind.apiVersion,
          kind: s.kind.kind,
          name: rs.metadata.name,
          uid: rs.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
      uid: pod.metadata.uid,
    },
  };
}

function releasePatch(rs: KubeObject, pod: KubeObject): unknown {
  return {
    metadata: { ownerReferences: [{ $patch: 'delete', uid: rs.metadata.uid }], uid: pod.metadata.uid },
  };
}

/** RecheckDeletionTimestamp: a quorum read of the owner before the first adoption. */
function makeCanAdopt(s: ControllerState, rs: KubeObject): () => void {
  let checked: { err?: Error } | undefined;
  return () => {
    if (!checked) {
      checked = {};
      try {
        const fresh = s.ctx.api.get(s.kind.plural, rs.metadata.namespace, rs.metadata.name ?? '');
        if (fresh.metadata.uid !== rs.metadata.uid) {
          checked.err = new Error(
            `can't recheck DeletionTimestamp: original ${s.kind.kind} ${rs.metadata.namespace}/${rs.metadata.name} is gone: got uid ${fresh.metadata.uid}, wanted ${rs.metadata.uid}`,
          );
        } else if (fresh.metadata.deletionTimestamp) {
          checked.err = new Error(
            `${fresh.metadata.namespace}/${fresh.metadata.name} has just been deleted at ${fresh.metadata.deletionTimestamp}`,
          );
        }
      } catch (e) {
        checked.err = new Error(`can't recheck DeletionTimestamp: ${messageOf(e)}`);
      }
    }
    if (checked.err) throw checked.err;
  };
}

/** Returns the pods the owner controls after adoption/release; throws the aggregated patch errors. */
export function claimPods(
  s: ControllerState,
  rs: KubeObject,
  selector: Selector,
  pods: readonly KubeObject[],
): KubeObject[] {
  const canAdopt = makeCanAdopt(s, rs);
  const claimed: KubeObject[] = [];
  const errs: unknown[] = [];
  const beingDeleted = !!rs.metadata.deletionTimestamp;
  for (const pod of pods) {
    const match = matches(selector, pod.metadata.labels);
    const ref = controllerRef(pod);
    const ns = pod.metadata.namespace;
    const name = pod.metadata.name ?? '';
    if (ref) {
      if (ref.uid !== rs.metadata.uid) continue; // someone else's
      if (match) {
        claimed.push(pod);
        continue;
      }
      if (beingDeleted) continue;
      try {
        s.ctx.api.patch('pods', ns, name, releasePatch(rs, pod), 'strategic');
      } catch (e) {
        if (!isNotFound(e) && !isInvalid(e)) errs.push(e);
      }
      continue;
    }
    // An orphan.
    if (beingDeleted || !match || pod.metadata.deletionTimestamp) continue;
    if ((rs.metadata.namespace ?? '') !== (ns ?? '')) continue;
    try {
      try {
        canAdopt();
      } catch (e) {
        throw new Error(`can't adopt Pod ${ns}/${name} (${pod.metadata.uid}): ${messageOf(e)}`, { cause: e });
      }
      s.ctx.api.patch('pods', ns, name, adoptPatch(s, rs, pod), 'strategic');
      claimed.push(pod);
    } catch (e) {
      if (!isNotFound(e)) errs.push(e);
    }
  }
  const err = aggregate(errs);
  if (err) throw err;
  return claimed;
}
