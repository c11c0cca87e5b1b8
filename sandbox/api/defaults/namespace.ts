/**
 * Namespace defaulting: the `kubernetes.io/metadata.name` label always equals the name (when
 * there is one), and status.phase defaults to Active. `prepareNamespaceForCreate` is the registry
 * strategy's part: status Active and the `kubernetes` finalizer.
 */
import { ensureMap, type JsonMap } from './json';

export const NAME_LABEL = 'kubernetes.io/metadata.name';

export function defaultNamespace(obj: JsonMap): void {
  const metadata = ensureMap(obj, 'metadata');
  if (typeof metadata.name === 'string' && metadata.name) {
    const labels = ensureMap(metadata, 'labels');
    labels[NAME_LABEL] = metadata.name;
  }
  const status = ensureMap(obj, 'status');
  if (!status.phase) status.phase = 'Active';
}

/** PrepareForCreate of the namespace registry: phase Active, and the `kubernetes` finalizer added. */
export function prepareNamespaceForCreate(obj: JsonMap): void {
  obj.status = { phase: 'Active' };
  const spec = ensureMap(obj, 'spec');
  const finalizers = Array.isArray(spec.finalizers) ? spec.finalizers : [];
  if (!finalizers.includes('kubernetes')) spec.finalizers = [...finalizers, 'kubernetes'];
}
