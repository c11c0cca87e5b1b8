/**
 * Trusted writes: what the API server does instead of strict decoding for the writes of the
 * cluster's own components (kubelets, scheduler, controllers, event recorder, bootstrap — the
 * views `ApiServer.asComponent` makes). Their bodies are built by our own code from stored
 * objects, so the only thing the decoder would still do to them is normalise: drop `null` and
 * `undefined` fields and copy. `normalize` does exactly that, far cheaper than a schema walk.
 *
 * The claim "the decoder would produce the same object" is checked, not assumed: with
 * `setWriteVerification(true)` (the whole test suite turns it on, see tests/setup/) every trusted
 * write is also decoded and validated, and any difference throws an Error naming the field.
 */
import type { KubeObject, KubeObjectInput } from './types';
import type { ResourceInfo } from './resources';
import { apiVersionOf } from './resources';
import { checkDecoding } from './decode';
import { StatusError } from './errors';

/**
 * Frozen values (parts of stored objects) with nested objects found to hold no `null` or
 * `undefined` field anywhere and to be frozen all the way down: normalising them changes nothing
 * (now or later), so a status write may store them as they are. Objects of scalars only are
 * checked on the spot (cheaper than a lookup).
 */
const canonical = new WeakSet<object>();

const NOT_CANONICAL = 0;
const CANONICAL = 1;
/** Canonical, and frozen all the way down (what may be remembered). */
const SETTLED = 2;

function check(v: object): number {
  let nested = false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      // A null list element decodes into a zero value: leave such lists to the copy (and the verifier).
      if (x === null || x === undefined) return NOT_CANONICAL;
      if (typeof x === 'object') nested = true;
    }
  } else {
    for (const k in v) {
      const x = (v as Record<string, unknown>)[k];
      if (x === null || x === undefined) return NOT_CANONICAL;
      if (typeof x === 'object') nested = true;
    }
  }
  const frozen = Object.isFrozen(v);
  if (!nested) return frozen ? SETTLED : CANONICAL;
  if (canonical.has(v)) return SETTLED;
  let result = frozen ? SETTLED : CANONICAL;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x !== 'object') continue;
      const c = check(x as object);
      if (c === NOT_CANONICAL) return NOT_CANONICAL;
      if (c === CANONICAL) result = CANONICAL;
    }
  } else {
    for (const k in v) {
      const x = (v as Record<string, unknown>)[k];
      if (typeof x !== 'object') continue;
      const c = check(x as object);
      if (c === NOT_CANONICAL) return NOT_CANONICAL;
      if (c === CANONICAL) result = CANONICAL;
    }
  }
  if (result === SETTLED) canonical.add(v);
  return result;
}

/**
 * A copy with `null` and `undefined` fields dropped, as the decoder leaves them: for creates and
 * updates, whose pipeline (defaults, prepare) modifies the object it stores.
 */
function copy(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = copy(v[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined && x !== null) out[k] = copy(x);
  }
  return out;
}

/**
 * The same for a status write, whose pipeline never modifies anything below the object's top level
 * and its metadata: frozen canonical values (the stored status's unchanged parts) are kept as they
 * are, and what is copied below that level is frozen at once (the store would walk it to freeze it).
 */
function share(v: unknown, freeze: boolean): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Object.isFrozen(v) && check(v) === SETTLED) return v;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = share(v[i], true);
    return freeze ? Object.freeze(out) : out;
  }
  const out: Record<string, unknown> = {};
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined && x !== null) out[k] = share(x, true);
  }
  return freeze ? Object.freeze(out) : out;
}

/** A status write's body: metadata copied without managedFields (a status write never sets them). */
function shareTop(input: KubeObjectInput): KubeObject {
  const out: Record<string, unknown> = {};
  for (const k in input) {
    const x = (input as Record<string, unknown>)[k];
    if (x === undefined || x === null) continue;
    // The spec is put back from the stored object (prepareForStatusUpdate): only its place counts.
    if (k === 'spec') out[k] = x;
    else
      out[k] =
        k === 'metadata' && typeof x === 'object' && !Array.isArray(x) ? shareMetadata(x) : share(x, true);
  }
  return out as unknown as KubeObject;
}

function shareMetadata(metadata: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in metadata) {
    const x = (metadata as Record<string, unknown>)[k];
    if (x !== undefined && x !== null && k !== 'managedFields') out[k] = share(x, true);
  }
  return out;
}

/**
 * The metadata a component sends in a canonical status write (WriteOptions.canonical): the stored
 * metadata, a private copy without managedFields (a status write never sets them) and, for a write
 * that is not conditional, without the resourceVersion.
 */
export function statusWriteMetadata(
  metadata: KubeObject['metadata'],
  conditional: boolean,
): KubeObject['metadata'] {
  const out: Record<string, unknown> = {};
  for (const k in metadata) {
    if (k === 'managedFields' || (k === 'resourceVersion' && !conditional)) continue;
    out[k] = (metadata as Record<string, unknown>)[k];
  }
  return out as KubeObject['metadata'];
}

/** The body without metadata.managedFields (what a status write decodes). */
export function withoutManagedFields(input: KubeObjectInput): KubeObjectInput {
  if (!input.metadata?.managedFields) return input;
  const { managedFields: _ignored, ...metadata } = input.metadata;
  return { ...input, metadata };
}

