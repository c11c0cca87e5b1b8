/**
 * Watch streams: chunked NDJSON of `{type, object}` that stays open until the client goes (or
 * `timeoutSeconds` passes). With a Table Accept each event is a one-row Table, column definitions
 * in the first event only, as the real API server's embedded encoder does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiServer } from '../api/server';
import type { ResourceInfo } from '../api/resources';
import type { WatchEvent } from '../api/types';

export interface WatchRequest {
  resource: ResourceInfo;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  timeoutSeconds?: number;
  table: boolean;
  includeObject?: 'None' | 'Metadata' | 'Object';
  contentType: string;
}

export function serveWatch(api: ApiServer, req: IncomingMessage, res: ServerResponse, w: WatchRequest): void {
  let first = true;
  const encode = (e: WatchEvent): unknown => {
    if (!w.table) return e;
    const table = api.tableOf(w.resource, [e.object], w.includeObject);
    if (!first) (table as { columnDefinitions: unknown }).columnDefinitions = null;
    first = false;
    return { type: e.type, object: table };
  };
  // Subscribe before writing headers so a bad resourceVersion still answers with a Status.
  const handle = api.watch(
    w.resource.plural,
    w.namespace,
    {
      labelSelector: w.labelSelector,
      fieldSelector: w.fieldSelector,
      resourceVersion: w.resourceVersion === '0' ? undefined : w.resourceVersion,
    },
    (e) => {
      if (!res.writableEnded) res.write(JSON.stringify(encode(e)) + '\n');
    },
  );
  res.writeHead(200, {
    'Content-Type': w.contentType,
    'Transfer-Encoding': 'chunked',
    'Cache-Control': 'no-cache, private',
  });
  res.flushHeaders();
  const stop = (): void => {
    handle.stop();
    if (!res.writableEnded) res.end();
  };
  req.on('close', stop);
  if (w.timeoutSeconds && w.timeoutSeconds > 0) setTimeout(stop, w.timeoutSeconds * 1000).unref();
}
