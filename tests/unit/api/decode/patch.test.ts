import { describe, expect, it } from 'vitest';
import { checkPatchedDecoding, decodePatched } from '../../../../sandbox/api/decode';
import { kubiaDeployment } from './manifests';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function patched(change: (d: Any) => void): Any {
  const d = kubiaDeployment() as Any;
  change(d);
  return d;
}

describe('after a strategic merge patch (unstructured converter)', () => {
  it('an unknown field is a 422 about the field "patch", valued with the patch as Go prints it', () => {
    const patch = { spec: { strategy: { rollingUpdate: { maxUnavaliable: 0 } } } };
    const obj = patched((d) => (d.spec.strategy.rollingUpdate.maxUnavaliable = 0));
    const r = decodePatched(obj, 'apps/v1', 'Deployment', 'Strict', 'strategic', patch);
    const body =
      'Invalid value: "map[spec:map[strategy:map[rollingUpdate:map[maxUnavaliable:0]]]]": strict decoding error: unknown field "spec.strategy.rollingUpdate.maxUnavaliable"';
    expect(r.error?.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: ` "" is invalid: patch: ${body}`,
      reason: 'Invalid',
      code: 422,
      details: {
        name: '',
        kind: '',
        causes: [{ reason: 'FieldValueInvalid', message: body, field: 'patch' }],
      },
    });
    expect(() => checkPatchedDecoding(obj, 'apps/v1', 'Deployment', 'Strict', 'strategic', patch)).toThrow(
      body,
    );
  });

  it('unknown fields come back sorted; Warn makes them warnings; Ignore drops them', () => {
    const obj = patched((d) => {
      d.spec.zeta = 1;
      d.spec.template.spec.containers[0].imagee = 'x';
      d.metadata.alpha = 1;
    });
    const expected = [
      'unknown field "metadata.alpha"',
      'unknown field "spec.template.spec.containers[0].imagee"',
      'unknown field "spec.zeta"',
    ];
    const strict = decodePatched(obj, 'apps/v1', 'Deployment', 'Strict', 'strategic', {});
    expect(strict.error?.status.message).toBe(
      ` "" is invalid: patch: Invalid value: "map[]": strict decoding error: ${expected.join(', ')}`,
    );
    const warn = decodePatched(obj, 'apps/v1', 'Deployment', 'Warn', 'strategic', {});
    expect(warn.error).toBeUndefined();
    expect(warn.warnings).toEqual(expected);
    expect(warn.object.spec).not.toHaveProperty('zeta');
    const ignore = decodePatched(obj, 'apps/v1', 'Deployment', 'Ignore', 'strategic', {});
    expect(ignore.error).toBeUndefined();
    expect(ignore.warnings).toEqual([]);
  });

  it.each([
    [(d: Any) => (d.spec.replicas = 'abc'), 'unrecognized type: int32'],
    [(d: Any) => (d.spec.replicas = 1.5), 'cannot convert float64 to int32'],
    [(d: Any) => (d.spec.replicas = true), 'unrecognized type: int32'],
    [(d: Any) => (d.spec.paused = 'yes'), 'unrecognized type: bool'],
    [(d: Any) => (d.metadata.name = 5), 'cannot convert int64 to string'],
    [(d: Any) => (d.metadata.name = 5.5), 'unrecognized type: string'],
    [
      (d: Any) => (d.spec.template.spec.containers[0].ports = [{ containerPort: 1, protocol: 6 }]),
      'cannot convert int64 to v1.Protocol',
    ],
    [(d: Any) => (d.spec = 'x'), 'cannot restore struct from: string'],
    [(d: Any) => (d.spec.template.spec.containers = { a: 1 }), 'cannot restore slice from map'],
    [(d: Any) => (d.metadata.labels = ['a']), 'cannot restore map from slice'],
    [
      (d: Any) => (d.spec.strategy.rollingUpdate.maxSurge = 1.5),
      'json: cannot unmarshal number 1.5 into Go value of type int32',
    ],
    [
      (d: Any) => (d.spec.template.spec.containers[0].resources = { limits: { cpu: 'lots' } }),
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ],
  ])('type error %#', (change, detail) => {
    const patch = { spec: { replicas: 'abc' } };
    const r = decodePatched(patched(change), 'apps/v1', 'Deployment', 'Strict', 'strategic', patch);
    expect(r.error?.status.message).toBe(
      ` "" is invalid: patch: Invalid value: "map[spec:map[replicas:abc]]": ${detail}`,
    );
  });

  it('walks fields in Go struct order: the first error there wins, unknown fields are then not reported', () => {
    const obj = patched((d) => {
      d.spec.bogus = 1;
      d.spec.template.spec.containers[0].image = 5;
      d.spec.replicas = 'x';
    });
    const r = decodePatched(obj, 'apps/v1', 'Deployment', 'Strict', 'strategic', {});
    expect(r.error?.status.details?.causes?.[0].message).toBe(
      'Invalid value: "map[]": unrecognized type: int32',
    );
  });
});

describe('after a JSON merge patch or JSON patch (JSON decoder on the patched object)', () => {
  it('reports unknown fields in sorted key order and the patched object as the value', () => {
    const obj = patched((d) => {
      d.spec.zeta = 1;
      d.spec.alpha = 1;
    });
    const r = decodePatched(obj, 'apps/v1', 'Deployment', 'Strict', 'merge', { spec: { zeta: 1, alpha: 1 } });
    expect(r.error?.status.code).toBe(422);
    expect(r.error?.status.details?.causes?.[0].message).toMatch(
      /^Invalid value: "\{\\"apiVersion\\":\\"apps\/v1\\".*": strict decoding error: unknown field "spec.alpha", unknown field "spec.zeta"$/,
    );
  });

  it('type errors use the JSON decoder wording', () => {
    const obj = patched((d) => (d.spec.replicas = 'abc'));
    const r = decodePatched(obj, 'apps/v1', 'Deployment', 'Strict', 'json', []);
    expect(r.error?.status.details?.causes?.[0].message).toMatch(
      /": json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32$/,
    );
  });
});
