/**
 * JSON patch and JSON merge patch cases. Inputs are ours; the expected results and error texts
 * are what evanphx/json-patch v4.12 (used by the v1.32 API server) produces for them.
 */
import type { JsonObject, JsonValue } from '../../../../sandbox/api/types';

export interface JsonPatchCase {
  name: string;
  doc: JsonObject;
  ops: JsonValue[];
  expected?: JsonValue;
  /** The upstream error text (the server answers a generic 422 and keeps this to itself). */
  error?: string;
}

const doc: JsonObject = { a: { b: [1, 2, 3], c: 'x', n: null }, 'k/y': { 'm~n': 1 }, s: 'str' };
const withA = (a: JsonObject): JsonObject => ({ ...doc, a: { ...(doc.a as JsonObject), ...a } });
const withB = (b: JsonValue[]): JsonObject => withA({ b });

const deployment: JsonObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'kubia',
    annotations: { 'deployment.kubernetes.io/revision': '3', 'kubernetes.io/change-cause': 'set image v3' },
  },
  spec: {
    replicas: 3,
    template: {
      metadata: { labels: { app: 'kubia' } },
      spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v3' }] },
    },
  },
};
const v1Template: JsonObject = {
  metadata: { creationTimestamp: null, labels: { app: 'kubia' } },
  spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v1' }] },
};

