import { describe, expect, it } from 'vitest';
import {
  APISERVER_PANIC_MESSAGE,
  PATCH_REJECTED_MESSAGE,
  PatchError,
  applyPatch,
  type ApplyPatchOptions,
  type PatchKind,
} from '../../../../sandbox/api/patch';
import { StatusError } from '../../../../sandbox/api/errors';
import type { JsonObject, Status } from '../../../../sandbox/api/types';
import { deepFreeze } from '../../../../sandbox/store/clone';
import { deploy, nodejs, sidecar } from './fixtures';
import { resolve } from './schemas';
import { APPLY_CASES } from './strategic.cases';
import { JSON_PATCH_CASES, MERGE_CASES } from './json.cases';

const smp: ApplyPatchOptions = { typeName: 'Deployment', resolve };

function statusOf(run: () => unknown): Status {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(StatusError);
    return (e as StatusError).status;
  }
  throw new Error('no error');
}

const rejected = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: PATCH_REJECTED_MESSAGE,
  reason: 'Invalid',
  details: {},
  code: 422,
};
const badRequest = (message: string) => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message,
  reason: 'BadRequest',
  code: 400,
});

describe('applyPatch: the three patch types', () => {
  it('strategic: kubectl set image', () => {
    const patch = {
      spec: { template: { spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v2' }] } } },
    };
    expect(applyPatch(deploy([nodejs, sidecar]), patch, 'strategic', smp)).toEqual(
      deploy([{ ...nodejs, image: 'luksa/kubia:v2' }, sidecar]),
    );
  });

  it('strategic: $patch: delete removes a container', () => {
    const patch = { spec: { template: { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } } } };
    expect(applyPatch(deploy([nodejs, sidecar]), patch, 'strategic', smp)).toEqual(deploy([nodejs]));
  });

  it('merge: kubectl scale', () => {
    expect(applyPatch(deploy([nodejs]), { spec: { replicas: 5 } }, 'merge')).toEqual({
      ...deploy([nodejs]),
      spec: { ...(deploy([nodejs]).spec as JsonObject), replicas: 5 },
    });
  });

  it('json: kubectl rollout undo', () => {
    const c = JSON_PATCH_CASES[0];
    expect(applyPatch(c.doc, c.ops, 'json')).toEqual(c.expected);
  });

  it.each(['strategic', 'merge', 'json'] as PatchKind[])('%s: never changes its inputs', (type) => {
    const run = (original: JsonObject, patch: unknown): void => {
      try {
        applyPatch(deepFreeze(structuredClone(original)), deepFreeze(structuredClone(patch)), type, {
          typeName: (original.kind as string) ?? undefined,
          resolve,
        });
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
      }
    };
    if (type === 'strategic') for (const c of APPLY_CASES) run(c.original, c.patch);
    if (type === 'merge') for (const c of MERGE_CASES) run(c.doc, c.patch);
    if (type === 'json') for (const c of JSON_PATCH_CASES) run(c.doc, c.ops);
  });
});

describe('applyPatch: the Status of a refused patch', () => {
  it('json: an op that does not apply is a generic 422 and the detail stays on the server', () => {
    const run = () =>
      applyPatch(deploy([nodejs]), [{ op: 'remove', path: '/spec/template/spec/affinity' }], 'json');
    expect(statusOf(run)).toEqual(rejected);
    expect(run).toThrow(PatchError);
    try {
      run();
    } catch (e) {
      expect((e as PatchError).detail).toBe(
        "error in remove for path: '/spec/template/spec/affinity': Unable to remove nonexistent key: affinity: missing value",
      );
    }
  });

  it('json: a failed test op', () => {
    expect(
      statusOf(() =>
        applyPatch(deploy([nodejs]), [{ op: 'test', path: '/spec/replicas', value: 4 }], 'json'),
      ),
    ).toEqual(rejected);
  });

  it('json: a body that is not a list', () => {
    expect(statusOf(() => applyPatch({}, { op: 'add' }, 'json'))).toEqual(
      badRequest(
        'error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp',
      ),
    );
    expect(statusOf(() => applyPatch({}, { op: 'add' }, 'json', { fieldValidation: 'Ignore' }))).toEqual(
      badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch'),
    );
  });

  it('json: too many operations', () => {
    const ops = Array.from({ length: 10001 }, () => ({ op: 'test', path: '/a', value: 1 }));
    expect(statusOf(() => applyPatch({ a: 1 }, ops, 'json'))).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001',
      reason: 'RequestEntityTooLarge',
      code: 413,
    });
  });

  it('json: a result that is not an object does not decode', () => {
    const status = statusOf(() => applyPatch({ a: 1 }, [{ op: 'replace', path: '', value: [1] }], 'json'));
    expect(status.code).toBe(422);
    expect(status.reason).toBe('Invalid');
    expect(status.message).toMatch(
      /^ "" is invalid: patch: Invalid value: "\[1\]": couldn't get version\/kind; json parse error: /,
    );
    expect(status.details?.causes?.[0]?.field).toBe('patch');
  });

  it('json: where upstream panics (test without value on a missing key)', () => {
    const status = statusOf(() => applyPatch({ a: 1 }, [{ op: 'test', path: '/b' }], 'json'));
    expect(status).toMatchObject({ code: 500, reason: 'InternalError', message: APISERVER_PANIC_MESSAGE });
  });

  it('json: a null body changes nothing', () => {
    expect(applyPatch({ a: 1 }, null, 'json')).toEqual({ a: 1 });
  });

  it.each([
    [
      'a list',
      [1],
      'error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}',
    ],
    [
      'a string',
      'x',
      'error decoding patch: json: cannot unmarshal string into Go value of type map[string]interface {}',
    ],
    ['null', null, 'Invalid JSON Patch'],
  ])('merge: %s as the body', (_name, body, message) => {
    expect(statusOf(() => applyPatch({ a: 1 }, body, 'merge'))).toEqual(badRequest(message));
  });

  it('merge without strict decoding: a list becomes the document and does not decode', () => {
    const status = statusOf(() => applyPatch({ a: 1 }, [1], 'merge', { fieldValidation: 'Ignore' }));
    expect(status).toMatchObject({ code: 422, reason: 'Invalid' });
    expect(statusOf(() => applyPatch({ a: 1 }, 'x', 'merge', { fieldValidation: 'Ignore' }))).toEqual(
      badRequest('Invalid JSON Patch'),
    );
  });

  it('strategic: a body that is not an object', () => {
    expect(statusOf(() => applyPatch({}, [1], 'strategic', smp))).toEqual(
      badRequest('json: cannot unmarshal array into Go value of type map[string]interface {}'),
    );
  });

  it('strategic: a null body changes nothing', () => {
    expect(applyPatch(deploy([nodejs]), null, 'strategic', smp)).toEqual(deploy([nodejs]));
  });

  it.each(APPLY_CASES.filter((c) => c.error).map((c) => [c.name, c] as const))(
    'strategic: %s',
    (_name, c) => {
      const status = statusOf(() =>
        applyPatch(c.original, c.patch, 'strategic', { typeName: c.type, resolve }),
      );
      const { kind, message } = c.error!;
      if (kind === 'badRequest') expect(status).toEqual(badRequest(message));
      if (kind === 'invalid') expect(status).toEqual(rejected);
      if (kind === 'internal')
        expect(status).toEqual({
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message,
          code: 500,
        });
    },
  );

  it('strategic: where upstream panics (a list whose first item is null)', () => {
    const status = statusOf(() =>
      applyPatch({ metadata: { finalizers: [] } }, { metadata: { finalizers: [null] } }, 'strategic', {
        typeName: 'Pod',
        resolve,
      }),
    );
    expect(status).toMatchObject({ code: 500, reason: 'InternalError', message: APISERVER_PANIC_MESSAGE });
  });
});
