/**
 * ConfigMap validation: keys (`data[<key>]: Invalid value: "<key>": a valid config key must
 * consist of alphanumeric characters, '-', '_' or '.' ...`), no key in both data and binaryData,
 * 1 MiB total; on update, `immutable: true` freezes data, binaryData and the flag itself.
 */
import type { KubeObject } from '../types';
import { forbiddenError, invalidError, key, tooLongError, type FieldError } from './field';
import { goString } from './gofmt';
import { isRecord, sortedKeys, str } from './json';
import { byteLength, isConfigMapKey, nameIsDNSSubdomain } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectmeta';

/** core.MaxSecretSize, also the ConfigMap limit. */
export const MAX_CONFIGMAP_SIZE = 1024 * 1024;

function base64Length(s: string): number {
  const clean = s.replace(/=+$/, '');
  return Math.floor((clean.length * 3) / 4);
}

export function validateConfigMap(cm: KubeObject): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, true, nameIsDNSSubdomain);
  const data = isRecord(cm.data) ? cm.data : undefined;
  const binary = isRecord(cm.binaryData) ? cm.binaryData : undefined;
  let total = 0;
  for (const k of sortedKeys(data)) {
    for (const m of isConfigMapKey(k)) errs.push(invalidError(key('data', k), goString(k), m));
    if (binary && k in binary)
      errs.push(invalidError(key('data', k), goString(k), 'duplicate of key present in binaryData'));
    total += byteLength(str(data![k]));
  }
  for (const k of sortedKeys(binary)) {
    for (const m of isConfigMapKey(k)) errs.push(invalidError(key('binaryData', k), goString(k), m));
    total += base64Length(str(binary![k]));
  }
  if (total > MAX_CONFIGMAP_SIZE) errs.push(tooLongError('', MAX_CONFIGMAP_SIZE));
  return errs;
}

function sameMap(a: unknown, b: unknown): boolean {
  const x = isRecord(a) ? a : {};
  const y = isRecord(b) ? b : {};
  const kx = Object.keys(x);
  return (
    kx.length === Object.keys(y).length &&
    kx.every((k) => k in y && x[k] === y[k]) &&
    isRecord(a) === isRecord(b)
  );
}

export function validateConfigMapUpdate(cm: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(cm.metadata, old.metadata);
  if (old.immutable === true) {
    const detail = 'field is immutable when `immutable` is set';
    if (cm.immutable !== true) errs.push(forbiddenError('immutable', detail));
    if (!sameMap(cm.data, old.data)) errs.push(forbiddenError('data', detail));
    if (!sameMap(cm.binaryData, old.binaryData)) errs.push(forbiddenError('binaryData', detail));
  }
  errs.push(...validateConfigMap(cm));
  return errs;
}
