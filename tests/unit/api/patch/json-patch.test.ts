import { describe, expect, it } from 'vitest';
import { JsonPatchError, applyJsonPatch } from '../../../../sandbox/api/patch/json-patch';
import { JsonPatchDecodeError, decodeJsonPatch } from '../../../../sandbox/api/patch/json-patch-decode';
import { JSON_PATCH_CASES } from './json.cases';

describe('JSON patch (RFC 6902 as evanphx/json-patch v4 applies it)', () => {
  it.each(JSON_PATCH_CASES.filter((c) => !c.error).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(applyJsonPatch(c.doc, decodeJsonPatch(c.ops))).toEqual(c.expected);
  });

  it.each(JSON_PATCH_CASES.filter((c) => c.error).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const run = () => applyJsonPatch(c.doc, decodeJsonPatch(c.ops));
    expect(run).toThrow(JsonPatchError);
    expect(run).toThrow(new JsonPatchError(c.error!));
  });
});

describe('decoding a JSON patch body', () => {
  it.each([
    [
      'an object, strict decode',
      {},
      'Warn',
      'error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp',
    ],
    [
      'a string, strict decode',
      'x',
      'Strict',
      'error decoding patch: json: cannot unmarshal string into Go value of type []handlers.jsonPatchOp',
    ],
    [
      'a number op entry',
      [1],
      'Warn',
      'error decoding patch: json: cannot unmarshal number into Go value of type handlers.jsonPatchOp',
    ],
    [
      'a number path',
      [{ op: 'add', path: 5 }],
      'Warn',
      'error decoding patch: json: cannot unmarshal number into Go struct field jsonPatchOp.path of type string',
    ],
    [
      'an object op',
      [{ op: { x: 1 }, path: '/a' }],
      'Strict',
      'error decoding patch: json: cannot unmarshal object into Go struct field jsonPatchOp.op of type string',
    ],
    [
      'an object, no strict decode',
      {},
      'Ignore',
      'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    ],
    [
      'a bool entry, no strict decode',
      [true],
      'Ignore',
      'json: cannot unmarshal bool into Go value of type jsonpatch.Operation',
    ],
  ] as const)('%s', (_name, body, validation, message) => {
    expect(() => decodeJsonPatch(body, validation)).toThrow(new JsonPatchDecodeError(message));
  });

  it('a null body is no operation', () => {
    expect(decodeJsonPatch(null)).toEqual([]);
  });

  it('a number path gets past the lenient decode and fails when applied', () => {
    const ops = decodeJsonPatch([{ op: 'add', path: 5, value: 1 }], 'Ignore');
    expect(() => applyJsonPatch({}, ops)).toThrow('add operation failed to decode path: missing value');
    const replace = decodeJsonPatch([{ op: 'replace', path: 5, value: 1 }], 'Ignore');
    expect(() => applyJsonPatch({}, replace)).toThrow(
      'replace operation failed to decode path: json: cannot unmarshal number into Go value of type string',
    );
  });
});
