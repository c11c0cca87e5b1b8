/**
 * Field sets in the FieldsV1 wire format itself (`{"f:spec":{"f:replicas":{}}}`), so stored
 * managedFields never need converting: a node is a path; it is a member of the set when it has a
 * `.` child or no child at all; the root is never a member. Nodes are shared, never modified.
 */
export interface Fields {
  [element: string]: Fields;
}

export const DOT = '.';

/**
 * The one leaf every set shares: nodes are never modified, so the `{}` of every member without
 * children can be the same frozen object (most nodes are leaves: no allocation, nothing to freeze).
 */
export const LEAF: Fields = Object.freeze({}) as Fields;

/** Is the path of this (non-root) node in the set? */
export function isMember(n: Fields): boolean {
  if (DOT in n) return true;
  for (const _ in n) return false;
  return true;
}

export function isEmpty(set: Fields): boolean {
  for (const _ in set) return false;
  return true;
}

/** a ∪ b; `a` itself when b adds nothing to it (no allocation for a writer re-writing its fields). */
export function union(a: Fields, b: Fields, root = true): Fields {
  if (a === b) return a;
  if (root && isEmpty(a)) return b;
  let out: Fields | undefined;
  for (const k in b) {
    if (k === DOT) continue;
    const ak = a[k];
    const kid = ak ? union(ak, b[k], false) : b[k];
    if (kid !== ak) (out ??= { ...a })[k] = kid;
  }
  const member = !root && (isMember(a) || isMember(b));
  if (!out) return member && !isMember(a) ? { [DOT]: LEAF, ...a } : a;
  // A leaf member of a that gains children keeps its membership as `.`.
  return member && !(DOT in out) ? { [DOT]: LEAF, ...out } : out;
}

/** a minus the members of b (children of a removed member stay, as SMD's Difference). */
export function difference(a: Fields, b: Fields): Fields {
  return subtract(a, b, true) ?? {};
}

function subtract(a: Fields, b: Fields, root: boolean): Fields | undefined {
  const member = !root && isMember(a) && !isMember(b);
  let out: Fields | undefined;
  let changed = false;
  for (const k in a) {
    if (k === DOT) continue;
    const kid = k in b ? subtract(a[k], b[k], false) : a[k];
    if (kid !== a[k]) changed = true;
    if (kid) (out ??= {})[k] = kid;
  }
  if (!out) return member ? LEAF : root ? {} : undefined;
  if (!changed && member === (!root && isMember(a))) return a;
  return member ? withDot(out) : out;
}

/** a ∩ b. */
export function intersection(a: Fields, b: Fields): Fields {
  return intersect(a, b, true) ?? {};
}

function intersect(a: Fields, b: Fields, root: boolean): Fields | undefined {
  const member = !root && isMember(a) && isMember(b);
  let out: Fields | undefined;
  for (const k in a) {
    if (k === DOT || !(k in b)) continue;
    const kid = intersect(a[k], b[k], false);
    if (kid) (out ??= {})[k] = kid;
  }
  if (!out) return member ? LEAF : undefined;
  return member ? withDot(out) : out;
}

/** Does a share any member with b? (Cheaper than building the intersection.) */
export function overlaps(a: Fields, b: Fields, root = true): boolean {
  if (!root && isMember(a) && isMember(b)) return true;
  for (const k in a) {
    if (k !== DOT && k in b && overlaps(a[k], b[k], false)) return true;
  }
  return false;
}

/** Is the path (of elements) a member of the set? */
export function has(set: Fields, path: readonly string[]): boolean {
  let n: Fields | undefined = set;
  for (const e of path) {
    n = n[e];
    if (!n) return false;
  }
  return path.length > 0 && isMember(n);
}

/** The set with these top-level elements (and everything under them) dropped. */
export function without(set: Fields, elements: readonly string[]): Fields {
  if (!elements.some((e) => e in set)) return set;
  const out: Fields = {};
  for (const k in set) if (!elements.includes(k)) out[k] = set[k];
  return out;
}

/** Only these top-level elements (and everything under them). */
export function only(set: Fields, elements: readonly string[]): Fields {
  const out: Fields = {};
  for (const k of elements) if (k in set) out[k] = set[k];
  return out;
}

/** Every member path, members of a node before its children, each level in sorted order (SMD's Iterate). */
export function members(set: Fields): string[][] {
  const out: string[][] = [];
  const walk = (n: Fields, prefix: string[]): void => {
    const keys = Object.keys(n)
      .filter((k) => k !== DOT)
      .sort();
    for (const k of keys) if (isMember(n[k])) out.push([...prefix, k]);
    for (const k of keys) walk(n[k], [...prefix, k]);
  };
  walk(set, []);
  return out;
}

/** A copy with keys in byte order at every level, as the real server serializes a set. */
export function sorted(set: Fields): Fields {
  const keys = Object.keys(set);
  if (keys.length === 0) return {};
  keys.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const out: Fields = {};
  for (const k of keys) out[k] = sorted(set[k]);
  return out;
}

function withDot(kids: Fields): Fields {
  return { [DOT]: LEAF, ...kids };
}
