/**
 * What each registry strategy does before a write (PrepareForCreate / PrepareForUpdate): reset the
 * status on create, keep status out of main-resource updates and spec out of status updates, and
 * bump metadata.generation when the spec changes.
 */
import type { KubeObject } from './types';
import type { ResourceInfo } from './resources';
import { deepEqual } from './patch/equal';

/** PrepareForCreate: a client cannot set status, except where the registry keeps it (see below). */
export function prepareForCreate(r: ResourceInfo, obj: KubeObject): void {
  if (r.tracksGeneration) obj.metadata.generation = 1;
  else delete obj.metadata.generation;
  delete obj.metadata.deletionTimestamp;
  delete obj.metadata.deletionGracePeriodSeconds;
  switch (r.plural) {
    case 'pods':
      obj.status = { phase: 'Pending', qosClass: qosClass(obj) };
      break;
    case 'deployments':
      obj.status = {};
      break;
    case 'replicasets':
    case 'replicationcontrollers':
      // `replicas` is not omitempty in these statuses, so an empty status still shows it.
      obj.status = { replicas: 0 };
      break;
    case 'services':
      obj.status = { loadBalancer: {} };
      break;
    case 'namespaces':
      obj.status = { phase: 'Active' };
      break;
    case 'resourcequotas':
      obj.status = {};
      break;
    default:
      break;
  }
}

/** PrepareForUpdate of the main resource: status is kept from the stored object; spec changes bump generation. */
export function prepareForUpdate(r: ResourceInfo, obj: KubeObject, old: KubeObject): void {
  if (r.subresources.includes('status') && r.plural !== 'nodes') {
    if (old.status === undefined) delete obj.status;
    else obj.status = old.status as KubeObject['status'];
  }
  bumpGeneration(r, obj, old);
}

/** Metadata a status write never changes (hoisted: every status write walks them). */
const SYSTEM_FIELDS = [
  'name',
  'namespace',
  'uid',
  'creationTimestamp',
  'generation',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'generateName',
] as const;
const LABELS = ['labels'] as const;
const OWNER_REFERENCES = ['ownerReferences'] as const;
const NONE = [] as const;

/**
 * PrepareForUpdate of the status subresource: spec comes from the stored object, and so do the
 * fields each status strategy resets (Deployments and ReplicaSets: labels; pods: ownerReferences).
 * Other metadata a status write carries persists (the Deployment controller writes its revision
 * annotation this way). System fields (uid, creation and deletion stamps, generation) never change.
 * Modifies `obj` and returns it: every caller passes the body it just decoded or normalised, whose
 * unfrozen objects are its own; a frozen part (a stored object's, shared by the decoder) is copied.
 */
export function prepareForStatusUpdate(r: ResourceInfo, obj: KubeObject, old: KubeObject): KubeObject {
  const out = Object.isFrozen(obj) ? { ...obj } : obj;
  if (Object.isFrozen(out.metadata)) out.metadata = { ...out.metadata };
  if (old.spec === undefined) delete out.spec;
  else out.spec = old.spec as KubeObject['spec'];
  const m = out.metadata;
  const o = old.metadata;
  for (let i = 0; i < SYSTEM_FIELDS.length; i++) {
    const k = SYSTEM_FIELDS[i];
    if (o[k] === undefined) delete m[k];
    else (m as Record<string, unknown>)[k] = o[k];
  }
  const reset =
    r.plural === 'deployments' || r.plural === 'replicasets'
      ? LABELS
      : r.plural === 'pods'
        ? OWNER_REFERENCES
        : NONE;
  for (let i = 0; i < reset.length; i++) {
    const k = reset[i];
    if (o[k] === undefined) delete m[k];
    else (m as Record<string, unknown>)[k] = o[k];
  }
  if (obj.status === undefined) delete out.status;
  return out;
}

function bumpGeneration(r: ResourceInfo, obj: KubeObject, old: KubeObject): void {
  obj.metadata.generation = old.metadata.generation;
  if (!r.tracksGeneration) {
    if (old.metadata.generation === undefined) delete obj.metadata.generation;
    return;
  }
  // The Deployment strategy also counts annotation changes (rollbacks used to travel in one).
  const annotationsChanged =
    r.plural === 'deployments' &&
    !deepEqual(obj.metadata.annotations ?? null, old.metadata.annotations ?? null);
  if (annotationsChanged || !deepEqual(obj.spec ?? null, old.spec ?? null)) {
    obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
  }
}

interface Resources {
  requests?: Record<string, unknown>;
  limits?: Record<string, unknown>;
}

/** The pod QoS class: Guaranteed (limits = requests for cpu and memory everywhere), Burstable, BestEffort. */
export function qosClass(pod: KubeObject): string {
  const spec = pod.spec as
    | { containers?: Array<{ resources?: Resources }>; initContainers?: Array<{ resources?: Resources }> }
    | undefined;
  const all = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
  let any = false;
  let guaranteed = all.length > 0;
  for (const c of all) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const res of ['cpu', 'memory']) {
      if (lim[res] === undefined || String(req[res] ?? lim[res]) !== String(lim[res])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
