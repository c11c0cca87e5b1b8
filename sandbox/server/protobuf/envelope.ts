/**
 * The Kubernetes protobuf envelope: the magic `k8s\0`, then a runtime.Unknown message
 * {1: typeMeta {1: apiVersion, 2: kind}, 2: raw (the object's own message), 3: contentEncoding,
 * 4: contentType}. Errors carry the texts of the apiserver's protobuf serializer.
 */
import { BYTES, ProtobufError, WireReader } from './reader';
import { utf8Decode } from './text';

export const MAGIC = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);

export interface Envelope {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
  contentEncoding: string;
  contentType: string;
}

export function decodeEnvelope(data: Uint8Array): Envelope {
  if (data.length === 0) throw new ProtobufError('empty data');
  if (data.length < MAGIC.length || MAGIC.some((b, i) => data[i] !== b)) {
    throw new ProtobufError(
      `provided data does not appear to be a protobuf message, expected prefix [${MAGIC.join(' ')}]`,
    );
  }
  if (data.length === MAGIC.length) throw new ProtobufError('empty body');
  const out: Envelope = {
    apiVersion: '',
    kind: '',
    raw: new Uint8Array(0),
    contentEncoding: '',
    contentType: '',
  };
  const r = new WireReader(data, MAGIC.length);
  while (!r.done) {
    const { field, wire } = r.key('Unknown');
    if (field < 1 || field > 4) {
      r.skip(wire, field);
      continue;
    }
    if (wire !== BYTES) {
      const name = ['TypeMeta', 'Raw', 'ContentEncoding', 'ContentType'][field - 1];
      throw new ProtobufError(`proto: wrong wireType = ${wire} for field ${name}`);
    }
    const b = r.bytes();
    if (field === 1) typeMeta(b, out);
    else if (field === 2) out.raw = b;
    else if (field === 3) out.contentEncoding = utf8Decode(b);
    else out.contentType = utf8Decode(b);
  }
  return out;
}

/** runtime.TypeMeta (not meta/v1's: here apiVersion is field 1 and kind field 2). */
function typeMeta(b: Uint8Array, into: Envelope): void {
  const r = new WireReader(b);
  while (!r.done) {
    const { field, wire } = r.key('TypeMeta');
    if (field !== 1 && field !== 2) {
      r.skip(wire, field);
      continue;
    }
    if (wire !== BYTES) {
      throw new ProtobufError(
        `proto: wrong wireType = ${wire} for field ${field === 1 ? 'APIVersion' : 'Kind'}`,
      );
    }
    const s = utf8Decode(r.bytes());
    if (field === 1) into.apiVersion = s;
    else into.kind = s;
  }
}
