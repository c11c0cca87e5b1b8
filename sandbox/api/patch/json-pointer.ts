/**
 * JSON pointers as evanphx/json-patch v4 resolves them: the path is split on `/`, the first
 * segment is dropped (so a path without a leading `/` loses its first token), `~1` and `~0` are
 * unescaped, and array indexes are parsed by Go's `strconv.Atoi` (signs and leading zeros pass,
 * negative indexes count from the end).
 */
import type { JsonObject, JsonValue } from '../types';
import { isJsonObject } from './json-value';

export type Container = JsonObject | JsonValue[];

export function unescapeToken(token: string): string {
  return token.replace(/~[01]/g, (m) => (m === '~1' ? '/' : '~'));
}

export type AtoiResult = { ok: true; n: number; text: string } | { ok: false; err: string };

/** Go's `strconv.Atoi`, with its error text. */
export function atoi(s: string): AtoiResult {
  const quoted = JSON.stringify(s);
  const m = /^([+-]?)([0-9]+)$/.exec(s);
  if (!m) return { ok: false, err: `strconv.Atoi: parsing ${quoted}: invalid syntax` };
  const big = BigInt(m[1] === '-' ? `-${m[2]}` : m[2]);
  if (big > 9223372036854775807n || big < -9223372036854775808n) {
    return { ok: false, err: `strconv.Atoi: parsing ${quoted}: value out of range` };
  }
  return { ok: true, n: Number(big), text: big.toString() };
}

/** The parent container of `path` and the last (unescaped) token, or undefined where upstream finds none. */
export function findParent(doc: Container, path: string): { con: Container; key: string } | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  let con: Container = doc;
  for (const part of split.slice(1, -1)) {
    const next = getChild(con, unescapeToken(part));
    if (next.err !== undefined || next.value === undefined || next.value === null) return undefined;
    if (!Array.isArray(next.value) && !isJsonObject(next.value)) return undefined;
    con = next.value;
  }
  return { con, key: unescapeToken(split[split.length - 1]) };
}

/** A child: `value` undefined means absent (an object key that is not there). */
export function getChild(con: Container, key: string): { value?: JsonValue; err?: string } {
  if (!Array.isArray(con)) {
    return Object.prototype.hasOwnProperty.call(con, key) ? { value: con[key] } : {};
  }
  const idx = arrayIndex(con.length, key);
  if ('err' in idx) return { err: idx.err };
  return { value: con[idx.i] };
}

/** An existing array position (get, replace, remove), with the upstream errors. */
export function arrayIndex(len: number, key: string): { i: number } | { err: string } {
  const r = atoi(key);
  if (!r.ok) return { err: r.err };
  let i = r.n;
  if (i >= len || i < -len)
    return { err: `Unable to access invalid index: ${r.text}: invalid index referenced` };
  if (i < 0) i += len;
  return { i };
}