/**
 * The object a trusted write stores, as `decode` would have produced it (see `verifyDecoding`).
 * A `canonical` body (WriteOptions.canonical) is already that object: it is kept as it is.
 */
export function normalize(
  r: ResourceInfo,
  input: KubeObjectInput,
  status: boolean,
  canonical = false,
): KubeObject {
  const obj = canonical ? (input as KubeObject) : status ? shareTop(input) : (copy(input) as KubeObject);
  obj.apiVersion = apiVersionOf(r);
  obj.kind = r.kind;
  obj.metadata = obj.metadata ?? {};
  return obj;
}

let verifying = false;

/**
 * Also decode and validate every trusted write, and throw an Error when the decoder would have
 * produced a different object or validation reports an error. Off in the product (it is what
 * trusted writes save); the test suite turns it on for every test.
 */
export function setWriteVerification(on: boolean): void {
  verifying = on;
}

export function writeVerification(): boolean {
  return verifying;
}

/**
 * Throw unless a body sent as `canonical` can be kept: no `undefined` field anywhere, nothing
 * unfrozen below a frozen object, unfrozen top level and metadata (the server modifies them), and
 * for a status write no managedFields. (`verifyDecoding` checks the rest: that decoding gives the
 * body itself, so a `null` is only where decoding keeps one, as in a condition's lastProbeTime.)
 */
export function verifyCanonical(r: ResourceInfo, input: KubeObjectInput, status: boolean): void {
  const fail = (why: string): never => {
    throw new Error(`canonical ${r.kind} write ${input.metadata?.name ?? ''} ${why}`);
  };
  if (Object.isFrozen(input) || (input.metadata && Object.isFrozen(input.metadata)))
    fail('is frozen at its top level or metadata');
  if (status && input.metadata?.managedFields !== undefined) fail('carries managedFields');
  const walk = (v: unknown, path: string, frozenAbove: boolean): void => {
    if (v === undefined) fail(`has undefined at ${path}`);
    if (v === null || typeof v !== 'object') return;
    const frozen = Object.isFrozen(v);
    if (frozenAbove && !frozen) fail(`has an unfrozen object below a frozen one at ${path}`);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, frozen));
    else for (const k in v) walk((v as Record<string, unknown>)[k], `${path}.${k}`, frozen);
  };
  walk(input, '', false);
}

/** Throw unless strict decoding of `input` gives exactly `produced` (values, key order, nothing else). */
export function verifyDecoding(r: ResourceInfo, input: KubeObjectInput, produced: KubeObject): void {
  let decoded: KubeObject;
  try {
    decoded = checkDecoding(input, apiVersionOf(r), r.kind, 'Strict').object as KubeObject;
  } catch (e) {
    if (e instanceof StatusError)
      throw new Error(`trusted ${r.kind} write does not decode: ${e.message}`, { cause: e });
    throw e;
  }
  decoded.apiVersion = apiVersionOf(r);
  decoded.kind = r.kind;
  decoded.metadata = decoded.metadata ?? {};
  const diff = difference(decoded, produced, '');
  if (diff !== undefined) {
    throw new Error(
      `trusted ${r.kind} write ${produced.metadata.name ?? produced.metadata.generateName ?? ''} is not what decoding gives: ${diff}`,
    );
  }
}

/** Throw when validation found errors in a trusted write. */
export function verifyValid(
  r: ResourceInfo,
  obj: KubeObject,
  errs: ReadonlyArray<{ field: string; body: string }>,
): void {
  if (errs.length === 0) return;
  const list = errs.map((e) => `${e.field}: ${e.body}`).join('; ');
  throw new Error(`trusted ${r.kind} write ${obj.metadata.name ?? ''} is invalid: ${list}`);
}

function show(v: unknown): string {
  return v === undefined ? 'absent' : JSON.stringify(v);
}

/** The first difference between the decoded and the produced value (keys and their order count), or undefined. */
export function difference(want: unknown, got: unknown, path: string): string | undefined {
  if (want === got) return undefined;
  const at = path || '(root)';
  if (want === null || got === null || typeof want !== 'object' || typeof got !== 'object')
    return `${at}: decoded ${show(want)}, trusted ${show(got)}`;
  if (Array.isArray(want) !== Array.isArray(got)) return `${at}: decoded ${show(want)}, trusted ${show(got)}`;
  if (Array.isArray(want)) {
    const g = got as unknown[];
    if (want.length !== g.length) return `${at}: decoded ${want.length} items, trusted ${g.length}`;
    for (let i = 0; i < want.length; i++) {
      const d = difference(want[i], g[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  const w = want as Record<string, unknown>;
  const g = got as Record<string, unknown>;
  const wk = Object.keys(w);
  const gk = Object.keys(g);
  for (const k of gk) if (!(k in w)) return `${path}.${k}: decoded absent, trusted ${show(g[k])}`;
  for (const k of wk) if (!(k in g)) return `${path}.${k}: decoded ${show(w[k])}, trusted absent`;
  for (const k of wk) {
    const d = difference(w[k], g[k], `${path}.${k}`);
    if (d) return d;
  }
  if (wk.join('\u0000') !== gk.join('\u0000'))
    return `${at}: key order decoded [${wk.join(', ')}], trusted [${gk.join(', ')}]`;
  return undefined;
}
