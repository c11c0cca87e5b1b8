/**
 * RealPodControl: create a pod from the owner's template (with the owner's events) and delete pods.
 */
import type { KubeObject, KubeObjectInput } from '../../api/types';
import { deepClone } from '../../store/clone';
import { isNamespaceTerminating, isNotFound, messageOf } from './errors';
import { templateOf } from './objects';
import type { ControllerState } from './state';

/** DNS-subdomain names are at most 253 characters; the dash is dropped when it would not fit. */
const MAX_NAME = 253;

/** getPodsPrefix: `<owner>-`, or the bare name when the dashed prefix would not be a valid name. */
export function podNamePrefix(ownerName: string): string {
  return ownerName.length + 1 <= MAX_NAME ? `${ownerName}-` : ownerName;
}

/** GetPodFromTemplate: labels, annotations and finalizers of the template, its spec, a controllerRef. */
export function podFromTemplate(s: ControllerState, rs: KubeObject): KubeObjectInput {
  const tpl = templateOf(rs);
  const meta = tpl.metadata ?? {};
  const metadata: KubeObjectInput['metadata'] = {
    generateName: podNamePrefix(rs.metadata.name ?? ''),
    labels: { ...(meta.labels ?? {}) },
    ownerReferences: [
      {
        apiVersion: s.kind.apiVersion,
        kind: s.kind.kind,
        name: rs.metadata.name ?? '',
        uid: rs.metadata.uid ?? '',
        controller: true,
        blockOwnerDeletion: true,
      },
    ],
  };
  if (meta.annotations) metadata.annotations = { ...meta.annotations };
  if (meta.finalizers) metadata.finalizers = [...meta.finalizers];
  // The template's spec as stored (frozen): the API server copies it (a trusted write is normalised,
  // not decoded), so the body may share it instead of paying for a deep copy here as well.
  const spec = tpl.spec ?? {};
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: Object.isFrozen(spec) ? spec : deepClone(spec) };
}

/** Create one pod; records SuccessfulCreate or FailedCreate on the owner. */
export function createPod(s: ControllerState, rs: KubeObject): void {
  const pod = podFromTemplate(s, rs);
  if (Object.keys(pod.metadata?.labels ?? {}).length === 0)
    throw new Error('unable to create pods, no labels');
  const source = { component: s.kind.component };
  let created: KubeObject;
  try {
    created = s.ctx.api.create(pod, { namespace: rs.metadata.namespace, shared: true });
  } catch (e) {
    if (!isNamespaceTerminating(e)) {
      s.ctx.events.record(source, rs, 'Warning', 'FailedCreate', `Error creating: ${messageOf(e)}`);
    }
    throw e;
  }
  s.ctx.events.record(source, rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
}

/** Delete one pod with the API's default grace; NotFound is passed through without an event. */
export function deletePod(s: ControllerState, rs: KubeObject, name: string): void {
  const source = { component: s.kind.component };
  try {
    s.ctx.api.delete('pods', rs.metadata.namespace, name, { shared: true });
  } catch (e) {
    if (isNotFound(e)) throw e;
    s.ctx.events.record(source, rs, 'Warning', 'FailedDelete', `Error deleting: ${messageOf(e)}`);
    throw new Error(`unable to delete pods: ${messageOf(e)}`, { cause: e });
  }
  s.ctx.events.record(source, rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
}
