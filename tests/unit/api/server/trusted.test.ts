import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox } from '../../../../sandbox/index';
import { setWriteVerification, writeVerification } from '../../../../sandbox/api/trusted';
import type { KubeObjectInput } from '../../../../sandbox/api/types';
import { pod, statusOf } from './fixtures';

/** The same write through a trusted component view and through an ordinary client view. */
function both(write: (api: ReturnType<typeof createSandbox>['api']) => unknown): [string, string] {
  const trusted = createSandbox({ cluster: false, seed: 3 });
  const plain = createSandbox({ cluster: false, seed: 3 });
  const a = write(trusted.api.asComponent('kubelet'));
  const b = write(plain.api.asManager('kubelet'));
  return [JSON.stringify(a), JSON.stringify(b)];
}

describe('trusted writes (asComponent)', () => {
  afterEach(() => setWriteVerification(true));

  it('are verified in every test (tests/setup/verify-writes.ts)', () => {
    expect(writeVerification()).toBe(true);
  });

  it('store exactly what decoding stores: null fields dropped, key order kept', () => {
    const event: KubeObjectInput = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'kubia.1', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'kubia', uid: undefined } as unknown as Record<string, unknown>,
      reason: 'Started',
      eventTime: null,
      count: 1,
    } as unknown as KubeObjectInput;
    const [t, p] = both((api) => api.create(structuredClone(event)));
    expect(t).toBe(p);
    expect(t).not.toContain('eventTime');
  });

  it('store the same status as an ordinary status write', () => {
    const [t, p] = both((api) => {
      const created = api.create(pod('kubia'));
      const { resourceVersion: _rv, ...metadata } = created.metadata;
      return api.updateStatus({
        ...created,
        metadata,
        spec: {},
        status: {
          phase: 'Running',
          conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: null }],
          hostIP: '10.0.0.1',
        },
      } as KubeObjectInput);
    });
    expect(t).toBe(p);
    expect(t).not.toContain('lastProbeTime');
  });

  it('keep conflicts on a stale resourceVersion', () => {
    const { api } = createSandbox({ cluster: false });
    const component = api.asComponent('kube-controller-manager');
    const created = component.create(pod('kubia'));
    component.updateStatus({ ...created, status: { phase: 'Running' } });
    expect(statusOf(() => component.updateStatus({ ...created, status: { phase: 'Failed' } }))).toMatchObject(
      {
        code: 409,
        reason: 'Conflict',
      },
    );
  });

  it('fail the test when the body is not what decoding gives (an unknown field)', () => {
    const { api } = createSandbox({ cluster: false });
    const body = pod('kubia', { app: 'kubia' }, { hostnme: 'typo' });
    expect(() => api.asComponent('kubelet').create(body)).toThrowError(
      /trusted Pod write does not decode: .*unknown field "spec.hostnme"/,
    );
    // An ordinary client gets the real 400 for the same body.
    expect(statusOf(() => api.create(body))).toMatchObject({ code: 400 });
  });

  it('fail the test when decoding would normalise a value the trusted path keeps', () => {
    const { api } = createSandbox({ cluster: false });
    // A null list element decodes into the zero value "".
    const body = pod('kubia', { app: 'kubia' });
    (body.spec as { containers: Array<Record<string, unknown>> }).containers[0].args = [null];
    expect(() => api.asComponent('kubelet').create(body)).toThrowError(
      /is not what decoding gives: \.spec\.containers\[0\]\.args\[0\]: decoded "", trusted null/,
    );
  });

  it('fail the test when validation rejects the object', () => {
    const { api } = createSandbox({ cluster: false });
    expect(() => api.asComponent('kubelet').create(pod('Bad_Name'))).toThrowError(
      /trusted Pod write Bad_Name is invalid: metadata.name: Invalid value/,
    );
  });

  it('still validate long names (names derived from user input can only be invalid by length)', () => {
    setWriteVerification(false);
    const { api } = createSandbox({ cluster: false });
    const long = 'a'.repeat(250) + '.1234567890abcdef';
    const s = statusOf(() =>
      api.asComponent('kube-controller-manager').create({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: long, namespace: 'default' },
        involvedObject: { kind: 'Pod', name: 'a'.repeat(250), namespace: 'default' },
        reason: 'Started',
      } as KubeObjectInput),
    );
    expect(s).toMatchObject({ code: 422, reason: 'Invalid' });
    expect(s.message).toContain('must be no more than 253 characters');
  });

  it('skip decoding and validation when verification is off (what the product saves)', () => {
    setWriteVerification(false);
    const { api } = createSandbox({ cluster: false });
    const stored = api.asComponent('kubelet').create(pod('Bad_Name'));
    expect(stored.metadata.name).toBe('Bad_Name');
    expect(statusOf(() => api.create(pod('Also_Bad')))).toMatchObject({ code: 422 });
  });

  describe('canonical bodies (WriteOptions.canonical)', () => {
    const event = (): KubeObjectInput =>
      ({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: 'kubia.1', namespace: 'default' },
        involvedObject: Object.freeze({ kind: 'Pod', name: 'kubia', namespace: 'default' }),
        reason: 'Started',
        count: 1,
      }) as unknown as KubeObjectInput;

    it('are stored as they are: the body becomes the stored object, and equals what decoding stores', () => {
      const { api } = createSandbox({ cluster: false, seed: 3 });
      const body = event();
      const stored = api.asComponent('kubelet').create(body, { shared: true, canonical: true });
      expect(stored).toBe(body);
      expect(Object.isFrozen(stored.metadata)).toBe(true);
      const [t, p] = both((a) => a.create(event()));
      const { api: again } = createSandbox({ cluster: false, seed: 3 });
      const canonical = again.asComponent('kubelet').create(event(), { canonical: true });
      expect(JSON.stringify(canonical)).toBe(t);
      expect(t).toBe(p);
    });

    it('store a status write as the same object an ordinary status write stores', () => {
      const write = (api: ReturnType<typeof createSandbox>['api'], canonical: boolean): string => {
        const created = api.create(pod('kubia'));
        const { resourceVersion: _rv, managedFields: _mf, ...metadata } = created.metadata;
        const status = Object.freeze({ phase: 'Running', hostIP: '10.0.0.1' });
        const out = api.updateStatus({ ...created, metadata, spec: {}, status } as KubeObjectInput, {
          canonical,
        });
        return JSON.stringify(out);
      };
      const a = createSandbox({ cluster: false, seed: 3 });
      const b = createSandbox({ cluster: false, seed: 3 });
      expect(write(a.api.asComponent('kubelet'), true)).toBe(write(b.api.asManager('kubelet'), false));
    });

    it('fail the test when the body is not one (checked under verification)', () => {
      const { api } = createSandbox({ cluster: false });
      const component = api.asComponent('kubelet');
      const withUndefined = { ...event(), message: undefined } as unknown as KubeObjectInput;
      expect(() => component.create(withUndefined, { canonical: true })).toThrowError(
        /canonical Event write kubia.1 has undefined at .message/,
      );
      const unfrozenBelow = event();
      (unfrozenBelow as unknown as Record<string, unknown>).source = Object.freeze({ inner: { a: 1 } });
      expect(() => component.create(unfrozenBelow, { canonical: true })).toThrowError(
        /has an unfrozen object below a frozen one at .source.inner/,
      );
      expect(() => component.create(Object.freeze(event()), { canonical: true })).toThrowError(
        /is frozen at its top level or metadata/,
      );
      // A null decoding drops is caught by the decoding check.
      const withNull = { ...event(), eventTime: null } as unknown as KubeObjectInput;
      expect(() => component.create(withNull, { canonical: true })).toThrowError(
        /is not what decoding gives: .eventTime: decoded absent, trusted null/,
      );
      const created = api.create(pod('kubia'));
      expect(() =>
        component.updateStatus({ ...created, status: { phase: 'Running' } }, { canonical: true }),
      ).toThrowError(/canonical Pod write kubia carries managedFields/);
    });
  });
});
