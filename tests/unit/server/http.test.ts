/**
 * The HTTP adapter over loopback: discovery content negotiation, OpenAPI v3 documents, Tables,
 * watch streams, writes and the error shapes kubectl relies on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../../sandbox/index';
import { kubeconfig, serve, type Served } from '../../../sandbox/server/index';

const V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
const V2BETA1 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';
/** What kubectl v1.32 sends for /api and /apis. */
const KUBECTL_DISCOVERY_ACCEPT = `${V2},${V2BETA1},application/json`;
const TABLE =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

const DEPLOYMENT = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'kubia' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'kubia' } },
    template: {
      metadata: { labels: { app: 'kubia' } },
      spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v1' }] },
    },
  },
};

let sb: Sandbox;
let served: Served;

beforeAll(async () => {
  sb = createSandbox({ seed: 3 });
  served = await serve(sb, { port: 0, speed: 0 });
});
afterAll(async () => {
  await served.close();
  sb.stop();
});

const get = (path: string, accept?: string) =>
  fetch(served.url + path, accept ? { headers: { accept } } : {});
const send = (method: string, path: string, body: string, contentType = 'application/json') =>
  fetch(served.url + path, { method, body, headers: { 'content-type': contentType } });

describe('version and kubeconfig', () => {
  it('reports a v1.32 server', async () => {
    const r = await get('/version');
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ major: '1', minor: '32', gitVersion: 'v1.32.0' });
  });

  it('prints a kubeconfig whose current context points at the URL', () => {
    const k = kubeconfig('http://127.0.0.1:8001');
    expect(k).toContain('    server: http://127.0.0.1:8001\n');
    expect(k).toContain('current-context: rollout-lab\n');
  });
});

describe('discovery', () => {
  it('answers aggregated discovery v2 with its exact content type', async () => {
    for (const path of ['/api', '/apis']) {
      const r = await get(path, KUBECTL_DISCOVERY_ACCEPT);
      expect(r.headers.get('content-type')).toBe(V2);
      const doc = (await r.json()) as { kind: string; apiVersion: string; items: unknown[] };
      expect(doc).toMatchObject({ kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2' });
      expect(doc.items.length).toBeGreaterThan(0);
    }
  });

  it('answers v2beta1 to a client that asks only for it', async () => {
    const r = await get('/apis', `${V2BETA1},application/json`);
    expect(r.headers.get('content-type')).toBe(V2BETA1);
    expect(await r.json()).toMatchObject({ apiVersion: 'apidiscovery.k8s.io/v2beta1' });
  });

  it('lists resources with verbs, short names, categories and subresources', async () => {
    const doc = (await (await get('/apis', V2)).json()) as {
      items: Array<{
        metadata: { name: string };
        versions: Array<{ version: string; resources: Array<Record<string, unknown>> }>;
      }>;
    };
    const apps = doc.items.find((g) => g.metadata.name === 'apps')!;
    const deploy = apps.versions[0].resources.find((r) => r.resource === 'deployments')!;
    expect(deploy).toMatchObject({
      scope: 'Namespaced',
      singularResource: 'deployment',
      shortNames: ['deploy'],
      categories: ['all'],
      responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
    });
    expect(deploy.verbs).toEqual(
      expect.arrayContaining(['create', 'get', 'list', 'watch', 'patch', 'delete']),
    );
    expect(deploy.subresources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          subresource: 'scale',
          responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
        }),
      ]),
    );
  });

  it('serves the legacy documents to a plain JSON client', async () => {
    let r = await get('/api', 'application/json');
    expect(r.headers.get('content-type')).toBe('application/json');
    expect(await r.json()).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    r = await get('/apis');
    const groups = (await r.json()) as { kind: string; groups: Array<{ name: string }> };
    expect(groups.kind).toBe('APIGroupList');
    expect(groups.groups.map((g) => g.name)).toContain('apps');
    expect(await (await get('/apis/apps')).json()).toMatchObject({
      kind: 'APIGroup',
      name: 'apps',
      preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
    });
    const core = (await (await get('/api/v1')).json()) as {
      kind: string;
      groupVersion: string;
      resources: Array<{ name: string; kind: string; shortNames?: string[] }>;
    };
    expect(core).toMatchObject({ kind: 'APIResourceList', groupVersion: 'v1' });
    expect(core.resources.find((x) => x.name === 'pods')).toMatchObject({ kind: 'Pod', shortNames: ['po'] });
    expect(core.resources.find((x) => x.name === 'pods/log')).toMatchObject({ kind: 'Pod' });
    const apps = (await (await get('/apis/apps/v1')).json()) as { resources: Array<Record<string, unknown>> };
    expect(apps.resources.find((x) => x.name === 'deployments/scale')).toMatchObject({
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
    });
  });

  it('answers 404 page not found for groups and versions it does not serve', async () => {
    for (const path of ['/apis/batch', '/apis/apps/v2', '/api/v2', '/metrics']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(await r.text()).toBe('404 page not found\n');
    }
  });
});

