/**
 * The HTTP face of the sandbox's API server: the REST paths, content negotiation (Tables,
 * aggregated discovery), and the verbs, all delegating to the same `ApiServer` the browser uses.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import type { Sandbox } from '../index';
import type { ApiServer } from '../api/server';
import { badRequest, methodNotAllowed, unsupportedMediaType, StatusError } from '../api/errors';
import type { KubeObjectInput, PatchType } from '../api/types';
import type { FieldValidation, WriteOptions, DeleteOptions } from '../api/request';
import {
  aggregatedDiscovery,
  legacyApiVersions,
  legacyGroup,
  legacyGroupList,
  legacyResourceList,
} from '../api/discovery';
import { documentHash, groupVersionDocument, openApiRoot, SERVER_VERSION } from '../api/openapi';
import { route, type ResourceRoute } from './routes';
import { readBody, readBodyBytes, sendError, sendJson, sendText } from './http';
import { decodeProtobufBody, DELETE_OPTIONS, PROTOBUF_TYPE, type ExpectedKind } from './protobuf/request';
import { serveWatch } from './watch';
import { followLog } from '../cluster/log-follow';

const TABLE_TYPE = 'application/json;as=Table;v=v1;g=meta.k8s.io';
const SCALE: ExpectedKind = { group: 'autoscaling', version: 'v1', kind: 'Scale' };
const UNSUPPORTED_BODY = `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, ${PROTOBUF_TYPE}`;
const PATCH_TYPES: Record<string, PatchType> = {
  'application/strategic-merge-patch+json': 'strategic',
  'application/merge-patch+json': 'merge',
  'application/json-patch+json': 'json',
  'application/apply-patch+yaml': 'apply',
};

export function versionInfo(): Record<string, string> {
  return {
    major: '1',
    minor: '32',
    gitVersion: SERVER_VERSION,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2024-12-11T00:00:00Z',
    goVersion: 'go1.23.4',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export function createHandler(sb: Sandbox, serverAddress: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      await handle(sb, serverAddress, req, res);
    } catch (e) {
      sendError(res, e);
    }
  };
}

async function handle(
  sb: Sandbox,
  serverAddress: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const accept = req.headers.accept ?? '';
  const r = route(url.pathname);
  const method = req.method ?? 'GET';
  switch (r.kind) {
    case 'version':
      return sendJson(res, 200, versionInfo());
    case 'discovery-root': {
      const v2 = accept.includes('as=APIGroupDiscoveryList')
        ? /v=v2;|v=v2,|v=v2$/.test(accept)
          ? 'v2'
          : accept.includes('v=v2beta1')
            ? 'v2beta1'
            : undefined
        : undefined;
      if (v2) {
        return sendJson(
          res,
          200,
          aggregatedDiscovery(r.core, v2),
          `application/json;g=apidiscovery.k8s.io;v=${v2};as=APIGroupDiscoveryList`,
        );
      }
      return sendJson(res, 200, r.core ? legacyApiVersions(serverAddress) : legacyGroupList());
    }
    case 'discovery-group': {
      const doc = legacyResourceList(r.group, r.version);
      if (!doc) return sendText(res, 404, '404 page not found\n');
      return sendJson(res, 200, doc);
    }
    case 'api-group': {
      const doc = legacyGroup(r.group);
      if (!doc) return sendText(res, 404, '404 page not found\n');
      return sendJson(res, 200, doc);
    }
    case 'openapi-root':
      return sendJson(res, 200, openApiRoot());
    case 'openapi-doc': {
      const doc = groupVersionDocument(r.path);
      if (!doc) return sendText(res, 404, '404 page not found\n');
      // As the real server: a URL with the current hash may be cached for good, others not.
      const hashed = url.searchParams.get('hash') === documentHash(doc);
      return sendJson(
        res,
        200,
        doc,
        'application/json',
        [],
        hashed ? 'public, immutable' : 'no-cache, private',
      );
    }
    case 'unknown-resource':
    case 'not-found':
      return sendText(res, 404, '404 page not found\n');
    case 'resource':
      return resourceRequest(sb, sb.api, r, method, url, accept, req, res);
  }
}

/**
 * The request body as JSON. Protobuf bodies (typed clients: `kubectl create deployment|configmap|...`)
 * are decoded to the JSON Go would write for the same struct, then take the JSON path; `into` is
 * the kind the endpoint decodes (DeleteOptions when absent).
 */
