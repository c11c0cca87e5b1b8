import type { Builtin, ShellApi } from '../context';
import type { CommandIO } from '../types';
import type { HttpOutcome } from '../net';
import { unescape } from './echo';
import { progressMeter } from './curl-progress';
import { byteLength, errorText } from './util';

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

interface CurlOptions {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  include: boolean;
  head: boolean;
  fail: boolean;
  method?: string;
  headers: Array<[string, string]>;
  data?: string;
  output?: string;
  writeOut?: string;
  timeoutMs?: number;
  urls: string[];
}

function parseArgs(argv: readonly string[]): CurlOptions | string {
  const o: CurlOptions = {
    silent: false,
    showError: false,
    verbose: false,
    include: false,
    head: false,
    fail: false,
    headers: [],
    urls: [],
  };
  const long: Record<string, string> = {
    '--silent': 's',
    '--show-error': 'S',
    '--verbose': 'v',
    '--include': 'i',
    '--head': 'I',
    '--fail': 'f',
    '--request': 'X',
    '--header': 'H',
    '--data': 'd',
    '--data-raw': 'd',
    '--output': 'o',
    '--write-out': 'w',
    '--max-time': 'm',
    '--connect-timeout': 'm',
    '--location': 'L',
    '--insecure': 'k',
  };
  for (let i = 1; i < argv.length; i++) {
    let a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      const f = long[name];
      if (!f) return `option ${a}: is unknown`;
      a = '-' + f + (eq > 0 ? a.slice(eq + 1) : '');
      if (eq < 0 && 'XHdowm'.includes(f)) a = '-' + f;
    }
    if (!a.startsWith('-') || a === '-') {
      o.urls.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      if ('XHdowm'.includes(f)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
        if (v === undefined) return `option -${f}: requires parameter`;
        if (f === 'X') o.method = v;
        else if (f === 'H') {
          const c = v.indexOf(':');
          if (c > 0) o.headers.push([v.slice(0, c).trim(), v.slice(c + 1).trim()]);
        } else if (f === 'd') o.data = o.data === undefined ? v : `${o.data}&${v}`;
        else if (f === 'o') o.output = v;
        else if (f === 'w') o.writeOut = v;
        else if (f === 'm') {
          const s = Number(v);
          if (!Number.isFinite(s)) return `option -m: expected a proper numerical parameter`;
          o.timeoutMs = Math.round(s * 1000);
        }
        break;
      }
      if (f === 's') o.silent = true;
      else if (f === 'S') o.showError = true;
      else if (f === 'v') o.verbose = true;
      else if (f === 'i') o.include = true;
      else if (f === 'I') o.head = true;
      else if (f === 'f') o.fail = true;
      else if (f === 'L' || f === 'k') continue;
      else return `option -${f}: is unknown`;
    }
  }
  return o;
}