describe('OpenAPI v3', () => {
  it('lists one document per group version with a content hash, and serves each', async () => {
    const root = (await (await get('/openapi/v3')).json()) as {
      paths: Record<string, { serverRelativeURL: string }>;
    };
    expect(Object.keys(root.paths)).toEqual(expect.arrayContaining(['api/v1', 'apis/apps/v1']));
    for (const [path, { serverRelativeURL }] of Object.entries(root.paths)) {
      expect(serverRelativeURL).toMatch(new RegExp(`^/openapi/v3/${path}\\?hash=[0-9A-F]{16}$`));
      const r = await get(serverRelativeURL);
      expect(r.status).toBe(200);
      expect(r.headers.get('cache-control')).toBe('public, immutable');
      const doc = (await r.json()) as { openapi: string; components: { schemas: Record<string, unknown> } };
      expect(doc.openapi).toBe('3.0.0');
    }
    const apps = (await (await get(root.paths['apis/apps/v1'].serverRelativeURL)).json()) as {
      components: { schemas: Record<string, Record<string, unknown>> };
      paths: Record<string, Record<string, unknown>>;
    };
    expect(apps.components.schemas['io.k8s.api.apps.v1.Deployment']).toMatchObject({
      'x-kubernetes-group-version-kind': [{ group: 'apps', version: 'v1', kind: 'Deployment' }],
    });
    expect(apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch).toMatchObject({
      'x-kubernetes-action': 'patch',
    });
  });

  it('lets only the URL with the current hash be cached for good', async () => {
    const r = await get('/openapi/v3/apis/apps/v1');
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-cache, private');
  });

  it('answers 404 for a group version it does not serve', async () => {
    const r = await get('/openapi/v3/apis/batch/v1');
    expect(r.status).toBe(404);
  });
});

describe('reads, writes and watches', () => {
  it('creates with 201, reads as objects, lists and Tables', async () => {
    const r = await send('POST', '/apis/apps/v1/namespaces/default/deployments', JSON.stringify(DEPLOYMENT));
    expect(r.status).toBe(201);
    expect(await r.json()).toMatchObject({ kind: 'Deployment', metadata: { name: 'kubia', generation: 1 } });
    const one = await (await get('/apis/apps/v1/namespaces/default/deployments/kubia')).json();
    expect(one).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment' });
    const list = (await (await get('/apis/apps/v1/namespaces/default/deployments')).json()) as {
      kind: string;
      metadata: { resourceVersion: string };
      items: Array<Record<string, unknown>>;
    };
    expect(list.kind).toBe('DeploymentList');
    expect(list.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(list.items[0].kind).toBeUndefined();
    const t = await get('/apis/apps/v1/namespaces/default/deployments?includeObject=None', TABLE);
    expect(t.headers.get('content-type')).toBe('application/json;as=Table;v=v1;g=meta.k8s.io');
    const table = (await t.json()) as {
      kind: string;
      columnDefinitions: Array<{ name: string }>;
      rows: Array<{ cells: unknown[]; object?: unknown }>;
    };
    expect(table.kind).toBe('Table');
    expect(table.columnDefinitions.map((c) => c.name).slice(0, 5)).toEqual([
      'Name',
      'Ready',
      'Up-to-date',
      'Available',
      'Age',
    ]);
    expect(table.rows[0].cells[0]).toBe('kubia');
    expect(table.rows[0].object).toBeUndefined();
  });

  it('applies the four patch types', async () => {
    const path = '/apis/apps/v1/namespaces/default/deployments/kubia';
    let r = await send(
      'PATCH',
      path,
      '{"metadata":{"labels":{"a":"1"}}}',
      'application/strategic-merge-patch+json',
    );
    expect(r.status).toBe(200);
    r = await send('PATCH', path, '{"metadata":{"labels":{"b":"2"}}}', 'application/merge-patch+json');
    expect(r.status).toBe(200);
    r = await send(
      'PATCH',
      path,
      '[{"op":"add","path":"/metadata/labels/c","value":"3"}]',
      'application/json-patch+json',
    );
    expect(((await r.json()) as { metadata: { labels: unknown } }).metadata.labels).toEqual({
      a: '1',
      b: '2',
      c: '3',
    });
    // Server-side apply needs a field manager (422 without one) and records it.
    const apply = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: kubia, labels: {d: "4"}}';
    r = await send('PATCH', path, apply, 'application/apply-patch+yaml');
    expect(r.status).toBe(422);
    r = await send('PATCH', `${path}?fieldManager=tester&force=true`, apply, 'application/apply-patch+yaml');
    expect(r.status).toBe(200);
    const applied = (await r.json()) as { metadata: { labels: unknown; managedFields: unknown[] } };
    expect(applied.metadata.labels).toEqual({ a: '1', b: '2', c: '3', d: '4' });
    expect(applied.metadata.managedFields).toContainEqual(
      expect.objectContaining({ manager: 'tester', operation: 'Apply' }),
    );
    r = await send('PATCH', path, '{}', 'text/plain');
    expect(r.status).toBe(415);
  });

  it('reads and updates the scale subresource', async () => {
    const path = '/apis/apps/v1/namespaces/default/deployments/kubia/scale';
    const scale = (await (await get(path)).json()) as Record<string, unknown>;
    expect(scale).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 1 } });
    const r = await send('PATCH', path, '{"spec":{"replicas":2}}', 'application/merge-patch+json');
    expect(await r.json()).toMatchObject({ spec: { replicas: 2 } });
  });

  it('streams watch events until timeoutSeconds', async () => {
    const list = (await (await get('/api/v1/namespaces')).json()) as {
      metadata: { resourceVersion: string };
    };
    const r = await get(
      `/api/v1/namespaces?watch=true&timeoutSeconds=1&resourceVersion=${list.metadata.resourceVersion}`,
    );
    expect(r.headers.get('content-type')).toBe('application/json');
    const pending = r.text();
    await send(
      'POST',
      '/api/v1/namespaces',
      JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'w' } }),
    );
    const events = (await pending)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; object: { metadata: { name: string } } });
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED w']);
  });

  it('sends Table-typed watch events, column definitions in the first only', async () => {
    const r = await get('/api/v1/namespaces?watch=true&timeoutSeconds=1', TABLE);
    expect(r.headers.get('content-type')).toBe('application/json;as=Table;v=v1;g=meta.k8s.io');
    const events = (await r.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; object: { kind: string; columnDefinitions: unknown } });
    expect(events.length).toBeGreaterThan(1);
    expect(events[0].object.kind).toBe('Table');
    expect(events[0].object.columnDefinitions).not.toBeNull();
    expect(events[1].object.columnDefinitions).toBeNull();
  });
});

