/**
 * A tiny static file server for the built site, as a plain static host would serve it: correct
 * content types, `/x/` → `/x/index.html`, `/x` → redirect to `/x/` when it is a folder, the site's
 * 404 page for unknown paths, and gzip for text when the client accepts it (so the transfer sizes
 * the benchmark measures are what a real host would send). It listens on 127.0.0.1 only and counts
 * the bytes it sent per path.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
};

const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|xml|wasm)|image\/svg\+xml|font\/ttf)/;

export interface SentRecord {
  path: string;
  type: string;
  /** Bytes of the body on the wire (compressed when gzip was used). */
  bytes: number;
  gzip: boolean;
}

export interface StaticServer {
  url: string;
  port: number;
  /** Every response body sent since start (or the last `resetLog`). */
  readonly sent: readonly SentRecord[];
  resetLog(): void;
  close(): Promise<void>;
}

export async function serveStatic(root: string, opts: { port?: number } = {}): Promise<StaticServer> {
  const base = resolve(root);
  const gzipCache = new Map<string, Buffer>();
  let sent: SentRecord[] = [];

  async function fileAt(urlPath: string): Promise<{ file: string } | { redirect: string } | undefined> {
    // Resolve inside the root only: a `..` in the URL must not read files outside the site.
    const rel = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
    const file = resolve(base, rel);
    if (file !== base && !file.startsWith(base + sep)) return undefined;
    const info = await stat(file).catch(() => undefined);
    if (!info) return undefined;
    if (info.isDirectory()) {
      if (!urlPath.endsWith('/')) return { redirect: `${urlPath}/` };
      const index = join(file, 'index.html');
      return (await stat(index).catch(() => undefined))?.isFile() ? { file: index } : undefined;
    }
    return info.isFile() ? { file } : undefined;
  }

  async function send(
    req: IncomingMessage,
    res: ServerResponse,
    file: string,
    status: number,
  ): Promise<void> {
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    let body: Buffer = await readFile(file);
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) {
      const cached = gzipCache.get(file);
      body = cached ?? gzipSync(body, { level: 9 });
      if (!cached) gzipCache.set(file, body);
    }
    const headers: Record<string, string> = {
      'content-type': type,
      'content-length': String(body.length),
      // Pages and the service worker revalidate; Astro's hashed assets never change under one name.
      'cache-control': file.includes(`${sep}_astro${sep}`)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
      vary: 'accept-encoding',
    };
    if (gzip) headers['content-encoding'] = 'gzip';
    res.writeHead(status, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    res.end(body);
    sent.push({ path: new URL(req.url ?? '/', 'http://x').pathname, type, bytes: body.length, gzip });
  }

  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      const { pathname } = new URL(req.url ?? '/', 'http://x');
      const found = await fileAt(pathname);
      if (found && 'redirect' in found) {
        res.writeHead(301, { location: found.redirect }).end();
      } else if (found) {
        await send(req, res, found.file, 200);
      } else {
        const notFound = join(base, '404.html');
        if ((await stat(notFound).catch(() => undefined))?.isFile()) await send(req, res, notFound, 404);
        else res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      }
    })().catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get sent() {
      return sent;
    },
    resetLog() {
      sent = [];
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
