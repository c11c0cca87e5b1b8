import { describe, expect, it } from 'vitest';
import {
  MergeConflictError,
  PreconditionFailedError,
  createThreeWayMergePatch,
  createTwoWayMergePatch,
  requireKeyUnchanged,
  requireMetadataKeyUnchanged,
  strategicMergePatch,
} from '../../../../sandbox/api/patch/strategic-merge';
import { THREE_WAY_CASES, TWO_WAY_CASES } from './strategic.cases';
import { deploy, nodejs, withMeta } from './fixtures';
import { resolve } from './schemas';

describe('createTwoWayMergePatch (kubectl edit, set)', () => {
  it.each(TWO_WAY_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(createTwoWayMergePatch(c.original, c.modified, c.type, resolve)).toEqual(c.expected);
  });

  it('writes keys in Go order, as kubectl sends them', () => {
    const patch = createTwoWayMergePatch(
      deploy([nodejs]),
      deploy([{ ...nodejs, image: 'luksa/kubia:v2' }]),
      'Deployment',
      resolve,
    );
    expect(JSON.stringify(patch)).toBe(
      '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nodejs"}],"containers":[{"image":"luksa/kubia:v2","name":"nodejs"}]}}}}',
    );
  });

  it.each(TWO_WAY_CASES.map((c) => [c.name, c] as const))(
    'applying the patch gives the modified object: %s',
    (_name, c) => {
      const patch = createTwoWayMergePatch(c.original, c.modified, c.type, resolve);
      const result = strategicMergePatch(c.original, patch, c.type, resolve);
      if (c.name.startsWith('finalizers reordered into sorted order')) return; // upstream sends no patch for it
      expect(result).toEqual(c.modified);
    },
  );
});

describe('createThreeWayMergePatch (kubectl apply)', () => {
  it.each(THREE_WAY_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const run = () =>
      createThreeWayMergePatch(c.original, c.modified, c.current!, c.type, resolve, c.overwrite ?? true);
    if (c.conflict) {
      expect(run).toThrow(MergeConflictError);
      return;
    }
    expect(run()).toEqual(c.expected);
  });

  it('the conflict message shows both sides', () => {
    const c = THREE_WAY_CASES.find((x) => x.conflict)!;
    expect(() =>
      createThreeWayMergePatch(c.original, c.modified, c.current!, c.type, resolve, false),
    ).toThrow(
      'patch:\nspec:\n  replicas: 4\n\nconflicts with changes made from original to current:\nspec:\n  replicas: 5\n\n',
    );
  });

  it('keeps labels others added when applied to the live object', () => {
    const c = THREE_WAY_CASES[0];
    const patch = createThreeWayMergePatch(c.original, c.modified, c.current!, c.type, resolve, true);
    const live = strategicMergePatch(c.current!, patch, c.type, resolve);
    expect((live.metadata as { labels: unknown }).labels).toEqual({ app: 'kubia', team: 'blue' });
  });

  it('kubectl apply preconditions: apiVersion, kind and metadata.name must not change', () => {
    const pre = [
      requireKeyUnchanged('apiVersion'),
      requireKeyUnchanged('kind'),
      requireMetadataKeyUnchanged('name'),
    ];
    const original = deploy([nodejs]);
    const renamed = withMeta(original, { name: 'other' });
    expect(() =>
      createThreeWayMergePatch(original, renamed, original, 'Deployment', resolve, true, pre),
    ).toThrow(new PreconditionFailedError({ metadata: { name: 'other' } }));
    expect(() =>
      createThreeWayMergePatch(original, renamed, original, 'Deployment', resolve, true, pre),
    ).toThrow('precondition failed for: map[metadata:map[name:other]]');
    expect(createThreeWayMergePatch(original, original, original, 'Deployment', resolve, true, pre)).toEqual(
      {},
    );
  });
});
