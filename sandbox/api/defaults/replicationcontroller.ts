/**
 * ReplicationController (v1) defaulting: replicas 1; when the template has labels, an empty
 * selector and empty metadata.labels both default to them; the (optional) template is defaulted.
 */
import { defaultPodTemplate } from './pod-spec';
import { ensureMap, isMap, setIfUnset, type JsonMap } from './json';

function isEmptyMap(v: unknown): boolean {
  return !isMap(v) || Object.keys(v).length === 0;
}

export function defaultReplicationController(obj: JsonMap): void {
  const spec = ensureMap(obj, 'spec');
  const template = spec.template;
  const labels = isMap(template) && isMap(template.metadata) ? template.metadata.labels : undefined;
  if (isMap(labels)) {
    if (isEmptyMap(spec.selector)) spec.selector = { ...labels };
    const metadata = ensureMap(obj, 'metadata');
    if (isEmptyMap(metadata.labels)) metadata.labels = { ...labels };
  }
  setIfUnset(spec, 'replicas', 1);
  if (isMap(template)) defaultPodTemplate(template);
}
