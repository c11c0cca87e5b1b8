/**
 * `npm run --silent sandbox -- --serve [--port P]`: the sandbox's API server on 127.0.0.1 over
 * HTTP, for a real kubectl (or k9s, or a client library). Virtual time follows real time here.
 */
import { createServer, type Server } from 'node:http';
import type { Sandbox } from '../index';
import { createHandler } from './handler';

export interface ServeOptions {
  port?: number;
  host?: string;
  /** Virtual seconds per real second (default 1). */
  speed?: number;
}

export interface Served {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** The kubeconfig that points a real kubectl at the served sandbox. */
export function kubeconfig(url: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: rollout-lab',
    '  cluster:',
    `    server: ${url}`,
    'users:',
    '- name: rollout-lab',
    '  user: {}',
    'contexts:',
    '- name: rollout-lab',
    '  context:',
    '    cluster: rollout-lab',
    '    user: rollout-lab',
    '    namespace: default',
    'current-context: rollout-lab',
    '',
  ].join('\n');
}

export function serve(sb: Sandbox, opts: ServeOptions = {}): Promise<Served> {
  const host = opts.host ?? '127.0.0.1';
  const speed = opts.speed ?? 1;
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : (opts.port ?? 0);
      const url = `http://${host}:${port}`;
      server.on('request', createHandler(sb, `${host}:${port}`));
      // Virtual time follows real time; queued work (watch events) runs on every tick.
      let last = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        sb.clock.advanceMs((now - last) * speed);
        last = now;
      }, 50);
      timer.unref();
      resolve({
        server,
        url,
        close: () =>
          new Promise<void>((done) => {
            clearInterval(timer);
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
