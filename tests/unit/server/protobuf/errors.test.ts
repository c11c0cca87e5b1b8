/**
 * Protobuf bodies the decoder refuses: the 400 BadRequest Status the real apiserver words for each
 * (no magic, empty, truncated, wrong wire type, another kind), the 415 for kinds it does not decode,
 * and random bytes, which must always end in one of those and never in a crash or a hang.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { StatusError } from '../../../../sandbox/api/errors';
import { decodeProtobufBody, type ExpectedKind } from '../../../../sandbox/server/protobuf/request';
import { envelope, int, key, ld, MAGIC, msg } from './encode';

const NAMESPACE: ExpectedKind = { group: '', version: 'v1', kind: 'Namespace' };
const DEPLOYMENT: ExpectedKind = { group: 'apps', version: 'v1', kind: 'Deployment' };

function status(body: Uint8Array | number[], expected = NAMESPACE) {
  try {
    decodeProtobufBody(body instanceof Uint8Array ? body : Uint8Array.from(body), expected);
  } catch (e) {
    expect(e).toBeInstanceOf(StatusError);
    return (e as StatusError).status;
  }
  throw new Error('the body was accepted');
}

describe('refused envelopes', () => {
  it('answers a body without the k8s magic as the apiserver does, with a hex summary', () => {
    const s = status([...new TextEncoder().encode('{"kind":"Namespace"}')]);
    expect(s).toMatchObject({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'BadRequest',
      code: 400,
    });
    expect(s.message).toBe(
      'the object provided is unrecognized (must be of type Namespace): provided data does not appear to be a ' +
        'protobuf message, expected prefix [107 56 115 0] (7b226b696e64223a224e616d657370616365227d)',
    );
  });

  it('summarises long bodies to 30 bytes', () => {
    const s = status(Array<number>(40).fill(0xab));
    expect(s.message).toMatch(/\((ab){30} \.\.\.\)$/);
  });

  it('names empty data and an empty body', () => {
    expect(status([]).message).toBe(
      'the object provided is unrecognized (must be of type Namespace): empty data (<empty>)',
    );
    expect(status(MAGIC).message).toBe(
      'the object provided is unrecognized (must be of type Namespace): empty body (6b387300)',
    );
  });

  it('reports a truncated envelope', () => {
    const s = status([...MAGIC, ...ld(1, ld(1, 'v1')).slice(0, 4)]);
    expect(s.message).toBe(
      'the object provided is unrecognized (must be of type Namespace): unexpected EOF (6b3873000a040a02)',
    );
  });

  it('reports a wrong wire type in the envelope', () => {
    expect(status([...MAGIC, ...int(2, 5)]).message).toMatch(/: proto: wrong wireType = 0 for field Raw \(/);
  });
});

describe('refused objects', () => {
  it('names the kind and version once the envelope is read', () => {
    const raw = msg(1, ld(1, 'custom')).slice(0, -2);
    expect(status(envelope('v1', 'Namespace', raw))).toMatchObject({
      code: 400,
      reason: 'BadRequest',
      message: 'Namespace in version "v1" cannot be handled as a Namespace: unexpected EOF',
    });
  });

  it('refuses a field sent with the wrong wire type', () => {
    const raw = msg(1, int(1, 7));
    expect(status(envelope('v1', 'Namespace', raw)).message).toBe(
      'Namespace in version "v1" cannot be handled as a Namespace: proto: wrong wireType = 0 for field Name',
    );
  });

  it('refuses a map entry whose key or value has the wrong wire type', () => {
    const raw = msg(1, ld(1, 'n'), msg(11, int(1, 3)));
    expect(status(envelope('v1', 'Namespace', raw)).message).toBe(
      'Namespace in version "v1" cannot be handled as a Namespace: proto: wrong wireType = 0 for field Labels (map key)',
    );
  });

  it('refuses tag 0 inside the object', () => {
    expect(status(envelope('v1', 'Namespace', [...msg(1, [0x02, 0x00])])).message).toBe(
      'Namespace in version "v1" cannot be handled as a Namespace: proto: ObjectMeta: illegal tag 0 (wire type 2)',
    );
  });

  it('refuses another kind than the endpoint decodes', () => {
    expect(status(envelope('v1', 'ConfigMap', msg(1, ld(1, 'x')))).message).toBe(
      'ConfigMap in version "v1" cannot be handled as a Namespace: converting (v1.ConfigMap) to (core.Namespace): unknown conversion',
    );
    expect(status(envelope('v1', 'Nonsense', []), DEPLOYMENT).message).toBe(
      'Nonsense in version "v1" cannot be handled as a Deployment: no kind "Nonsense" is registered for version "v1" in scheme "pkg/api/legacyscheme/scheme.go:30"',
    );
  });

  it('answers 415 for a served kind whose protobuf form it does not decode', () => {
    const s = status(envelope('v1', 'Pod', msg(1, ld(1, 'p'))), { group: '', version: 'v1', kind: 'Pod' });
    expect(s).toMatchObject({ code: 415, reason: 'UnsupportedMediaType' });
    expect(s.message).toContain('kind Pod (v1)');
  });
});

describe('random input', () => {
  const outcome = (bytes: Uint8Array, expected: ExpectedKind): string => {
    try {
      decodeProtobufBody(bytes, expected);
      return 'decoded';
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      expect([400, 415]).toContain(e.status.code);
      return String(e.status.code);
    }
  };

  it('never throws anything but a 400/415 Status for arbitrary bytes after the magic', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (tail) => {
        outcome(Uint8Array.from([...MAGIC, ...tail]), NAMESPACE);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws anything but a 400 Status for arbitrary object bytes in a valid envelope', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (raw) => {
        expect(['decoded', '400']).toContain(
          outcome(envelope('apps/v1', 'Deployment', [...raw]), DEPLOYMENT),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('survives every truncation of a real body', () => {
    const full = envelope('apps/v1', 'Deployment', [
      ...msg(1, ld(1, 'kubia')),
      ...msg(2, int(1, 3), msg(3, msg(2, msg(2, ld(1, 'c'), ld(2, 'img'))))),
    ]);
    for (let n = 0; n < full.length; n++) {
      expect(['decoded', '400']).toContain(outcome(full.subarray(0, n), DEPLOYMENT));
    }
    // Group markers anywhere are skipped or refused, never followed into a loop.
    expect(outcome(envelope('apps/v1', 'Deployment', [...key(60, 3), ...key(60, 4)]), DEPLOYMENT)).toBe(
      'decoded',
    );
  });
});
