/**
 * JSON patch (RFC 6902, `application/json-patch+json`) as the API server applies it with
 * evanphx/json-patch v4.12 (Kubernetes v1.32). Upstream quirks kept on purpose:
 * - `replace` of a missing object key adds it (only array indexes are checked);
 * - `add`/`replace`/`copy` without `value` write `null`; `copy` of a missing key writes `null`;
 * - `replace` of the whole document (`""`) with a non-container value does nothing;
 * - `test` of a missing key or `null` against `"value": null` passes.
 * Errors carry the upstream text (`JsonPatchError`); the server hides it behind a generic 422.
 */
import type { JsonObject, JsonValue } from '../types';
import { deepEqual } from './equal';
import { cloneJson, isJsonObject, setKey } from './json-value';
import { type Container, arrayIndex, atoi, findParent, getChild } from './json-pointer';

/** One decoded operation: the op object (its values not yet interpreted), or `null` for a `null` entry. */
export type JsonPatchOperation = JsonObject | null;

/** An operation failed: `message` is the evanphx/json-patch error text. */
export class JsonPatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonPatchError';
  }
}

/** Where upstream dereferences a nil pointer (e.g. `test` with no `value` on a missing key). */
export class JsonPatchPanic extends Error {
  constructor() {
    super('runtime error: invalid memory address or nil pointer dereference');
    this.name = 'JsonPatchPanic';
  }
}

const MISSING = 'missing value';

type Field = { ok: true; value: string } | { ok: false; err: string };

function stringField(op: JsonObject, name: 'path' | 'from'): Field {
  const v = op[name];
  if (v === undefined || v === null) {
    const what = name === 'path' ? 'operation missing path field' : 'operation, missing from field';
    return { ok: false, err: `${what}: ${MISSING}` };
  }
  if (typeof v !== 'string') {
    const kind = Array.isArray(v)
      ? 'array'
      : typeof v === 'object'
        ? 'object'
        : typeof v === 'boolean'
          ? 'bool'
          : typeof v;
    return { ok: false, err: `json: cannot unmarshal ${kind} into Go value of type string` };
  }
  return { ok: true, value: v };
}

function kindOf(op: JsonPatchOperation): string {
  const v = op?.op;
  return typeof v === 'string' ? v : 'unknown';
}

/** The operation's value: undefined when the key is absent (upstream then stores `null`). */
function valueOf(op: JsonObject): JsonValue | undefined {
  return Object.prototype.hasOwnProperty.call(op, 'value') ? op.value : undefined;
}

function fail(message: string): never {
  throw new JsonPatchError(message);
}

function addTo(con: Container, key: string, val: JsonValue): string | undefined {
  if (!Array.isArray(con)) {
    setKey(con, key, val);
    return undefined;
  }
  if (key === '-') {
    con.push(val);
    return undefined;
  }
  const r = atoi(key);
  if (!r.ok) return `value was not a proper array index: '${key}': ${r.err}`;
  const size = con.length + 1;
  let i = r.n;
  if (i >= size || i < -size) return `Unable to access invalid index: ${r.text}: invalid index referenced`;
  if (i < 0) i += size;
  con.splice(i, 0, val);
  return undefined;
}

function removeFrom(con: Container, key: string): string | undefined {
  if (!Array.isArray(con)) {
    if (!Object.prototype.hasOwnProperty.call(con, key))
      return `Unable to remove nonexistent key: ${key}: ${MISSING}`;
    delete con[key];
    return undefined;
  }
  const idx = arrayIndex(con.length, key);
  if ('err' in idx) return idx.err;
  con.splice(idx.i, 1);
  return undefined;
}

function opAdd(doc: Container, op: JsonObject): void {
  const path = stringField(op, 'path');
  if (!path.ok) fail(`add operation failed to decode path: ${MISSING}`);
  const found = findParent(doc, path.value);
  if (!found) fail(`add operation does not apply: doc is missing path: "${path.value}": ${MISSING}`);
  const err = addTo(found.con, found.key, cloneJson(valueOf(op) ?? null));
  if (err) fail(`error in add for path: '${path.value}': ${err}`);
}

function opRemove(doc: Container, op: JsonObject): void {
  const path = stringField(op, 'path');
  if (!path.ok) fail(`remove operation failed to decode path: ${MISSING}`);
  const found = findParent(doc, path.value);
  if (!found) fail(`remove operation does not apply: doc is missing path: "${path.value}": ${MISSING}`);
  const err = removeFrom(found.con, found.key);
  if (err) fail(`error in remove for path: '${path.value}': ${err}`);
}

