import { describe, expect, it } from 'vitest';
import { StrategicMergePatchError, strategicMergePatch } from '../../../../sandbox/api/patch/strategic-merge';
import { APPLY_CASES } from './strategic.cases';
import { at, deploy, nodejs, sidecar } from './fixtures';
import { resolve } from './schemas';

describe('strategic merge patch (server side)', () => {
  const ok = APPLY_CASES.filter((c) => !c.error);
  const failing = APPLY_CASES.filter((c) => c.error);

  it.each(ok.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = strategicMergePatch(c.original, c.patch, c.type, resolve);
    expect(at(result, c.at ?? '')).toEqual(c.expected);
  });

  it.each(failing.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    let error: unknown;
    try {
      strategicMergePatch(c.original, c.patch, c.type, resolve);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StrategicMergePatchError);
    expect((error as StrategicMergePatchError).message).toBe(c.error!.message);
    expect((error as StrategicMergePatchError).kind).toBe(c.error!.kind);
  });

  it('changes only the named container image and nothing else', () => {
    const original = deploy([nodejs, sidecar]);
    const patch = {
      spec: { template: { spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v2' }] } } },
    };
    const expected = deploy([{ ...nodejs, image: 'luksa/kubia:v2' }, sidecar]);
    expect(strategicMergePatch(original, patch, 'Deployment', resolve)).toEqual(expected);
  });

  it('without a schema no list is merged, but directives still work', () => {
    const original = { list: [{ name: 'a' }], m: { x: 1, y: 2 } };
    const patch = { list: [{ name: 'b' }], m: { $retainKeys: ['x'], x: 3 } };
    expect(strategicMergePatch(original, patch, undefined, undefined)).toEqual({
      list: [{ name: 'b' }],
      m: { x: 3 },
    });
  });

  it('a null patch changes nothing', () => {
    expect(strategicMergePatch(deploy([nodejs]), null, 'Deployment', resolve)).toEqual(deploy([nodejs]));
  });
});
