/**
 * Namespace validation: the name is a DNS-1123 label (`a lowercase RFC 1123 label must consist
 * of ...`), and spec.finalizers must be qualified names; updates only check metadata.
 */
import type { KubeObject } from '../types';
import type { FieldError } from './field';
import { rec, strList } from './json';
import { validateLabelName } from './labels';
import { nameIsDNSLabel } from './names';
import { validateKubeFinalizerName, validateObjectMeta, validateObjectMetaUpdate } from './objectmeta';

export function validateNamespace(ns: KubeObject): FieldError[] {
  const errs = validateObjectMeta(ns.metadata, false, nameIsDNSLabel);
  for (const f of strList(rec(ns.spec).finalizers)) {
    errs.push(...validateLabelName(f, 'spec.finalizers'), ...validateKubeFinalizerName(f, 'spec.finalizers'));
  }
  return errs;
}

export function validateNamespaceUpdate(ns: KubeObject, old: KubeObject): FieldError[] {
  return validateObjectMetaUpdate(ns.metadata, old.metadata);
}