export const JSON_PATCH_CASES: JsonPatchCase[] = [
  {
    name: 'kubectl rollout undo: replace the template and the annotations',
    doc: deployment,
    ops: [
      { op: 'replace', path: '/spec/template', value: v1Template },
      { op: 'replace', path: '/metadata/annotations', value: { 'deployment.kubernetes.io/revision': '3' } },
    ],
    expected: {
      ...deployment,
      metadata: { name: 'kubia', annotations: { 'deployment.kubernetes.io/revision': '3' } },
      spec: { replicas: 3, template: v1Template },
    },
  },
  // add
  {
    name: 'add a key',
    doc,
    ops: [{ op: 'add', path: '/a/d', value: { e: 1 } }],
    expected: withA({ d: { e: 1 } }),
  },
  {
    name: 'add over an existing key',
    doc,
    ops: [{ op: 'add', path: '/a/c', value: 'y' }],
    expected: withA({ c: 'y' }),
  },
  {
    name: 'add with ~1 and ~0 escapes (~01 is ~1)',
    doc,
    ops: [
      { op: 'add', path: '/k~1y/m~0n', value: 2 },
      { op: 'add', path: '/k~1y/~01', value: 3 },
    ],
    expected: { ...doc, 'k/y': { 'm~n': 2, '~1': 3 } },
  },
  {
    name: 'add into an array',
    doc,
    ops: [{ op: 'add', path: '/a/b/1', value: 9 }],
    expected: withB([1, 9, 2, 3]),
  },
  {
    name: 'add at the end with -',
    doc,
    ops: [{ op: 'add', path: '/a/b/-', value: 9 }],
    expected: withB([1, 2, 3, 9]),
  },
  {
    name: 'add at index = length',
    doc,
    ops: [{ op: 'add', path: '/a/b/3', value: 9 }],
    expected: withB([1, 2, 3, 9]),
  },
  {
    name: 'add at index -1 appends',
    doc,
    ops: [{ op: 'add', path: '/a/b/-1', value: 9 }],
    expected: withB([1, 2, 3, 9]),
  },
  {
    name: 'add at a signed, zero-padded index',
    doc,
    ops: [{ op: 'add', path: '/a/b/+01', value: 9 }],
    expected: withB([1, 9, 2, 3]),
  },
  {
    name: 'add past the end',
    doc,
    ops: [{ op: 'add', path: '/a/b/5', value: 9 }],
    error: "error in add for path: '/a/b/5': Unable to access invalid index: 5: invalid index referenced",
  },
  {
    name: 'add at a non-numeric index',
    doc,
    ops: [{ op: 'add', path: '/a/b/x', value: 9 }],
    error: `error in add for path: '/a/b/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax`,
  },
  {
    name: 'add under a missing parent',
    doc,
    ops: [{ op: 'add', path: '/x/y', value: 1 }],
    error: 'add operation does not apply: doc is missing path: "/x/y": missing value',
  },
  {
    name: 'add under a string',
    doc,
    ops: [{ op: 'add', path: '/s/y', value: 1 }],
    error: 'add operation does not apply: doc is missing path: "/s/y": missing value',
  },
  {
    name: 'add under null',
    doc,
    ops: [{ op: 'add', path: '/a/n/y', value: 1 }],
    error: 'add operation does not apply: doc is missing path: "/a/n/y": missing value',
  },
  {
    name: 'add at the root',
    doc,
    ops: [{ op: 'add', path: '', value: { z: 1 } }],
    error: 'add operation does not apply: doc is missing path: "": missing value',
  },
  {
    name: 'add without value writes null',
    doc,
    ops: [{ op: 'add', path: '/a/z' }],
    expected: withA({ z: null }),
  },
  {
    name: 'a path without a leading / loses its first token',
    doc,
    ops: [{ op: 'add', path: 'a/z', value: 1 }],
    expected: { ...doc, z: 1 },
  },
  {
    name: 'add without path',
    doc,
    ops: [{ op: 'add', value: 1 }],
    error: 'add operation failed to decode path: missing value',
  },
  // remove
  {
    name: 'remove a key',
    doc,
    ops: [{ op: 'remove', path: '/a/c' }],
    expected: { ...doc, a: { b: [1, 2, 3], n: null } },
  },
  {
    name: 'remove a key holding null',
    doc,
    ops: [{ op: 'remove', path: '/a/n' }],
    expected: { ...doc, a: { b: [1, 2, 3], c: 'x' } },
  },
  {
    name: 'remove a missing key (kubectl patch --type=json remove of an unset field)',
    doc,
    ops: [{ op: 'remove', path: '/a/zz' }],
    error: "error in remove for path: '/a/zz': Unable to remove nonexistent key: zz: missing value",
  },
  { name: 'remove an array item', doc, ops: [{ op: 'remove', path: '/a/b/0' }], expected: withB([2, 3]) },
  {
    name: 'remove the last item by -1',
    doc,
    ops: [{ op: 'remove', path: '/a/b/-1' }],
    expected: withB([1, 2]),
  },
  {
    name: 'remove out of range',
    doc,
    ops: [{ op: 'remove', path: '/a/b/3' }],
    error: "error in remove for path: '/a/b/3': Unable to access invalid index: 3: invalid index referenced",
  },
  {
    name: 'remove with -',
    doc,
    ops: [{ op: 'remove', path: '/a/b/-' }],
    error: `error in remove for path: '/a/b/-': strconv.Atoi: parsing "-": invalid syntax`,
  },
  {
    name: 'remove under a missing parent',
    doc,
    ops: [{ op: 'remove', path: '/spec/affinity/x' }],
    error: 'remove operation does not apply: doc is missing path: "/spec/affinity/x": missing value',
  },
  // replace
  {
    name: 'replace a key',
    doc,
    ops: [{ op: 'replace', path: '/a/c', value: 'z' }],
    expected: withA({ c: 'z' }),
  },
  {
    name: 'replace of a missing object key adds it (json-patch v4)',
    doc,
    ops: [{ op: 'replace', path: '/a/foo', value: 1 }],
    expected: withA({ foo: 1 }),
  },
  {
    name: 'replace under a missing parent',
    doc,
    ops: [{ op: 'replace', path: '/spec/foo/bar', value: 1 }],
    error: 'replace operation does not apply: doc is missing path: /spec/foo/bar: missing value',
  },
  {
    name: 'replace of a missing index',
    doc,
    ops: [{ op: 'replace', path: '/a/b/7', value: 1 }],
    error: 'replace operation does not apply: doc is missing key: /a/b/7: missing value',
  },
  {
    name: 'replace an index',
    doc,
    ops: [{ op: 'replace', path: '/a/b/0', value: 0 }],
    expected: withB([0, 2, 3]),
  },
  {
    name: 'replace the whole document',
    doc,
    ops: [{ op: 'replace', path: '', value: { whole: true } }],
    expected: { whole: true },
  },
  {
    name: 'replace the whole document by a scalar does nothing',
    doc,
    ops: [{ op: 'replace', path: '', value: 5 }],
    expected: doc,
  },
  {
    name: 'replace without value writes null',
    doc,
    ops: [{ op: 'replace', path: '/a/c' }],
    expected: withA({ c: null }),
  },
  {
    name: 'replace without path',
    doc,
    ops: [{ op: 'replace', value: 1 }],
    error: 'replace operation failed to decode path: operation missing path field: missing value',
  },
  // move
  {
    name: 'move a key',
    doc,
    ops: [{ op: 'move', from: '/a/c', path: '/moved' }],
    expected: { ...doc, a: { b: [1, 2, 3], n: null }, moved: 'x' },
  },
  {
    name: 'move an array item to the end',
    doc,
    ops: [{ op: 'move', from: '/a/b/0', path: '/a/b/-' }],
    expected: withB([2, 3, 1]),
  },
  {
    name: 'move a missing key',
    doc,
    ops: [{ op: 'move', from: '/a/zz', path: '/moved' }],
    error: "error in move for path: 'zz': Unable to remove nonexistent key: zz: missing value",
  },
  {
    name: 'move from a missing parent',
    doc,
    ops: [{ op: 'move', from: '/q/zz', path: '/moved' }],
    error: 'move operation does not apply: doc is missing from path: /q/zz: missing value',
  },
  {
    name: 'move into a missing parent',
    doc,
    ops: [{ op: 'move', from: '/a/c', path: '/q/r' }],
    error: 'move operation does not apply: doc is missing destination path: /q/r: missing value',
  },
  {
    name: 'move without from',
    doc,
    ops: [{ op: 'move', path: '/q' }],
    error: 'move operation failed to decode from: operation, missing from field: missing value',
  },
  {
    name: 'move from a bad index',
    doc,
    ops: [{ op: 'move', from: '/a/b/9', path: '/q' }],
    error: "error in move for path: '9': Unable to access invalid index: 9: invalid index referenced",
  },
  // copy
  {
    name: 'copy a value',
    doc,
    ops: [{ op: 'copy', from: '/a/b', path: '/copied' }],
    expected: { ...doc, copied: [1, 2, 3] },
  },
  {
    name: 'copy of a missing key writes null',
    doc,
    ops: [{ op: 'copy', from: '/a/zz', path: '/copied' }],
    expected: { ...doc, copied: null },
  },
  {
    name: 'copy to a bad index',
    doc,
    ops: [{ op: 'copy', from: '/a/c', path: '/a/b/9' }],
    error:
      'error while adding value during copy: Unable to access invalid index: 9: invalid index referenced',
  },
  {
    name: 'copy from a bad index',
    doc,
    ops: [{ op: 'copy', from: '/a/b/9', path: '/x' }],
    error: "error in copy for from: '/a/b/9': Unable to access invalid index: 9: invalid index referenced",
  },
  {
    name: 'copy without path',
    doc,
    ops: [{ op: 'copy', from: '/a/c' }],
    error: 'copy operation failed to decode path: missing value',
  },
  // test
  {
    name: 'test passes',
    doc,
    ops: [
      { op: 'test', path: '/a/b', value: [1, 2, 3] },
      { op: 'test', path: '/a/c', value: 'x' },
    ],
    expected: doc,
  },
  {
    name: 'test fails',
    doc,
    ops: [{ op: 'test', path: '/a/c', value: 'y' }],
    error: 'testing value /a/c failed: test failed',
  },
  {
    name: 'test of a missing key against null passes',
    doc,
    ops: [{ op: 'test', path: '/a/zz', value: null }],
    expected: doc,
  },
  {
    name: 'test of a null against null passes',
    doc,
    ops: [{ op: 'test', path: '/a/n', value: null }],
    expected: doc,
  },
  {
    name: 'test of a missing key against a value',
    doc,
    ops: [{ op: 'test', path: '/a/zz', value: 1 }],
    error: 'testing value /a/zz failed: test failed',
  },
  {
    name: 'test of the whole document',
    doc,
    ops: [{ op: 'test', path: '', value: { s: 'other' } }],
    error: 'testing value  failed: test failed',
  },
  {
    name: 'test under a missing parent',
    doc,
    ops: [{ op: 'test', path: '/q/r', value: 1 }],
    error: 'test operation does not apply: is missing path: /q/r: missing value',
  },
  {
    name: 'test at a bad index',
    doc,
    ops: [{ op: 'test', path: '/a/b/x', value: 1 }],
    error: `error in test for path: '/a/b/x': strconv.Atoi: parsing "x": invalid syntax`,
  },
  {
    name: 'test without value',
    doc,
    ops: [{ op: 'test', path: '/a/c' }],
    error: 'testing value /a/c failed: test failed',
  },
  // others
  { name: 'an unknown op', doc, ops: [{ op: 'frob', path: '/a' }], error: 'Unexpected kind: frob' },
  { name: 'an op without op', doc, ops: [{ path: '/a' }], error: 'Unexpected kind: unknown' },
  { name: 'a null op', doc, ops: [null], error: 'Unexpected kind: unknown' },
  {
    name: 'a failing op fails the whole patch',
    doc,
    ops: [
      { op: 'add', path: '/a/new', value: 1 },
      { op: 'remove', path: '/nope' },
    ],
    error: "error in remove for path: '/nope': Unable to remove nonexistent key: nope: missing value",
  },
  { name: 'an empty patch', doc, ops: [], expected: doc },
];

