/**
 * The structure of a value as a comparison with a zero object sees it (creates): which fields are
 * set, in order, and where `null` is (a zero value may be null); lists by their JSON (their items
 * are keyed by value). Scalar values do not count: thousands of Events share one structure.
 * Matching a value against a recorded structure allocates nothing for objects, so a create pays a
 * walk of its keys instead of building a key text.
 */
export type Structure =
  | { kind: 'null' }
  | { kind: 'scalar' }
  | { kind: 'list'; json: string }
  | { kind: 'object'; keys: readonly string[]; kids: readonly Structure[] };

const NULL: Structure = { kind: 'null' };
const SCALAR: Structure = { kind: 'scalar' };

/** The structure of `v`, without the top-level key `skip`; `undefined` fields count as absent. */
export function structureOf(v: unknown, skip?: string): Structure {
  if (v === null) return NULL;
  if (typeof v !== 'object') return SCALAR;
  if (Array.isArray(v)) return { kind: 'list', json: JSON.stringify(v) };
  const keys: string[] = [];
  const kids: Structure[] = [];
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined || k === skip) continue;
    keys.push(k);
    kids.push(structureOf(x));
  }
  return { kind: 'object', keys, kids };
}

/** Does `v` (without the top-level key `skip`) have structure `s`? */
export function hasStructure(s: Structure, v: unknown, skip?: string): boolean {
  if (v === null) return s.kind === 'null';
  if (typeof v !== 'object') return s.kind === 'scalar';
  if (Array.isArray(v)) return s.kind === 'list' && s.json === JSON.stringify(v);
  if (s.kind !== 'object') return false;
  let i = 0;
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined || k === skip) continue;
    if (i >= s.keys.length || s.keys[i] !== k || !hasStructure(s.kids[i], x)) return false;
    i++;
  }
  return i === s.keys.length;
}
