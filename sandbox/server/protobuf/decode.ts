/**
 * Decodes a protobuf message by its table into the JSON that Go's `encoding/json` writes for the
 * decoded struct: non-pointer fields always exist (zero when absent from the wire), so a scalar is
 * written unless `omitempty` and zero, a nested struct is always written, a pointer only when it was
 * on the wire, and an empty slice or map is dropped with `omitempty` and `null` without it.
 * Protobuf semantics kept: the last value of a scalar wins, occurrences of a message field merge,
 * map entries with the same key overwrite, unknown fields are skipped.
 */
import { BYTES, ProtobufError, VARINT, WireReader } from './reader';
import type { Field, Message, Scalar, ValueType } from './schema';
import { base64, rfc3339, utf8Decode } from './text';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A field's occurrences on the wire: varint values or length-delimited payloads. */
type Occurrence = bigint | Uint8Array;

/** Nesting deeper than this is refused (Kubernetes objects are a dozen levels deep at most). */
const MAX_DEPTH = 100;

export function decodeMessage(bytes: Uint8Array, table: Message, depth = 0): { [key: string]: Json } {
  if (depth > MAX_DEPTH) throw new ProtobufError('proto: message nested too deeply');
  const byNum = new Map<number, Field>(table.fields.map((f) => [f.num, f]));
  const seen = new Map<number, Occurrence[]>();
  const r = new WireReader(bytes);
  while (!r.done) {
    const { field, wire } = r.key(table.name);
    const f = byNum.get(field);
    if (!f) {
      r.skip(wire, field);
      continue;
    }
    const want = wireType(f);
    // (The tables have no repeated numbers, so packed encoding never applies.)
    if (wire !== want) throw new ProtobufError(`proto: wrong wireType = ${wire} for field ${goName(f.json)}`);
    const value = want === VARINT ? r.varint() : r.bytes();
    const list = seen.get(field);
    if (list) list.push(value);
    else seen.set(field, [value]);
  }
  const out: { [key: string]: Json } = {};
  for (const f of table.fields) {
    const v = fieldJson(f, seen.get(f.num) ?? [], depth);
    if (v !== undefined) out[f.json] = v;
  }
  return out;
}

function wireType(f: Field): number {
  if (f.card === 'map') return BYTES;
  return f.type === 'int32' || f.type === 'int64' || f.type === 'bool' ? VARINT : BYTES;
}

/** The JSON for one field, or undefined when Go's encoding would leave it out. */
function fieldJson(f: Field, occ: Occurrence[], depth: number): Json | undefined {
  switch (f.card) {
    case 'map': {
      if (occ.length === 0) return undefined;
      const entries = new Map<string, Json>();
      for (const o of occ) {
        const [k, v] = mapEntry(o as Uint8Array, f.type as Scalar, f.json);
        entries.set(k, v);
      }
      // Go writes map keys sorted.
      const out: { [key: string]: Json } = {};
      for (const k of [...entries.keys()].sort()) out[k] = entries.get(k)!;
      return out;
    }
    case 'list':
      if (occ.length === 0) return f.omitempty ? undefined : null;
      return occ.map((o) => one(f.type, o, depth));
    case 'pointer':
      if (occ.length) return single(f.type, occ, depth);
      return f.omitempty ? undefined : null;
    case 'value': {
      const v = single(f.type, occ, depth);
      return f.omitempty && isZeroScalar(f.type, v) ? undefined : v;
    }
  }
}

/** A non-repeated field: messages merge all their occurrences, other values take the last one. */
function single(type: ValueType, occ: Occurrence[], depth: number): Json {
  if (typeof type === 'function') {
    return decodeMessage(concat(occ as Uint8Array[]), type(), depth + 1);
  }
  if (occ.length === 0) return zero(type);
  return one(type, occ[occ.length - 1], depth);
}

function one(type: ValueType, o: Occurrence, depth: number): Json {
  if (typeof type === 'function') return decodeMessage(o as Uint8Array, type(), depth + 1);
  return scalar(type, o);
}