async function parseBody(req: IncomingMessage, into: ExpectedKind = DELETE_OPTIONS): Promise<unknown> {
  const type = (req.headers['content-type'] ?? 'application/json').split(';')[0].trim();
  if (type === PROTOBUF_TYPE) return decodeProtobufBody(await readBodyBytes(req), into);
  if (type.includes('protobuf')) throw unsupportedMediaType(UNSUPPORTED_BODY);
  const text = await readBody(req);
  if (text.trim() === '') return undefined;
  try {
    return type === 'application/yaml' || type === 'application/apply-patch+yaml'
      ? parseYaml(text)
      : JSON.parse(text);
  } catch (e) {
    throw badRequest(`error decoding body: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function writeOptions(url: URL, defaultValidation: FieldValidation = 'Warn'): WriteOptions {
  const fv = url.searchParams.get('fieldValidation');
  const fieldValidation: FieldValidation =
    fv === 'Strict' || fv === 'Ignore' || fv === 'Warn' ? fv : defaultValidation;
  return {
    dryRun: url.searchParams.get('dryRun') === 'All',
    fieldValidation,
    fieldManager: url.searchParams.get('fieldManager') ?? undefined,
    warnings: [],
  };
}

async function resourceRequest(
  sb: Sandbox,
  api: ApiServer,
  r: ResourceRoute,
  method: string,
  url: URL,
  accept: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const q = url.searchParams;
  const plural = r.resource.plural;
  const ns = r.resource.namespaced ? r.namespace : undefined;
  const table = accept.includes('as=Table');
  const includeObject = (q.get('includeObject') as 'None' | 'Metadata' | 'Object' | null) ?? undefined;
  const list = {
    labelSelector: q.get('labelSelector') ?? undefined,
    fieldSelector: q.get('fieldSelector') ?? undefined,
  };

  if (r.subresource === 'log' && plural === 'pods' && method === 'GET') return podLog(sb, r, url, req, res);

  if (method === 'GET') {
    if (q.get('watch') === 'true' || q.get('watch') === '1') {
      return serveWatch(api, req, res, {
        resource: r.resource,
        namespace: ns,
        ...list,
        resourceVersion: q.get('resourceVersion') ?? undefined,
        timeoutSeconds: q.get('timeoutSeconds') ? Number(q.get('timeoutSeconds')) : undefined,
        table,
        includeObject,
        contentType: table ? TABLE_TYPE : 'application/json',
      });
    }
    if (r.subresource === 'scale') return sendJson(res, 200, api.getScale(plural, ns, r.name!));
    if (table && !r.subresource) {
      return sendJson(res, 200, api.table(plural, ns, { ...list, name: r.name, includeObject }), TABLE_TYPE);
    }
    if (r.name) return sendJson(res, 200, api.get(plural, ns, r.name));
    const l = api.list(plural, ns, list);
    return sendJson(res, 200, { ...l, items: l.items.map(({ apiVersion: _a, kind: _k, ...rest }) => rest) });
  }

  const opts: WriteOptions = {
    ...writeOptions(url),
    // The field manager's default name, and apply's force (only sent by apply clients).
    userAgent: req.headers['user-agent'],
    ...(q.has('force') ? { force: q.get('force') === 'true' } : {}),
  };
  if (method === 'POST' && !r.name) {
    const body = (await parseBody(req, r.resource)) as KubeObjectInput;
    const created = api.create(body, { ...opts, namespace: ns });
    return sendJson(res, 201, created, 'application/json', opts.warnings);
  }
  if (method === 'PUT' && r.name) {
    const body = (await parseBody(req, r.subresource === 'scale' ? SCALE : r.resource)) as KubeObjectInput;
    if (r.subresource === 'scale') return sendJson(res, 200, api.updateScale(plural, ns, r.name, body, opts));
    if (r.subresource === 'finalize' && plural === 'namespaces') {
      const finalizers = ((body?.spec as { finalizers?: string[] } | undefined)?.finalizers ??
        []) as string[];
      return sendJson(res, 200, api.finalizeNamespace(r.name, finalizers));
    }
    if (r.subresource === 'status')
      return sendJson(
        res,
        200,
        api.updateStatus(body, { ...opts, namespace: ns }),
        'application/json',
        opts.warnings,
      );
    const updated = api.update(body, { ...opts, namespace: ns });
    return sendJson(res, 200, updated, 'application/json', opts.warnings);
  }
  if (method === 'PATCH' && r.name) {
    const type = PATCH_TYPES[(req.headers['content-type'] ?? '').split(';')[0].trim()];
    if (!type) {
      throw unsupportedMediaType(
        `the body of the request was in an unknown format - accepted media types include: ${Object.keys(PATCH_TYPES).join(', ')}`,
      );
    }
    const body = await parseBody(req);
    if (r.subresource === 'scale')
      return sendJson(res, 200, api.patchScale(plural, ns, r.name, body, type, opts));
    const patched = api.patch(plural, ns, r.name, body, type, {
      ...opts,
      subresource: r.subresource === 'status' ? 'status' : undefined,
    });
    return sendJson(res, 200, patched, 'application/json', opts.warnings);
  }
  if (method === 'DELETE') {
    const body = ((await parseBody(req)) ?? {}) as DeleteOptions & { orphanDependents?: boolean };
    const del: DeleteOptions = {
      propagationPolicy:
        (q.get('propagationPolicy') as DeleteOptions['propagationPolicy']) ?? body.propagationPolicy,
      gracePeriodSeconds:
        q.get('gracePeriodSeconds') !== null ? Number(q.get('gracePeriodSeconds')) : body.gracePeriodSeconds,
      dryRun: q.get('dryRun') === 'All' || bodyDryRun(body),
      preconditions: body.preconditions,
    };
    if (body.orphanDependents === true && !del.propagationPolicy) del.propagationPolicy = 'Orphan';
    if (!r.name) {
      const deleted = api.deleteCollection(plural, ns, list, del);
      return sendJson(res, 200, {
        kind: `${r.resource.kind}List`,
        apiVersion: r.resource.group ? `${r.resource.group}/${r.resource.version}` : 'v1',
        metadata: {},
        items: deleted,
      });
    }
    return sendJson(res, 200, api.delete(plural, ns, r.name, del));
  }
  throw methodNotAllowed();
}

function bodyDryRun(body: unknown): boolean {
  const d = (body as { dryRun?: unknown }).dryRun;
  return Array.isArray(d) && d.includes('All');
}

function podLog(sb: Sandbox, r: ResourceRoute, url: URL, req: IncomingMessage, res: ServerResponse): void {
  const ns = r.namespace ?? 'default';
  const pod = sb.api.get('pods', ns, r.name!);
  const container = url.searchParams.get('container') ?? undefined;
  const previous = url.searchParams.get('previous') === 'true';
  const lines = sb.containers.logs(ns, r.name!, container, previous);
  if (!lines) {
    const name =
      container ?? ((pod.spec as { containers?: Array<{ name: string }> }).containers ?? [])[0]?.name ?? '';
    throw new StatusError({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `container "${name}" in pod "${r.name}" is waiting to start: ContainerCreating`,
      reason: 'BadRequest',
      code: 400,
    });
  }
  const tail = url.searchParams.get('tailLines');
  const out = tail !== null ? lines.slice(Math.max(0, lines.length - Number(tail))) : lines;
  const text = out.map((l) => l + '\n').join('');
  const rec = sb.containers.get(ns, r.name!, container);
  if (url.searchParams.get('follow') !== 'true' || previous || !rec?.app) return sendText(res, 200, text);
  // follow=true: a chunked stream, new lines as the container writes them, until it stops.
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
  if (text) res.write(text);
  const stop = followLog(
    sb.clock,
    sb.containers,
    { namespace: ns, pod: r.name!, container: rec.container },
    lines,
    (line) => void res.write(line + '\n'),
    () => res.end(),
  );
  req.on('close', stop);
}
