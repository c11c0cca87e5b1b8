/**
 * Protobuf bodies through the HTTP adapter: they take the JSON path (defaults, validation, dryRun,
 * AlreadyExists), the answer is JSON, garbage is a 400 Status, and kinds the API server does not
 * serve get the same 404 as a JSON body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../../../sandbox/index';
import { serve, type Served } from '../../../../sandbox/server/index';
import { entry, envelope, int, ld, msg } from './encode';

const PROTOBUF = 'application/vnd.kubernetes.protobuf';
let sb: Sandbox;
let served: Served;

beforeAll(async () => {
  sb = createSandbox({ seed: 5 });
  served = await serve(sb, { port: 0, speed: 0 });
});
afterAll(async () => {
  await served.close();
  sb.stop();
});

const post = (path: string, body: Uint8Array, method = 'POST') =>
  fetch(served.url + path, {
    method,
    body: new Uint8Array(body),
    headers: { 'content-type': PROTOBUF, accept: `${PROTOBUF},application/json` },
  });

const configMap = (name: string) =>
  envelope('v1', 'ConfigMap', [...msg(1, ld(1, name), msg(8)), ...entry(2, 'GREETING', 'hello')]);

/** `kubectl create deployment web --image=nginx --replicas=0`, as the typed client encodes it. */
const deployment = envelope('apps/v1', 'Deployment', [
  ...msg(1, ld(1, 'web'), entry(11, 'app', 'web')),
  ...msg(
    2,
    int(1, 0),
    msg(2, entry(1, 'app', 'web')),
    msg(3, msg(1, entry(11, 'app', 'web')), msg(2, msg(2, ld(1, 'nginx'), ld(2, 'nginx'), msg(8)))),
    msg(4),
  ),
  ...msg(3),
]);

describe('protobuf request bodies', () => {
  it('creates a ConfigMap and answers JSON', async () => {
    const r = await post(
      '/api/v1/namespaces/default/configmaps?fieldManager=kubectl-create&fieldValidation=Strict',
      configMap('cfg'),
    );
    expect(r.status).toBe(201);
    expect(r.headers.get('content-type')).toBe('application/json');
    expect(r.headers.get('warning')).toBeNull();
    const created = (await r.json()) as { metadata: Record<string, unknown>; data: unknown };
    expect(created).toMatchObject({ kind: 'ConfigMap', apiVersion: 'v1', data: { GREETING: 'hello' } });
    expect(created.metadata).toMatchObject({ name: 'cfg', namespace: 'default' });
    expect(sb.api.get('configmaps', 'default', 'cfg').data).toEqual({ GREETING: 'hello' });
  });

  it('gets the defaults a JSON body gets and keeps a zero replicas pointer', async () => {
    const r = await post('/apis/apps/v1/namespaces/default/deployments?fieldValidation=Strict', deployment);
    expect(r.status).toBe(201);
    const d = sb.api.get('deployments', 'default', 'web');
    expect(d.spec).toMatchObject({
      replicas: 0,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    });
    const c = (d.spec as { template: { spec: { containers: Array<Record<string, unknown>> } } }).template.spec
      .containers[0];
    expect(c).toMatchObject({ name: 'nginx', image: 'nginx', imagePullPolicy: 'Always' });
  });

  it('honours dryRun and answers AlreadyExists like a JSON body', async () => {
    let r = await post('/api/v1/namespaces/default/configmaps?dryRun=All', configMap('dry'));
    expect(r.status).toBe(201);
    expect(() => sb.api.get('configmaps', 'default', 'dry')).toThrow();
    r = await post('/api/v1/namespaces/default/configmaps', configMap('cfg'));
    expect(r.status).toBe(409);
    expect(await r.json()).toMatchObject({
      reason: 'AlreadyExists',
      message: 'configmaps "cfg" already exists',
    });
    r = await post('/api/v1/namespaces/nowhere/configmaps', configMap('x'));
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ reason: 'NotFound', message: 'namespaces "nowhere" not found' });
  });

  it('replaces with a protobuf PUT, checking its resourceVersion', async () => {
    const rv = sb.api.get('configmaps', 'default', 'cfg').metadata.resourceVersion!;
    const put = (version: string) =>
      envelope('v1', 'ConfigMap', [...msg(1, ld(1, 'cfg'), ld(6, version)), ...entry(2, 'GREETING', 'hi')]);
    let r = await post('/api/v1/namespaces/default/configmaps/cfg', put('1'), 'PUT');
    expect(r.status).toBe(409);
    expect(await r.json()).toMatchObject({ reason: 'Conflict' });
    r = await post('/api/v1/namespaces/default/configmaps/cfg', put(rv), 'PUT');
    expect(r.status).toBe(200);
    expect(sb.api.get('configmaps', 'default', 'cfg').data).toEqual({ GREETING: 'hi' });
  });

  it('reads DeleteOptions from a protobuf DELETE body', async () => {
    const options = (...raw: number[][]) => envelope('meta.k8s.io/v1', 'DeleteOptions', raw.flat());
    let r = await post('/api/v1/namespaces/default/configmaps/cfg', options(ld(5, 'All')), 'DELETE');
    expect(r.status).toBe(200);
    expect(sb.api.get('configmaps', 'default', 'cfg')).toBeDefined();
    r = await post('/api/v1/namespaces/default/configmaps/cfg', options(msg(2, ld(2, '1'))), 'DELETE');
    expect(r.status).toBe(409);
    r = await post('/api/v1/namespaces/default/configmaps/cfg', options(int(1, 0)), 'DELETE');
    expect(r.status).toBe(200);
    expect(() => sb.api.get('configmaps', 'default', 'cfg')).toThrow();
  });

  it('answers garbage with a 400 BadRequest Status', async () => {
    const r = await post(
      '/api/v1/namespaces/default/configmaps',
      Uint8Array.from([0x6b, 0x38, 0x73, 0x00, 0xff]),
    );
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the object provided is unrecognized (must be of type ConfigMap): unexpected EOF (6b387300ff)',
      reason: 'BadRequest',
      code: 400,
    });
  });

  it('answers 404 for kinds the API server does not serve, whatever the body', async () => {
    const secret = envelope('v1', 'Secret', [...msg(1, ld(1, 's')), ...entry(2, 'a', 'b')]);
    const r = await post('/api/v1/namespaces/default/secrets', secret);
    expect(r.status).toBe(404);
    expect(await r.text()).toBe('404 page not found\n');
  });
});
