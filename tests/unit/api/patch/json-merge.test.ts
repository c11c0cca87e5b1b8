import { describe, expect, it } from 'vitest';
import { MergePatchError, jsonMergePatch } from '../../../../sandbox/api/patch/json-merge';
import {
  createMergePatch,
  createThreeWayJsonMergePatch,
} from '../../../../sandbox/api/patch/json-merge-create';
import { MERGE_CASES, MERGE_CREATE_CASES, MERGE_THREE_WAY_CASES } from './json.cases';

describe('JSON merge patch (RFC 7386 as evanphx/json-patch v4 applies it)', () => {
  it.each(MERGE_CASES.filter((c) => !c.error).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(jsonMergePatch(c.doc, c.patch)).toEqual(c.expected);
  });

  it.each(MERGE_CASES.filter((c) => c.error).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(() => jsonMergePatch(c.doc, c.patch)).toThrow(new MergePatchError(c.error!));
  });
});

describe('creating JSON merge patches (kubectl, custom resources)', () => {
  it.each(MERGE_CREATE_CASES.map((c) => [c.name, c] as const))('two-way: %s', (_name, c) => {
    expect(createMergePatch(c.original, c.modified)).toEqual(c.expected);
  });

  it.each(MERGE_THREE_WAY_CASES.map((c) => [c.name, c] as const))('three-way: %s', (_name, c) => {
    expect(createThreeWayJsonMergePatch(c.original, c.modified, c.current!)).toEqual(c.expected);
  });

  it('applying a two-way patch gives the modified object', () => {
    for (const c of MERGE_CREATE_CASES)
      expect(jsonMergePatch(c.original, createMergePatch(c.original, c.modified))).toEqual(c.modified);
  });
});