function scalar(type: Scalar, o: Occurrence): Json {
  switch (type) {
    case 'string':
      return utf8Decode(o as Uint8Array);
    case 'bytes':
      return base64(o as Uint8Array);
    case 'int32':
      return Number(BigInt.asIntN(32, o as bigint));
    case 'int64':
      // Past 2^53 a JavaScript number loses digits; Kubernetes integers never get there.
      return Number(BigInt.asIntN(64, o as bigint));
    case 'bool':
      return (o as bigint) !== 0n;
    case 'time':
      return time(o as Uint8Array);
    case 'intOrString':
      return intOrString(o as Uint8Array);
    case 'quantity':
      return quantity(o as Uint8Array);
  }
}

function zero(type: Scalar): Json {
  switch (type) {
    case 'string':
    case 'bytes':
      return '';
    case 'int32':
    case 'int64':
    case 'intOrString':
      return 0;
    case 'bool':
      return false;
    case 'time':
      return null;
    case 'quantity':
      return '0';
  }
}

/** Structs (Time, IntOrString, Quantity, messages) are never empty for `omitempty`. */
function isZeroScalar(type: ValueType, v: Json): boolean {
  if (typeof type === 'function' || type === 'time' || type === 'intOrString' || type === 'quantity')
    return false;
  return v === '' || v === 0 || v === false;
}

/** A map entry message: key = 1, value = 2; either may be absent (then it is the zero value). */
function mapEntry(b: Uint8Array, type: Scalar, json: string): [string, Json] {
  const r = new WireReader(b);
  let key = '';
  let val: Json = zero(type);
  while (!r.done) {
    const { field, wire } = r.key('MapEntry');
    if (field === 1 && wire === BYTES) key = utf8Decode(r.bytes());
    else if (field === 2 && wire === BYTES) val = scalar(type, r.bytes());
    else if (field === 1 || field === 2) {
      const part = field === 1 ? 'key' : 'value';
      throw new ProtobufError(`proto: wrong wireType = ${wire} for field ${goName(json)} (map ${part})`);
    } else r.skip(wire, field);
  }
  return [key, val];
}

/** metav1.Time: an empty payload is the zero time (null); nanoseconds are dropped, as Go does. */
function time(b: Uint8Array): Json {
  if (b.length === 0) return null;
  const r = new WireReader(b);
  let seconds = 0n;
  while (!r.done) {
    const { field, wire } = r.key('Timestamp');
    if (field === 1 && wire === VARINT) seconds = BigInt.asIntN(64, r.varint());
    else if (field === 2 && wire === VARINT) r.varint();
    else if (field === 1 || field === 2)
      throw new ProtobufError(
        `proto: wrong wireType = ${wire} for field ${field === 1 ? 'Seconds' : 'Nanos'}`,
      );
    else r.skip(wire, field);
  }
  return rfc3339(seconds);
}

/** intstr.IntOrString {type, intVal, strVal}: type 1 is a string, anything else a number. */
function intOrString(b: Uint8Array): Json {
  const r = new WireReader(b);
  let type = 0n;
  let intVal = 0;
  let strVal = '';
  while (!r.done) {
    const { field, wire } = r.key('IntOrString');
    if (field === 1 && wire === VARINT) type = BigInt.asIntN(64, r.varint());
    else if (field === 2 && wire === VARINT) intVal = Number(BigInt.asIntN(32, r.varint()));
    else if (field === 3 && wire === BYTES) strVal = utf8Decode(r.bytes());
    else if (field >= 1 && field <= 3)
      throw new ProtobufError(
        `proto: wrong wireType = ${wire} for field ${['Type', 'IntVal', 'StrVal'][field - 1]}`,
      );
    else r.skip(wire, field);
  }
  return type === 1n ? strVal : intVal;
}

/** resource.Quantity {string}: its text. (The real server re-prints it in canonical form.) */
function quantity(b: Uint8Array): Json {
  const r = new WireReader(b);
  let s = '0';
  while (!r.done) {
    const { field, wire } = r.key('Quantity');
    if (field === 1 && wire === BYTES) s = utf8Decode(r.bytes());
    else if (field === 1) throw new ProtobufError(`proto: wrong wireType = ${wire} for field String_`);
    else r.skip(wire, field);
  }
  return s;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The Go field name gogo's errors use: the JSON name with a capital (APIVersion, UID aside). */
function goName(json: string): string {
  return json.charAt(0).toUpperCase() + json.slice(1);
}
