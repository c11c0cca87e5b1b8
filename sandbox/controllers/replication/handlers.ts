/**
 * The informer event handlers (upstream addRS/updateRS/deleteRS, addPod/updatePod/deletePod): they
 * only record observed creations/deletions and enqueue owner keys; the sync does the work.
 */
import type { KubeObject, OwnerReference } from '../../api/types';
import { deepEqual } from '../../api/patch/equal';
import { keyOf } from '../runtime/queue';
import { controllerRef, isPodReady } from '../util/pods';
import type { InformerHandlers } from './informer';
import { isEmptySelector, minReadySeconds, podKey, selectorOf } from './objects';
import { matches } from '../../api/selectors/labels';
import type { ControllerState } from './state';

/** resolveControllerRef: the cached owner the reference points to (same kind, name and UID). */
export function resolveControllerRef(
  s: ControllerState,
  namespace: string | undefined,
  ref: OwnerReference,
): KubeObject | undefined {
  if (ref.kind !== s.kind.kind) return undefined;
  const owner = s.owners.get(namespace, ref.name);
  return owner && owner.metadata.uid === ref.uid ? owner : undefined;
}

/** getPodReplicaSets: owners in the pod's namespace whose non-empty selector matches its labels. */
export function ownersSelecting(s: ControllerState, pod: KubeObject): KubeObject[] {
  return s.owners.list(pod.metadata.namespace).filter((rs) => {
    const sel = selectorOf(s.kind, rs);
    return sel !== undefined && !isEmptySelector(sel) && matches(sel, pod.metadata.labels);
  });
}

export function ownerHandlers(s: ControllerState): InformerHandlers {
  const onDelete = (rs: KubeObject): void => {
    const key = keyOf(rs);
    s.expectations.delete(key);
    s.owned.forget(rs.metadata.uid);
    s.queue.add(key);
  };
  return {
    add: (rs) => s.queue.add(keyOf(rs)),
    update: (old, cur) => {
      if (old.metadata.uid !== cur.metadata.uid) onDelete(old);
      s.queue.add(keyOf(cur));
    },
    delete: onDelete,
  };
}

function labelsChanged(old: KubeObject, cur: KubeObject): boolean {
  return !deepEqual(old.metadata.labels ?? {}, cur.metadata.labels ?? {});
}

export function podHandlers(s: ControllerState): InformerHandlers {
  const onDelete = (pod: KubeObject): void => {
    const ref = controllerRef(pod);
    if (!ref) return;
    const rs = resolveControllerRef(s, pod.metadata.namespace, ref);
    if (!rs) return;
    const key = keyOf(rs);
    s.expectations.deletionObserved(key, podKey(pod));
    s.queue.add(key);
  };

  const onAdd = (pod: KubeObject): void => {
    if (pod.metadata.deletionTimestamp) {
      // A pod already being deleted is not a creation to observe.
      onDelete(pod);
      return;
    }
    const ref = controllerRef(pod);
    if (ref) {
      const rs = resolveControllerRef(s, pod.metadata.namespace, ref);
      if (!rs) return;
      const key = keyOf(rs);
      s.expectations.creationObserved(key);
      s.queue.add(key);
      return;
    }
    for (const rs of ownersSelecting(s, pod)) s.queue.add(keyOf(rs));
  };

  const onUpdate = (old: KubeObject, cur: KubeObject): void => {
    if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return;
    // Labels are compared only where they matter (most updates are status writes of owned pods).
    if (cur.metadata.deletionTimestamp) {
      // Graceful deletion started: replacements are wanted now, not when the kubelet finishes.
      onDelete(cur);
      if (labelsChanged(old, cur)) onDelete(old);
      return;
    }
    const curRef = controllerRef(cur);
    const oldRef = controllerRef(old);
    const refChanged = !deepEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const rs = resolveControllerRef(s, old.metadata.namespace, oldRef);
      if (rs) s.queue.add(keyOf(rs));
    }
    if (curRef) {
      const rs = resolveControllerRef(s, cur.metadata.namespace, curRef);
      if (!rs) return;
      s.queue.add(keyOf(rs));
      const mrs = minReadySeconds(rs);
      // No event fires when a pod becomes available: look again a second after it should be.
      if (mrs > 0 && !isPodReady(old) && isPodReady(cur)) s.enqueueAfter(keyOf(rs), (mrs + 1) * 1000);
      return;
    }
    if (refChanged || labelsChanged(old, cur)) {
      for (const rs of ownersSelecting(s, cur)) s.queue.add(keyOf(rs));
    }
  };

  return { add: onAdd, update: onUpdate, delete: onDelete };
}
