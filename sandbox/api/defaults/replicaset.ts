/** ReplicaSet (apps/v1) defaulting: replicas 1 and the pod template (no selector defaulting). */
import { defaultPodTemplate } from './pod-spec';
import { ensureMap, setIfUnset, type JsonMap } from './json';

export function defaultReplicaSet(obj: JsonMap): void {
  const spec = ensureMap(obj, 'spec');
  setIfUnset(spec, 'replicas', 1);
  defaultPodTemplate(ensureMap(spec, 'template'));
}
