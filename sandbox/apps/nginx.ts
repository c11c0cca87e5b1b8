/**
 * nginx (the official image): the docker-entrypoint start-up lines, port 80 serving the default
 * page, one access-log line per request, and a fast shutdown (exit 0) on SIGTERM.
 */
import type { AppContext, AppFactory, AppInstance, HttpRequest, HttpResponse } from './types';
import { clfTime, ipv4Address } from './http';

export const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const NOT_FOUND = `<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>nginx/VERSION</center>
</body>
</html>
`;

function errorLogTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ').replace(/-/g, '/');
}

export function nginx(version: string): AppFactory {
  return (ctx: AppContext): AppInstance => {
    const t = errorLogTime(ctx.now());
    for (const line of [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      `${t} [notice] 1#1: using the "epoll" event method`,
      `${t} [notice] 1#1: nginx/${version}`,
      `${t} [notice] 1#1: start worker processes`,
    ]) {
      ctx.log(line);
    }
    return {
      ports: [80],
      handle(req: HttpRequest): HttpResponse {
        const path = req.path.split('?')[0];
        const ok = path === '/' || path === '/index.html';
        const body = ok ? NGINX_INDEX : NOT_FOUND.replace('VERSION', version);
        const status = ok ? 200 : 404;
        const agent = req.headers['user-agent'] ?? '-';
        ctx.log(
          `${ipv4Address(req.remoteAddr)} - - [${clfTime(ctx.now())}] "${req.method} ${req.path} HTTP/1.1" ${status} ${body.length} "-" "${agent}" "-"`,
        );
        return { status, headers: { 'content-type': 'text/html', server: `nginx/${version}` }, body };
      },
      onSigterm() {
        const at = errorLogTime(ctx.now());
        ctx.log(`${at} [notice] 1#1: signal 15 (SIGTERM) received, exiting`);
        ctx.log(`${at} [notice] 1#1: exit`);
        return 'exit';
      },
    };
  };
}
