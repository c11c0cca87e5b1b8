import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../../sandbox/index';
import { NAME_SUFFIX_ALPHABET } from '../../../../sandbox/clock/random';
import { deployment, pod, rc, service, statusOf } from './fixtures';

describe('create', () => {
  it('fills metadata, defaults and generation like the real API server', () => {
    const { api } = createSandbox({ seed: 1, cluster: false });
    const d = api.create(deployment());
    expect(d.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(d.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(d.metadata.creationTimestamp).toBe('2026-01-01T09:00:00Z');
    expect(d.metadata.namespace).toBe('default');
    expect(d.metadata.generation).toBe(1);
    const spec = d.spec as Record<string, unknown>;
    expect(spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
    });
    expect(spec.revisionHistoryLimit).toBe(10);
    expect(spec.progressDeadlineSeconds).toBe(600);
    expect(d.status).toEqual({});
  });

  it('defaults an RC selector and labels from its template', () => {
    const { api } = createSandbox({ cluster: false });
    const c = api.create(rc());
    expect((c.spec as { selector: unknown }).selector).toEqual({ app: 'kubia' });
    expect(c.metadata.labels).toEqual({ app: 'kubia' });
    expect(c.status).toEqual({ replicas: 0 });
  });

  it('generates names with five characters of the Kubernetes alphabet', () => {
    const { api } = createSandbox({ seed: 3, cluster: false });
    const p = api.create({ ...pod(''), metadata: { generateName: 'kubia-' } });
    expect(p.metadata.name).toMatch(new RegExp(`^kubia-[${NAME_SUFFIX_ALPHABET}]{5}$`));
    expect(p.status).toMatchObject({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('is reproducible from the seed', () => {
    const a = createSandbox({ seed: 9, cluster: false }).api.create(service());
    const b = createSandbox({ seed: 9, cluster: false }).api.create(service());
    expect(a.metadata.uid).toBe(b.metadata.uid);
    expect((a.spec as { clusterIP: string }).clusterIP).toBe((b.spec as { clusterIP: string }).clusterIP);
  });

  it('allocates a ClusterIP and NodePorts for a LoadBalancer Service', () => {
    const { api } = createSandbox({ cluster: false });
    const s = api.create(service());
    const spec = s.spec as {
      clusterIP: string;
      clusterIPs: string[];
      ports: Array<{ nodePort: number; protocol: string; targetPort: number }>;
    };
    expect(spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(spec.clusterIPs).toEqual([spec.clusterIP]);
    expect(spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(spec.ports[0].nodePort).toBeLessThanOrEqual(32767);
    expect(spec.ports[0].protocol).toBe('TCP');
  });

  it.each([
    [() => deployment(), 'AlreadyExists', 409, 'deployments.apps "kubia" already exists'],
    [
      () => ({ ...pod('x'), metadata: { name: 'x', namespace: 'nope' } }),
      'NotFound',
      404,
      'namespaces "nope" not found',
    ],
    [
      () => ({ ...pod('x'), metadata: { name: 'x', resourceVersion: '5' } }),
      'BadRequest',
      400,
      'resourceVersion should not be set on objects to be created',
    ],
  ])('refuses %#: %s', (make, reason, code, message) => {
    const { api } = createSandbox({ cluster: false });
    api.create(deployment());
    const s = statusOf(() => api.create(make()));
    expect(s).toMatchObject({ reason, code, message });
  });

  it('rejects the misspelled maxUnavaliable with the strict decoding error', () => {
    const { api } = createSandbox({ cluster: false });
    const s = statusOf(() =>
      api.create(
        deployment('kubia', {
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavaliable: 0 } },
        }),
      ),
    );
    expect(s.code).toBe(400);
    expect(s.reason).toBe('BadRequest');
    expect(s.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.strategy.rollingUpdate.maxUnavaliable"',
    );
  });

  it('drops unknown fields with a warning when validation is Warn', () => {
    const { api } = createSandbox({ cluster: false });
    const warnings: string[] = [];
    const d = api.create(deployment('kubia', { bogus: 1 }), { fieldValidation: 'Warn', warnings });
    expect((d.spec as Record<string, unknown>).bogus).toBeUndefined();
    expect(warnings).toEqual(['unknown field "spec.bogus"']);
  });

  it('rejects an invalid Deployment with every field error, as a 422', () => {
    const { api } = createSandbox({ cluster: false });
    const bad = deployment('kubia', { replicas: -1, selector: { matchLabels: { app: 'other' } } });
    const s = statusOf(() => api.create(bad));
    expect(s.code).toBe(422);
    expect(s.reason).toBe('Invalid');
    expect(s.message).toBe(
      'Deployment.apps "kubia" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.template.metadata.labels: Invalid value: map[string]string{"app":"kubia"}: `selector` does not match template `labels`]',
    );
    expect(s.details).toMatchObject({ name: 'kubia', group: 'apps', kind: 'Deployment' });
  });

  it('dry run validates and returns the object without storing it', () => {
    const { api } = createSandbox({ cluster: false });
    const d = api.create(deployment(), { dryRun: true });
    expect(d.metadata.uid).toBeTruthy();
    expect(api.exists('deployments', 'default', 'kubia')).toBe(false);
  });

  it('refuses pods beyond the namespace quota with the real exceeded quota error', () => {
    const { api } = createSandbox({ podQuota: 2, cluster: false });
    api.create(pod('a'));
    api.create(pod('b'));
    const s = statusOf(() => api.create({ ...pod(''), metadata: { generateName: 'kubia-7d5b9c7d8f-' } }));
    expect(s).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message:
        'pods "kubia-7d5b9c7d8f-" is forbidden: exceeded quota: sandbox-quota, requested: pods=1, used: pods=2, limited: pods=2',
    });
  });

  it('starts with the standard namespaces and the kubernetes Service', () => {
    const { api } = createSandbox({ cluster: false });
    expect(api.list('namespaces').items.map((n) => n.metadata.name)).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
    const k = api.get('services', 'default', 'kubernetes');
    expect((k.spec as { clusterIP: string }).clusterIP).toBe('10.96.0.1');
    expect(k.metadata.creationTimestamp).toBe('2025-12-31T09:00:00Z');
  });
});
