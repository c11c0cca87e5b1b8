/**
 * pod-template-hash [MODEL]: FNV-1a-32 over a canonical JSON of the (defaulted) pod template —
 * keys sorted, UTF-8 — followed, when status.collisionCount is set, by the count as a
 * little-endian uint32 and four zero bytes; the uint32 is printed in decimal and every digit is
 * mapped through the 27-character name alphabet (`alphabet[charCode % 27]`), as upstream's
 * rand.SafeEncodeString does. Upstream hashes Go's struct dump, which TypeScript cannot
 * reproduce; what matters is kept: equal templates give equal names, any change a new one.
 */
import { utf8 } from '../../api/go/bytes';

export { utf8 };
import { NAME_SUFFIX_ALPHABET } from '../../clock/random';
import type { PodTemplate } from './types';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** JSON with object keys sorted at every level (arrays keep their order). */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function fnv1a32(bytes: readonly number[]): number {
  let h = FNV_OFFSET;
  for (const b of bytes) h = Math.imul(h ^ b, FNV_PRIME) >>> 0;
  return h >>> 0;
}

/** rand.SafeEncodeString: each character through the alphabet by its code modulo 27. */
export function safeEncode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++)
    out += NAME_SUFFIX_ALPHABET[s.charCodeAt(i) % NAME_SUFFIX_ALPHABET.length];
  return out;
}

/** controller.ComputeHash (model): the pod-template-hash of a template and collision count. */
export function computeHash(template: PodTemplate | undefined, collisionCount?: number): string {
  const bytes = utf8(canonicalJson(template ?? {}));
  if (collisionCount !== undefined && collisionCount !== null) {
    const n = collisionCount >>> 0;
    bytes.push(n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255, 0, 0, 0, 0);
  }
  return safeEncode(String(fnv1a32(bytes)));
}