export interface MergeCase {
  name: string;
  doc: JsonObject;
  patch: JsonValue;
  expected?: JsonValue;
  error?: string;
}

export const MERGE_CASES: MergeCase[] = [
  {
    name: 'kubectl label',
    doc: deployment,
    patch: { metadata: { labels: { env: 'prod' } } },
    expected: {
      ...deployment,
      metadata: { ...(deployment.metadata as JsonObject), labels: { env: 'prod' } },
    },
  },
  {
    name: 'kubectl annotate --overwrite and a removal',
    doc: deployment,
    patch: { metadata: { annotations: { 'kubernetes.io/change-cause': null, note: 'x' } } },
    expected: {
      ...deployment,
      metadata: { name: 'kubia', annotations: { 'deployment.kubernetes.io/revision': '3', note: 'x' } },
    },
  },
  {
    name: 'kubectl scale',
    doc: deployment,
    patch: { spec: { replicas: 5 } },
    expected: { ...deployment, spec: { ...(deployment.spec as JsonObject), replicas: 5 } },
  },
  {
    name: 'lists are replaced',
    doc,
    patch: { a: { b: [9] } },
    expected: withB([9]),
  },
  {
    name: 'null deletes, also a key that is not there',
    doc,
    patch: { s: null, zz: null },
    expected: { a: doc.a, 'k/y': doc['k/y'] },
  },
  {
    name: 'nulls in a new object are dropped',
    doc,
    patch: { new: { a: 1, b: null, c: { d: null } } },
    expected: { ...doc, new: { a: 1, c: {} } },
  },
  {
    name: 'nulls in objects inside a new list are dropped, null items stay',
    doc,
    patch: { arr: [{ a: null, b: 1 }, null] },
    expected: { ...doc, arr: [{ b: 1 }, null] },
  },
  {
    name: 'a list replacing an object keeps its nulls',
    doc,
    patch: { a: [{ x: null }] },
    expected: { ...doc, a: [{ x: null }] },
  },
  {
    name: 'an object replacing a scalar loses its nulls',
    doc,
    patch: { s: { x: null, y: 1 } },
    expected: { ...doc, s: { y: 1 } },
  },
  {
    name: 'an object replacing null',
    doc,
    patch: { a: { n: { x: null, y: 1 } } },
    expected: withA({ n: { y: 1 } }),
  },
  { name: 'an empty patch', doc, patch: {}, expected: doc },
  { name: 'a list patch becomes the document', doc, patch: [{ a: null }, 1], expected: [{}, 1] },
  { name: 'a null patch', doc, patch: null, error: 'Invalid JSON Patch' },
  { name: 'a scalar patch', doc, patch: 'x', error: 'Invalid JSON Patch' },
];