function hostPort(url: string): { host: string; port: number; path: string } {
  const m = /^(?:([a-z]+):\/\/)?([^/:?#]*)(?::(\d+))?([^#]*)/i.exec(url);
  const scheme = (m?.[1] ?? 'http').toLowerCase();
  const port = m?.[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  return { host: m?.[2] ?? '', port, path: m?.[4] || '/' };
}

/** curl 8 via the sandbox network: -s -S -v -i -I -m -X -H -d -o -w -f. */
/** What curl needs of the shell: the clock and the network it runs on (a pod's, for `kubectl exec`). */
export type CurlHost = Pick<ShellApi, 'clock' | 'network'>;

export const curl: Builtin = (argv, io, sh) => runCurl(argv, io, sh);

export async function runCurl(argv: readonly string[], io: CommandIO, sh: CurlHost): Promise<number> {
  const o = parseArgs(argv);
  if (typeof o === 'string') {
    io.stderr.write(`curl: ${o}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
    return 2;
  }
  if (o.urls.length === 0) {
    io.stderr.write(
      "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
    );
    return 2;
  }
  const showErrors = !o.silent || o.showError;
  let code = 0;
  for (const url of o.urls) {
    const { host, port, path } = hostPort(url);
    const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
    const headers: Record<string, string> = {
      Host: port === 80 ? host : `${host}:${port}`,
      'User-Agent': 'curl/8.5.0',
      Accept: '*/*',
    };
    if (o.data !== undefined) {
      headers['Content-Length'] = String(byteLength(o.data));
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    for (const [k, v] of o.headers) {
      const existing = Object.keys(headers).find((h) => h.toLowerCase() === k.toLowerCase());
      if (existing) delete headers[existing];
      if (v !== '') headers[k] = v;
    }
    if (o.verbose) io.stderr.write(`*   Trying ${host}:${port}...\n`);
    const meter = !o.silent && !o.verbose && (o.output !== undefined || !(io.stdoutIsTerminal ?? io.isTTY));
    const started = sh.clock.now();
    let res: HttpOutcome;
    if (!sh.network) res = { ok: false, exitCode: 6, message: `Could not resolve host: ${host}` };
    else {
      res = await sh.network.request({
        url,
        method,
        headers,
        ...(o.data !== undefined ? { body: o.data } : {}),
        ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
      });
    }
    if (io.interrupt.interrupted) return 130;
    const elapsed = sh.clock.now() - started;
    if (!res.ok) {
      if (meter) io.stderr.write(progressMeter(0, elapsed, false));
      if (o.verbose) {
        if (res.exitCode === 7)
          io.stderr.write(`* connect to ${host} port ${port} failed: Connection refused\n`);
        io.stderr.write(`* ${res.message}\n* Closing connection\n`);
      }
      if (showErrors) io.stderr.write(`curl: (${res.exitCode}) ${res.message}\n`);
      code = res.exitCode;
      continue;
    }
    const reason = res.statusText ?? REASONS[res.status] ?? '';
    const statusLine = `HTTP/1.1 ${res.status} ${reason}`.trimEnd();
    const headerLines = Object.entries(res.headers).map(([k, v]) => `${k}: ${v}`);
    if (o.verbose) {
      const ip = res.remoteAddr ?? host;
      io.stderr.write(`* Connected to ${host} (${ip}) port ${port}\n`);
      io.stderr.write(`> ${method} ${path} HTTP/1.1\n`);
      for (const [k, v] of Object.entries(headers)) io.stderr.write(`> ${k}: ${v}\n`);
      io.stderr.write('> \n');
      io.stderr.write(`< ${statusLine}\n`);
      for (const l of headerLines) io.stderr.write(`< ${l}\n`);
      io.stderr.write('< \n');
    }
    if (meter)
      io.stderr.write(
        progressMeter(
          o.fail && res.status >= 400 ? 0 : byteLength(res.body),
          elapsed,
          !(o.fail && res.status >= 400),
        ),
      );
    if (o.fail && res.status >= 400) {
      if (o.verbose)
        io.stderr.write(`* The requested URL returned error: ${res.status}\n* Closing connection\n`);
      if (showErrors) io.stderr.write(`curl: (22) The requested URL returned error: ${res.status}\n`);
      code = 22;
      continue;
    }
    let out = '';
    if (o.include || o.head) out += `${statusLine}\n${headerLines.map((l) => l + '\n').join('')}\n`;
    if (!o.head && method !== 'HEAD') out += res.body;
    if (o.output !== undefined && o.output !== '/dev/null') {
      try {
        io.fs.writeFile(io.fs.resolve(io.cwd, o.output), out);
      } catch (e) {
        if (showErrors)
          io.stderr.write(`curl: (23) Failure writing output to destination: ${errorText(e)}\n`);
        code = 23;
        continue;
      }
    } else if (o.output === undefined) io.stdout.write(out);
    if (o.verbose) io.stderr.write(`* Connection #0 to host ${host} left intact\n`);
    if (o.writeOut !== undefined) {
      const vars: Record<string, string> = {
        http_code: String(res.status).padStart(3, '0'),
        response_code: String(res.status),
        remote_ip: res.remoteAddr ?? host,
        url_effective: url,
        size_download: String(byteLength(res.body)),
        method,
      };
      io.stdout.write(unescape(o.writeOut).replace(/%\{([a-z_]+)\}/g, (m, k: string) => vars[k] ?? m));
    }
  }
  return code;
}
