import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../../sandbox/index';
import { deployment, pod, statusOf } from './fixtures';

describe('get and list', () => {
  it.each([
    ['pods', 'nope', 'pods "nope" not found'],
    ['deployments', 'nope', 'deployments.apps "nope" not found'],
    ['replicationcontrollers', 'kubia-v1', 'replicationcontrollers "kubia-v1" not found'],
    ['endpointslices', 'x', 'endpointslices.discovery.k8s.io "x" not found'],
  ])('get %s/%s that does not exist: %s', (resource, name, message) => {
    const { api } = createSandbox({ cluster: false });
    expect(statusOf(() => api.get(resource, 'default', name))).toMatchObject({
      code: 404,
      reason: 'NotFound',
      message,
    });
  });

  it('returns copies: changing a result does not change the cluster', () => {
    const { api } = createSandbox({ cluster: false });
    api.create(pod('a'));
    const p = api.get('pods', 'default', 'a');
    p.metadata.labels = { hacked: 'yes' };
    expect(api.get('pods', 'default', 'a').metadata.labels).toEqual({ app: 'kubia' });
  });

  it('lists by label and field selectors, sorted by name, across namespaces when asked', () => {
    const { api } = createSandbox({ cluster: false });
    api.create(pod('c', { app: 'kubia', rel: 'v1' }));
    api.create(pod('a', { app: 'kubia', rel: 'v2' }));
    api.create(pod('b', { app: 'other' }));
    api.create({
      ...pod('z', { app: 'kubia' }),
      metadata: { name: 'z', namespace: 'kube-system', labels: { app: 'kubia' } },
    });
    const names = (r: { items: Array<{ metadata: { name?: string } }> }): Array<string | undefined> =>
      r.items.map((i) => i.metadata.name);
    expect(names(api.list('pods', 'default', { labelSelector: 'app=kubia' }))).toEqual(['a', 'c']);
    expect(names(api.list('pods', 'default', { labelSelector: 'rel in (v1,v3)' }))).toEqual(['c']);
    expect(names(api.list('pods', 'default', { labelSelector: 'app!=kubia' }))).toEqual(['b']);
    expect(names(api.list('pods', 'default', { labelSelector: '!rel' }))).toEqual(['b']);
    expect(names(api.list('pods', 'default', { fieldSelector: 'metadata.name=c' }))).toEqual(['c']);
    expect(names(api.list('pods', undefined, { labelSelector: 'app=kubia' }))).toEqual(['a', 'c', 'z']);
    const list = api.list('pods', 'default');
    expect(list.kind).toBe('PodList');
    expect(list.apiVersion).toBe('v1');
    expect(list.metadata.resourceVersion).toMatch(/^\d+$/);
  });

  it('answers a bad selector with 400 BadRequest', () => {
    const { api } = createSandbox({ cluster: false });
    expect(statusOf(() => api.list('pods', 'default', { labelSelector: 'app in kubia' }))).toMatchObject({
      code: 400,
      message: "unable to parse requirement: found 'kubia' expected: '('",
    });
    expect(
      statusOf(() => api.list('deployments', 'default', { fieldSelector: 'spec.replicas=3' })),
    ).toMatchObject({
      code: 400,
      message: 'field label not supported: spec.replicas',
    });
  });

  it('answers an unknown resource with 404', () => {
    const { api } = createSandbox({ cluster: false });
    expect(statusOf(() => api.list('widgets', 'default')).code).toBe(404);
  });

  it('renders a Table with the real columns', () => {
    const { api, clock } = createSandbox({ cluster: false });
    api.create(deployment());
    clock.advance(65);
    const t = api.table('deployments', 'default');
    expect(t.kind).toBe('Table');
    expect(t.columnDefinitions.map((c) => [c.name, c.priority])).toEqual([
      ['Name', 0],
      ['Ready', 0],
      ['Up-to-date', 0],
      ['Available', 0],
      ['Age', 0],
      ['Containers', 1],
      ['Images', 1],
      ['Selector', 1],
    ]);
    expect(t.rows[0].cells).toEqual(['kubia', '0/3', 0, 0, '65s', 'nodejs', 'luksa/kubia:v1', 'app=kubia']);
  });
});
