import { describe, expect, it } from 'vitest';
import type { KubeObject, KubeObjectInput } from '../../../../sandbox/api/types';
import { apiOnly, deployment, entries, entryOf } from './helpers';

describe('managedFields of create, update and patch (operation Update)', () => {
  it('a create records every field the object has after defaulting, as the creator', () => {
    const { api } = apiOnly();
    const d = api.create(deployment() as unknown as KubeObjectInput, { fieldManager: 'kubectl-create' });
    expect(entries(d)).toHaveLength(1);
    const e = entryOf(d, 'kubectl-create')!;
    expect(e).toMatchObject({ operation: 'Update', apiVersion: 'apps/v1', fieldsType: 'FieldsV1' });
    expect(e.time).toBe(d.metadata.creationTimestamp);
    expect(e.subresource).toBeUndefined();
    const spec = e.fieldsV1['f:spec'];
    // Defaults are owned; the structs the zero Deployment already has get no `.`.
    expect(Object.keys(spec)).toEqual(
      expect.arrayContaining([
        'f:replicas',
        'f:progressDeadlineSeconds',
        'f:revisionHistoryLimit',
        'f:strategy',
      ]),
    );
    expect(spec['f:strategy']['f:rollingUpdate']).toEqual({
      '.': {},
      'f:maxSurge': {},
      'f:maxUnavailable': {},
    });
    expect(spec['f:strategy']['.']).toBeUndefined();
    const container = spec['f:template']['f:spec']['f:containers']['k:{"name":"kubia"}'];
    expect(container['.']).toEqual({});
    expect(container['f:imagePullPolicy']).toEqual({});
    expect(container['f:ports']['k:{"containerPort":8080,"protocol":"TCP"}']).toEqual({
      '.': {},
      'f:containerPort': {},
      'f:protocol': {},
    });
    // The server's own fields are nobody's.
    expect(e.fieldsV1['f:metadata']).toBeUndefined();
    expect(e.fieldsV1['f:status']).toBeUndefined();
  });

  it('an update takes the fields it changes from their owner and merges into its own entry', () => {
    const { api, clock } = apiOnly();
    api.create(deployment() as unknown as KubeObjectInput, { fieldManager: 'kubectl-create' });
    clock.advance(60);
    const patched = api.patch('deployments', 'default', 'kubia', { spec: { replicas: 5 } }, 'merge', {
      fieldManager: 'kubectl-patch',
    });
    const creator = entryOf(patched, 'kubectl-create')!;
    const patcher = entryOf(patched, 'kubectl-patch')!;
    expect(creator.fieldsV1['f:spec']['f:replicas']).toBeUndefined();
    expect(patcher.fieldsV1).toEqual({ 'f:spec': { 'f:replicas': {} } });
    expect(patcher.time).not.toBe(creator.time);
    // Oldest first.
    expect(entries(patched).map((x) => x.manager)).toEqual(['kubectl-create', 'kubectl-patch']);

    clock.advance(60);
    const again = api.patch(
      'deployments',
      'default',
      'kubia',
      { metadata: { labels: { a: 'b' } } },
      'merge',
      {
        fieldManager: 'kubectl-patch',
      },
    );
    expect(entries(again)).toHaveLength(2);
    expect(entryOf(again, 'kubectl-patch')!.fieldsV1).toEqual({
      'f:metadata': { 'f:labels': { '.': {}, 'f:a': {} } },
      'f:spec': { 'f:replicas': {} },
    });
  });

  it('an update that changes nothing keeps the entries and their times', () => {
    const { api, clock } = apiOnly();
    const d = api.create(deployment() as unknown as KubeObjectInput, { fieldManager: 'kubectl-create' });
    clock.advance(60);
    const same = api.patch('deployments', 'default', 'kubia', { spec: { replicas: 3 } }, 'merge', {
      fieldManager: 'kubectl-patch',
    });
    expect(same.metadata.managedFields).toEqual(d.metadata.managedFields);
    expect(same.metadata.resourceVersion).toBe(d.metadata.resourceVersion);
  });

  it('removed fields leave every entry, and an entry left empty disappears', () => {
    const { api } = apiOnly();
    const withLabels = { ...deployment(), metadata: { name: 'kubia', labels: { app: 'kubia' } } };
    api.create(withLabels as unknown as KubeObjectInput, { fieldManager: 'kubectl-create' });
    const labelled = api.patch(
      'deployments',
      'default',
      'kubia',
      { metadata: { labels: { a: 'b' } } },
      'merge',
      {
        fieldManager: 'kubectl-label',
      },
    );
    // labels existed: the label's manager owns the key only.
    expect(entryOf(labelled, 'kubectl-label')!.fieldsV1).toEqual({
      'f:metadata': { 'f:labels': { 'f:a': {} } },
    });
    const out = api.patch('deployments', 'default', 'kubia', { metadata: { labels: { a: null } } }, 'merge', {
      fieldManager: 'kubectl-edit',
    });
    expect(entryOf(out, 'kubectl-label')).toBeUndefined();
    // kubectl-edit removed a field but owns nothing: no entry either.
    expect(entryOf(out, 'kubectl-edit')).toBeUndefined();
    expect(entryOf(out, 'kubectl-create')!.fieldsV1['f:metadata']).toEqual({
      'f:labels': { '.': {}, 'f:app': {} },
    });
  });

  it('a status write is recorded with subresource status and owns only status', () => {
    const { api } = apiOnly();
    const d = api.create(deployment() as unknown as KubeObjectInput, { fieldManager: 'kubectl-create' });
    const out = api.updateStatus(
      { ...d, status: { observedGeneration: 1, replicas: 0 } } as KubeObjectInput,
      {
        fieldManager: 'kube-controller-manager',
      },
    );
    const e = entryOf(out, 'kube-controller-manager')!;
    expect(e.subresource).toBe('status');
    expect(e.fieldsV1).toEqual({ 'f:status': { 'f:observedGeneration': {}, 'f:replicas': {} } });
  });

  it('without a fieldManager: the user agent prefix, then the component the server was given, then unknown', () => {
    const { api } = apiOnly();
    const ua = api.create(
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { x: '1' } },
      { userAgent: 'kubectl/v1.32.0 (linux/amd64) kubernetes/abc' },
    );
    expect(entries(ua)[0].manager).toBe('kubectl');
    const kcm = api
      .asManager('kube-controller-manager')
      .create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' }, data: { x: '1' } });
    expect(entries(kcm)[0].manager).toBe('kube-controller-manager');
    const none = api.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c' },
      data: { x: '1' },
    });
    expect(entries(none)[0].manager).toBe('unknown');
  });

  it('managedFields sent with an update replace the stored ones; [{}] clears them', () => {
    const { api } = apiOnly();
    const d = api.create(deployment() as unknown as KubeObjectInput, { fieldManager: 'kubectl-create' });
    const cleared = api.update(
      { ...d, metadata: { ...d.metadata, managedFields: [{}] } } as KubeObjectInput,
      {
        fieldManager: 'me',
      },
    );
    expect(cleared.metadata.managedFields).toBeUndefined();
  });

  it('the running cluster records pods as kube-controller-manager and kubelet status as kubelet', async () => {
    const { createSandbox } = await import('../../../../sandbox/index');
    const sb = createSandbox({ seed: 1 });
    sb.api.create(deployment() as unknown as KubeObjectInput, { fieldManager: 'kubectl-create' });
    sb.clock.advance(30);
    const pod = sb.api.list('pods', 'default').items[0];
    const managers = entries(pod).map((e) => [e.manager, e.operation, e.subresource ?? '']);
    expect(managers).toEqual([
      ['kube-controller-manager', 'Update', ''],
      ['kubelet', 'Update', 'status'],
    ]);
    const kubelet = entryOf(pod, 'kubelet')!;
    expect(Object.keys(kubelet.fieldsV1)).toEqual(['f:status']);
    expect(Object.keys(kubelet.fieldsV1['f:status']['f:conditions'])).toContain('k:{"type":"Ready"}');
    sb.stop();
  });

  it('creates of one shape share a set; a field set or not, a list item each change it', () => {
    const { api } = apiOnly();
    const event = (name: string, extra: Record<string, unknown>, source: Record<string, unknown> = {}) =>
      api.create({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace: 'default' },
        involvedObject: { kind: 'Pod', name: 'kubia' },
        source: { component: 'kubelet', ...source },
        reason: 'Started',
        message: name,
        ...extra,
      } as KubeObjectInput);
    const fields = (o: KubeObject) => entries(o)[0].fieldsV1;
    const a = event('a', { count: 1 });
    const b = event('b', { count: 7 });
    expect(fields(b)).toEqual(fields(a));
    const c = event('c', { count: 1 }, { host: 'node-1' });
    expect(fields(c)['f:source']).toEqual({ 'f:component': {}, 'f:host': {} });
    expect(fields(a)['f:source']).toEqual({ 'f:component': {} });
    const d = event('d', {});
    expect(fields(d)).not.toHaveProperty(['f:count']);
    expect(fields(a)).toHaveProperty(['f:count']);
    const withFinalizers = (name: string, finalizers: string[]) =>
      api.create({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name, namespace: 'default', finalizers },
      } as KubeObjectInput);
    expect(fields(withFinalizers('x', ['a/b']))['f:metadata']['f:finalizers']).toEqual({
      '.': {},
      'v:"a/b"': {},
    });
    expect(fields(withFinalizers('y', ['c/d']))['f:metadata']['f:finalizers']).toEqual({
      '.': {},
      'v:"c/d"': {},
    });
  });
});