describe('errors shaped as the API server shapes them', () => {
  it('404 Status for a missing object, with the plural as details.kind', async () => {
    const r = await get('/apis/apps/v1/namespaces/default/deployments/nope');
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toBe('application/json');
    expect(await r.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'deployments.apps "nope" not found',
      reason: 'NotFound',
      details: { name: 'nope', group: 'apps', kind: 'deployments' },
      code: 404,
    });
  });

  it('409 AlreadyExists on a second create', async () => {
    const r = await send('POST', '/apis/apps/v1/namespaces/default/deployments', JSON.stringify(DEPLOYMENT));
    expect(r.status).toBe(409);
    expect(await r.json()).toMatchObject({
      reason: 'AlreadyExists',
      message: 'deployments.apps "kubia" already exists',
    });
  });

  it('422 Invalid with causes', async () => {
    const bad = { ...DEPLOYMENT, metadata: { name: 'bad' }, spec: { ...DEPLOYMENT.spec, replicas: -1 } };
    const r = await send('POST', '/apis/apps/v1/namespaces/default/deployments', JSON.stringify(bad));
    expect(r.status).toBe(422);
    const s = (await r.json()) as {
      reason: string;
      details: { kind: string; name: string; causes: unknown[] };
    };
    expect(s).toMatchObject({ reason: 'Invalid', details: { kind: 'Deployment', name: 'bad' } });
    expect(s.details.causes).toEqual([expect.objectContaining({ field: 'spec.replicas' })]);
  });

  it('400 for an empty protobuf body or undecodable JSON, 404 text for unknown resources', async () => {
    let r = await send(
      'POST',
      '/api/v1/namespaces/default/configmaps',
      'k8s\0',
      'application/vnd.kubernetes.protobuf',
    );
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ kind: 'Status', reason: 'BadRequest', code: 400 });
    r = await send('POST', '/api/v1/namespaces/default/configmaps', '{nope');
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ reason: 'BadRequest' });
    r = await get('/api/v1/namespaces/default/nopes');
    expect(r.status).toBe(404);
    expect(await r.text()).toBe('404 page not found\n');
  });

  it('405 for a method the resource path does not take', async () => {
    const r = await send('POST', '/apis/apps/v1/namespaces/default/deployments/kubia', '{}');
    expect(r.status).toBe(405);
    expect(await r.json()).toMatchObject({ reason: 'MethodNotAllowed', code: 405 });
  });

  it('400 with the kubelet text for logs of a container that has not started', async () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'waiting' },
      spec: { containers: [{ name: 'main', image: 'luksa/kubia:v1' }] },
    };
    expect((await send('POST', '/api/v1/namespaces/default/pods', JSON.stringify(pod))).status).toBe(201);
    const r = await get('/api/v1/namespaces/default/pods/waiting/log');
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({
      reason: 'BadRequest',
      message: 'container "main" in pod "waiting" is waiting to start: ContainerCreating',
    });
  });
});
