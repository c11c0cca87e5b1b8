/** The part of curl's URL parsing the sandbox needs: scheme, host, port, path with query. */
export interface ParsedUrl {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** Path with query, `/` when empty. */
  path: string;
}

export type UrlParse = { ok: true; url: ParsedUrl } | { ok: false; code: number; message: string };

export function parseUrl(input: string): UrlParse {
  let rest = input.trim();
  let scheme: 'http' | 'https' = 'http';
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest);
  if (m) {
    const s = m[1].toLowerCase();
    if (s !== 'http' && s !== 'https') {
      return { ok: false, code: 1, message: `Protocol "${m[1]}" not supported` };
    }
    scheme = s;
    rest = rest.slice(m[0].length);
  }
  const cut = rest.search(/[/?#]/);
  const authority = cut < 0 ? rest : rest.slice(0, cut);
  let path = cut < 0 ? '/' : rest.slice(cut);
  const hash = path.indexOf('#');
  if (hash >= 0) path = path.slice(0, hash);
  if (path.startsWith('?')) path = '/' + path;
  if (!path) path = '/';
  const hostPort = authority.includes('@') ? authority.slice(authority.lastIndexOf('@') + 1) : authority;
  const colon = hostPort.lastIndexOf(':');
  let host = hostPort;
  let port = scheme === 'https' ? 443 : 80;
  if (colon >= 0) {
    host = hostPort.slice(0, colon);
    const p = hostPort.slice(colon + 1);
    if (p !== '') {
      if (!/^\d+$/.test(p) || Number(p) > 65535) {
        return {
          ok: false,
          code: 3,
          message: 'URL rejected: Port number was not a decimal number between 0 and 65535',
        };
      }
      port = Number(p);
    }
  }
  if (!host) return { ok: false, code: 3, message: 'URL rejected: No host part in the URL' };
  return { ok: true, url: { scheme, host: host.toLowerCase(), port, path } };
}

export function isIPv4(host: string): boolean {
  const parts = host.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}
