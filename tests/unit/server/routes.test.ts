import { describe, expect, it } from 'vitest';
import { route } from '../../../sandbox/server/routes';

const res = (pathname: string) => {
  const r = route(pathname);
  if (r.kind !== 'resource') return r;
  return {
    kind: r.kind,
    plural: r.resource.plural,
    namespace: r.namespace,
    name: r.name,
    subresource: r.subresource,
  };
};

describe('route: URL paths as the request-info resolver splits them', () => {
  it('names the discovery, version and OpenAPI paths', () => {
    expect(route('/version')).toEqual({ kind: 'version' });
    expect(route('/api')).toEqual({ kind: 'discovery-root', core: true });
    expect(route('/apis')).toEqual({ kind: 'discovery-root', core: false });
    expect(route('/apis/apps')).toEqual({ kind: 'api-group', group: 'apps' });
    expect(route('/api/v1')).toEqual({ kind: 'discovery-group', group: '', version: 'v1' });
    expect(route('/apis/apps/v1')).toEqual({ kind: 'discovery-group', group: 'apps', version: 'v1' });
    expect(route('/openapi/v3')).toEqual({ kind: 'openapi-root' });
    expect(route('/openapi/v3/apis/apps/v1')).toEqual({ kind: 'openapi-doc', path: 'apis/apps/v1' });
    expect(route('/healthz/x')).toEqual({ kind: 'not-found' });
  });

  it('splits namespaced and cluster-scoped resources, names and subresources', () => {
    expect(res('/api/v1/namespaces/default/pods')).toEqual({
      kind: 'resource',
      plural: 'pods',
      namespace: 'default',
      name: undefined,
      subresource: undefined,
    });
    expect(res('/api/v1/namespaces/default/pods/kubia-1/log')).toMatchObject({
      plural: 'pods',
      namespace: 'default',
      name: 'kubia-1',
      subresource: 'log',
    });
    expect(res('/apis/apps/v1/namespaces/default/deployments/kubia/scale')).toMatchObject({
      plural: 'deployments',
      name: 'kubia',
      subresource: 'scale',
    });
    expect(res('/apis/apps/v1/deployments')).toMatchObject({ plural: 'deployments', namespace: undefined });
    expect(res('/api/v1/nodes/node-1')).toMatchObject({ plural: 'nodes', name: 'node-1' });
  });

  it('treats /api/v1/namespaces/NAME as the namespace object, with status and finalize', () => {
    expect(res('/api/v1/namespaces')).toMatchObject({ plural: 'namespaces', name: undefined });
    expect(res('/api/v1/namespaces/default')).toMatchObject({ plural: 'namespaces', name: 'default' });
    expect(res('/api/v1/namespaces/default/finalize')).toMatchObject({
      plural: 'namespaces',
      name: 'default',
      subresource: 'finalize',
    });
    expect(res('/api/v1/namespaces/default/status')).toMatchObject({
      name: 'default',
      subresource: 'status',
    });
  });

  it('rejects resources outside their group version', () => {
    expect(route('/api/v1/namespaces/default/deployments')).toEqual({
      kind: 'unknown-resource',
      resource: 'deployments',
    });
    expect(route('/apis/apps/v1/namespaces/default/nopes')).toEqual({
      kind: 'unknown-resource',
      resource: 'nopes',
    });
    expect(route('/apis/apps/v2/deployments')).toEqual({ kind: 'unknown-resource', resource: 'deployments' });
  });
});
