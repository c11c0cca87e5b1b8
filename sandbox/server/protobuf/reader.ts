/**
 * A protobuf wire-format reader over a byte range. Every read is bounds-checked and reports what a
 * gogo-protobuf `Unmarshal` reports (`unexpected EOF`, `proto: integer overflow`, ...), so a
 * truncated or hostile body becomes a 400 and never a RangeError or a hang.
 */

/** Wire types (the low three bits of a field key). */
export const VARINT = 0;
export const FIXED64 = 1;
export const BYTES = 2;
export const START_GROUP = 3;
export const END_GROUP = 4;
export const FIXED32 = 5;

/** Malformed protobuf input; the message is the one Go's generated code would give. */
export class ProtobufError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtobufError';
  }
}

/** Nested groups deeper than this are refused rather than followed (they never occur in Kubernetes). */
const MAX_GROUP_DEPTH = 64;

export interface Key {
  field: number;
  wire: number;
}

export class WireReader {
  private pos: number;

  constructor(
    private readonly buf: Uint8Array,
    start = 0,
    private readonly end = buf.length,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  /** The next field key. `message` names the message in errors (`proto: ObjectMeta: ...`). */
  key(message: string): Key {
    const k = this.varint();
    const wire = Number(k & 7n);
    const field = k >> 3n;
    if (wire === END_GROUP) throw new ProtobufError(`proto: ${message}: wiretype end group for non-group`);
    // Go keeps the field number in an int32: anything that does not fit is an illegal tag too.
    if (field <= 0n || field > 0x7fffffffn) {
      throw new ProtobufError(
        `proto: ${message}: illegal tag ${BigInt.asIntN(32, field)} (wire type ${wire})`,
      );
    }
    return { field: Number(field), wire };
  }

  /** A base-128 varint of up to 64 bits, as an unsigned value. */
  varint(): bigint {
    let result = 0n;
    for (let shift = 0n; ; shift += 7n) {
      if (shift >= 64n) throw new ProtobufError('proto: integer overflow');
      if (this.pos >= this.end) throw new ProtobufError('unexpected EOF');
      const b = this.buf[this.pos++];
      result |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return BigInt.asUintN(64, result);
    }
  }

  fixed32(): number {
    this.need(4);
    const b = this.buf;
    const p = this.pos;
    this.pos += 4;
    return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
  }

  fixed64(): bigint {
    const lo = BigInt(this.fixed32());
    const hi = BigInt(this.fixed32());
    return (hi << 32n) | lo;
  }

  /** A length-delimited field's payload (a view, not a copy). */
  bytes(): Uint8Array {
    const { start, end } = this.span();
    return this.buf.subarray(start, end);
  }

  /** Offsets of a length-delimited payload, after which the reader stands past it. */
  span(): { start: number; end: number } {
    const len = BigInt.asIntN(64, this.varint());
    if (len < 0n) throw new ProtobufError('proto: negative length found during unmarshaling');
    if (len > BigInt(this.end - this.pos)) throw new ProtobufError('unexpected EOF');
    const start = this.pos;
    this.pos += Number(len);
    return { start, end: this.pos };
  }

  /** Skip the value of a field we do not know, whatever its wire type. */
  skip(wire: number, field: number, depth = 0): void {
    switch (wire) {
      case VARINT:
        this.varint();
        return;
      case FIXED64:
        this.need(8);
        this.pos += 8;
        return;
      case BYTES:
        this.span();
        return;
      case FIXED32:
        this.need(4);
        this.pos += 4;
        return;
      case START_GROUP:
        if (depth >= MAX_GROUP_DEPTH) throw new ProtobufError('proto: group nested too deeply');
        for (;;) {
          if (this.done) throw new ProtobufError('unexpected EOF');
          const k = this.varint();
          const w = Number(k & 7n);
          if (w === END_GROUP) {
            if (k >> 3n !== BigInt(field)) throw new ProtobufError('proto: unexpected end of group');
            return;
          }
          this.skip(w, Number(k >> 3n), depth + 1);
        }
      case END_GROUP:
        throw new ProtobufError('proto: unexpected end of group');
      default:
        throw new ProtobufError(`proto: illegal wireType ${wire}`);
    }
  }

  private need(n: number): void {
    if (this.end - this.pos < n) throw new ProtobufError('unexpected EOF');
  }
}