function opReplace(doc: Container, op: JsonObject): Container {
  const path = stringField(op, 'path');
  if (!path.ok) fail(`replace operation failed to decode path: ${path.err}`);
  if (path.value === '') {
    const v = valueOf(op);
    if (v === undefined) throw new JsonPatchPanic();
    return Array.isArray(v) || isJsonObject(v) ? cloneJson(v) : doc;
  }
  const found = findParent(doc, path.value);
  if (!found) fail(`replace operation does not apply: doc is missing path: ${path.value}: ${MISSING}`);
  const val = cloneJson(valueOf(op) ?? null);
  if (!Array.isArray(found.con)) {
    setKey(found.con, found.key, val);
    return doc;
  }
  const idx = arrayIndex(found.con.length, found.key);
  if ('err' in idx) fail(`replace operation does not apply: doc is missing key: ${path.value}: ${MISSING}`);
  found.con[idx.i] = val;
  return doc;
}

function opMove(doc: Container, op: JsonObject): void {
  const from = stringField(op, 'from');
  if (!from.ok) fail(`move operation failed to decode from: ${from.err}`);
  const src = findParent(doc, from.value);
  if (!src) fail(`move operation does not apply: doc is missing from path: ${from.value}: ${MISSING}`);
  const got = getChild(src.con, src.key);
  if (got.err !== undefined) fail(`error in move for path: '${src.key}': ${got.err}`);
  const removeErr = removeFrom(src.con, src.key);
  if (removeErr) fail(`error in move for path: '${src.key}': ${removeErr}`);
  const path = stringField(op, 'path');
  if (!path.ok) fail(`move operation failed to decode path: ${path.err}`);
  const dst = findParent(doc, path.value);
  if (!dst) fail(`move operation does not apply: doc is missing destination path: ${path.value}: ${MISSING}`);
  const err = addTo(dst.con, dst.key, got.value ?? null);
  if (err) fail(`error in move for path: '${path.value}': ${err}`);
}

function opCopy(doc: Container, op: JsonObject): void {
  const from = stringField(op, 'from');
  if (!from.ok) fail(`copy operation failed to decode from: ${from.err}`);
  const src = findParent(doc, from.value);
  if (!src) fail(`copy operation does not apply: doc is missing from path: ${from.value}: ${MISSING}`);
  const got = getChild(src.con, src.key);
  if (got.err !== undefined) fail(`error in copy for from: '${from.value}': ${got.err}`);
  const path = stringField(op, 'path');
  if (!path.ok) fail(`copy operation failed to decode path: ${MISSING}`);
  const dst = findParent(doc, path.value);
  if (!dst) fail(`copy operation does not apply: doc is missing destination path: ${path.value}: ${MISSING}`);
  const err = addTo(dst.con, dst.key, cloneJson(got.value ?? null));
  if (err) fail(`error while adding value during copy: ${err}`);
}

function opTest(doc: Container, op: JsonObject): void {
  const path = stringField(op, 'path');
  if (!path.ok) fail(`test operation failed to decode path: ${path.err}`);
  const expected = valueOf(op);
  const failed = `testing value ${path.value} failed: test failed`;
  if (path.value === '') {
    if (expected === undefined) throw new JsonPatchPanic();
    if (!deepEqual(doc, expected)) fail(failed);
    return;
  }
  const found = findParent(doc, path.value);
  if (!found) fail(`test operation does not apply: is missing path: ${path.value}: ${MISSING}`);
  const got = getChild(found.con, found.key);
  if (got.err !== undefined) fail(`error in test for path: '${path.value}': ${got.err}`);
  if (got.value === undefined || got.value === null) {
    if (expected === undefined) throw new JsonPatchPanic();
    if (expected !== null) fail(failed);
    return;
  }
  if (expected === undefined || !deepEqual(got.value, expected)) fail(failed);
}

/**
 * Applies decoded operations to a copy of `doc`. Returns the new document, which is an array if
 * the patch replaced the whole document with one.
 */
export function applyJsonPatch(doc: JsonObject, ops: readonly JsonPatchOperation[]): JsonValue {
  let cur: Container = cloneJson(doc);
  for (const op of ops) {
    const kind = kindOf(op);
    const o = op ?? {};
    switch (kind) {
      case 'add':
        opAdd(cur, o);
        break;
      case 'remove':
        opRemove(cur, o);
        break;
      case 'replace':
        cur = opReplace(cur, o);
        break;
      case 'move':
        opMove(cur, o);
        break;
      case 'test':
        opTest(cur, o);
        break;
      case 'copy':
        opCopy(cur, o);
        break;
      default:
        fail(`Unexpected kind: ${kind}`);
    }
  }
  return cur;
}
