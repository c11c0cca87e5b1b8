/**
 * httpd (Apache, the official image): its two start-up notices, port 80 answering `It works!`,
 * an access-log line per request, and a quick graceful stop (the image's stop signal) with exit 0.
 */
import type { AppContext, AppFactory, AppInstance, HttpRequest, HttpResponse } from './types';
import { clfTime, ipv4Address } from './http';

const INDEX = '<html><body><h1>It works!</h1></body></html>\n';

function apacheTime(ms: number): string {
  const d = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const s = d.toUTCString().split(' '); // "Thu, 01 Jan 2026 09:00:00 GMT"
  const micros = String(d.getUTCMilliseconds() * 1000).padStart(6, '0');
  return `${day} ${s[2]} ${s[1]} ${s[4]}.${micros} ${s[3]}`;
}

export function httpd(version: string): AppFactory {
  return (ctx: AppContext): AppInstance => {
    const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ctx.podIP}. Set the 'ServerName' directive globally to suppress this message`;
    ctx.log(fqdn);
    ctx.log(fqdn);
    const t = apacheTime(ctx.now());
    ctx.log(
      `[${t}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${version} (Unix) configured -- resuming normal operations`,
    );
    ctx.log(`[${t}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`);
    return {
      ports: [80],
      handle(req: HttpRequest): HttpResponse {
        const ok = req.path.split('?')[0] === '/';
        const body = ok
          ? INDEX
          : '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';
        const status = ok ? 200 : 404;
        ctx.log(
          `${ipv4Address(req.remoteAddr)} - - [${clfTime(ctx.now())}] "${req.method} ${req.path} HTTP/1.1" ${status} ${body.length}`,
        );
        return { status, headers: { 'content-type': 'text/html' }, body };
      },
      onSigterm() {
        ctx.log(
          `[${apacheTime(ctx.now())}] [mpm_event:notice] [pid 1:tid 1] AH00492: caught SIGWINCH, shutting down gracefully`,
        );
        return 'exit';
      },
    };
  };
}