export interface MergeCreateCase {
  name: string;
  original: JsonObject;
  modified: JsonObject;
  current?: JsonObject;
  expected?: JsonObject;
}

const cr = (spec: JsonObject, labels: JsonObject = { app: 'x' }): JsonObject => ({
  apiVersion: 'example.com/v1',
  kind: 'Widget',
  metadata: { name: 'w', labels },
  spec,
});

/** `CreateMergePatch(original, modified)` (kubectl edit of a custom resource). */
export const MERGE_CREATE_CASES: MergeCreateCase[] = [
  {
    name: 'a changed field',
    original: cr({ size: 1 }),
    modified: cr({ size: 2 }),
    expected: { spec: { size: 2 } },
  },
  {
    name: 'a removed field',
    original: cr({ size: 1, color: 'red' }),
    modified: cr({ size: 1 }),
    expected: { spec: { color: null } },
  },
  {
    name: 'a list is sent whole',
    original: cr({ items: [1, 2] }),
    modified: cr({ items: [2] }),
    expected: { spec: { items: [2] } },
  },
  { name: 'no change', original: cr({ size: 1 }), modified: cr({ size: 1 }), expected: {} },
];

/** `CreateThreeWayJSONMergePatch(last-applied, manifest, live)` (kubectl apply of a custom resource). */
export const MERGE_THREE_WAY_CASES: MergeCreateCase[] = [
  {
    name: 'a label removed from the manifest is deleted, one added by others stays',
    original: cr({ size: 1 }, { app: 'x', env: 'prod' }),
    modified: cr({ size: 1 }, { app: 'x' }),
    current: cr({ size: 1, status: 'ok' }, { app: 'x', env: 'prod', team: 'blue' }),
    expected: { metadata: { labels: { env: null } } },
  },
  {
    name: 'a changed field and a new one',
    original: cr({ size: 1 }),
    modified: cr({ size: 2, color: 'red' }),
    current: cr({ size: 1 }),
    expected: { spec: { color: 'red', size: 2 } },
  },
  {
    name: 'a field whose type changed is sent whole',
    original: cr({ size: 1, color: 'red' }),
    modified: cr({ size: 1, color: { shade: 'dark', tint: null } }),
    current: cr({ size: 1, color: 'blue' }),
    expected: { spec: { color: { shade: 'dark', tint: null } } },
  },
  {
    name: 'nothing to do',
    original: cr({ size: 1 }),
    modified: cr({ size: 1 }),
    current: cr({ size: 1 }),
    expected: {},
  },
];
