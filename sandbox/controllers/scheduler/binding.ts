/**
 * The `pods/binding` subresource, as the scheduler uses it: `spec.nodeName` and
 * `PodScheduled=True` in one write (BindingREST.setPodNodeAndMetadata), refused with a 409 when
 * the pod is gone, replaced, being deleted or already bound.
 */
import type { ApiServer } from '../../api/server';
import type { KubeObject } from '../../api/types';

export function bindPod(
  api: ApiServer,
  namespace: string,
  name: string,
  node: string,
  uid: string,
): KubeObject {
  // The scheduler only reads the bound pod (for its event): the stored object, not a copy.
  return api.bindPod(namespace, name, node, uid, { shared: true });
}
