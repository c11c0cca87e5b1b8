/**
 * A tiny protobuf encoder for the decoder's tests: each helper returns the bytes of one field.
 * Messages are built by concatenating fields, as the wire format does.
 */
export type Bytes = number[];

export function varint(v: number | bigint): Bytes {
  let n = BigInt.asUintN(64, BigInt(v));
  const out: Bytes = [];
  do {
    const b = Number(n & 0x7fn);
    n >>= 7n;
    out.push(n ? b | 0x80 : b);
  } while (n);
  return out;
}

export const key = (field: number, wire: number): Bytes => varint((BigInt(field) << 3n) | BigInt(wire));

export function utf8(s: string): Bytes {
  return [...new TextEncoder().encode(s)];
}

/** A length-delimited field (string, bytes or message). */
export function ld(field: number, payload: Bytes | string): Bytes {
  const b = typeof payload === 'string' ? utf8(payload) : payload;
  return [...key(field, 2), ...varint(b.length), ...b];
}

export const int = (field: number, v: number | bigint): Bytes => [...key(field, 0), ...varint(v)];

export const msg = (field: number, ...parts: Bytes[]): Bytes => ld(field, parts.flat());

/** A map<string, string|bytes> entry. */
export const entry = (field: number, k: string, v: Bytes | string): Bytes => msg(field, ld(1, k), ld(2, v));

export const MAGIC: Bytes = [0x6b, 0x38, 0x73, 0x00];

/** The `k8s\0` envelope around an object's message. */
export function envelope(apiVersion: string, kind: string, raw: Bytes): Uint8Array {
  return Uint8Array.from([
    ...MAGIC,
    ...msg(1, ld(1, apiVersion), ld(2, kind)),
    ...ld(2, raw),
    ...ld(3, ''),
    ...ld(4, ''),
  ]);
}

export function fromHex(h: string): Uint8Array {
  return Uint8Array.from(h.match(/../g)!.map((x) => parseInt(x, 16)));
}
