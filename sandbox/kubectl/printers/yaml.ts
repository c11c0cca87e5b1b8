/** YAML the way kubectl prints it (sigs.k8s.io/yaml over go-yaml v2): sorted keys, 2-space indent. */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const BOOLS_NULLS =
  /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL)$/;
const NUMBER =
  /^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$|^[-+]?0b[01_]+$|^[-+]?0o?[0-7_]+$|^[-+]?0x[0-9a-fA-F_]+$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$|^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/;
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}([Tt ]|$)/;

/** Natural order: digit runs compare as numbers (`s2` < `s10`). */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+|\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const nx = Number(x);
      const ny = Number(y);
      if (nx !== ny) return nx - ny;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

function needsDoubleQuotes(s: string): boolean {
  if (s === '') return true;
  if (BOOLS_NULLS.test(s) || NUMBER.test(s) || TIMESTAMP.test(s)) return true;
  // eslint-disable-next-line no-control-regex
  return /[\t\u0000-\u0008\u000b-\u001f\u007f]/.test(s);
}

function needsSingleQuotes(s: string): boolean {
  if (/^[\s]|[\s]$/.test(s)) return true;
  if (/^[,[\]{}#&*!|>'"%@`]/.test(s)) return true;
  if (/^[-?:](\s|$)/.test(s)) return true;
  if (/: |:$| #/.test(s)) return true;
  return false;
}

function doubleQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0').toUpperCase()}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A scalar key or single-line value. */
function scalar(s: string): string {
  if (needsDoubleQuotes(s)) return doubleQuoted(s);
  if (needsSingleQuotes(s)) return `'${s.replace(/'/g, "''")}'`;
  return s;
}

/** Plain strings with spaces fold at column 80 (go-yaml best_width), continuation indented. */
function folded(s: string, column: number, indent: number): string {
  let out = '';
  let col = column;
  const words = s.split(' ');
  for (let i = 0; i < words.length; i++) {
    if (i > 0) {
      if (col > 80 && words[i] !== '' && words[i - 1] !== '') {
        out += `\n${' '.repeat(indent)}`;
        col = indent;
      } else {
        out += ' ';
        col++;
      }
    }
    out += words[i];
    col += [...words[i]].length;
  }
  return out;
}

function literalBlock(s: string, indent: number): string {
  const trailing = /\n*$/.exec(s)![0].length;
  const keep = trailing === 0 ? '-' : trailing > 1 ? '+' : '';
  const body = trailing === 0 ? s : s.slice(0, -1);
  const lead = /^ /.test(body) ? '2' : '';
  const lines = body.split('\n').map((l) => (l === '' ? '' : ' '.repeat(indent) + l));
  return `|${lead}${keep}\n${lines.join('\n')}`;
}

function stringValue(s: string, column: number, indent: number): string {
  if (s.includes('\n')) {
    // eslint-disable-next-line no-control-regex
    const special = /[\t\r\u0000-\u0008\u000b-\u001f\u007f]/.test(s) || / \n/.test(s);
    return special ? doubleQuoted(s) : literalBlock(s, indent);
  }
  const q = scalar(s);
  if (!s.includes(' ')) return q;
  // go-yaml folds single-quoted scalars at the same spaces as plain ones (after the opening quote).
  if (q.startsWith("'")) return `'${folded(q.slice(1, -1), column + 1, indent)}'`;
  if (q !== s) return q;
  return folded(s, column, indent);
}

function number(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(n);
}

function isEmptyContainer(v: Json): boolean {
  return (Array.isArray(v) && v.length === 0) || (isMap(v) && Object.keys(v).length === 0);
}

function isMap(v: Json): v is { [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function inline(v: Json, column: number, indent: number): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return number(v);
  if (typeof v === 'string') return stringValue(v, column, indent);
  return Array.isArray(v) ? '[]' : '{}';
}

function emitMap(m: { [k: string]: Json }, indent: number, firstPrefix: string | null): string[] {
  const lines: string[] = [];
  const keys = Object.keys(m).sort(naturalCompare);
  keys.forEach((k, i) => {
    const pad = i === 0 && firstPrefix !== null ? firstPrefix : ' '.repeat(indent);
    const key = `${pad}${scalar(k)}:`;
    const v = m[k];
    if (isMap(v) && !isEmptyContainer(v)) {
      lines.push(key, ...emitMap(v, indent + 2, null));
    } else if (Array.isArray(v) && v.length) {
      lines.push(key, ...emitList(v, indent));
    } else {
      lines.push(`${key} ${inline(v, key.length + 1, indent + 2)}`);
    }
  });
  return lines;
}

function emitList(list: Json[], indent: number): string[] {
  const lines: string[] = [];
  const dash = `${' '.repeat(indent)}- `;
  for (const item of list) {
    if (isMap(item) && !isEmptyContainer(item)) lines.push(...emitMap(item, indent + 2, dash));
    else if (Array.isArray(item) && item.length) {
      const inner = emitList(item, indent + 2);
      inner[0] = dash + inner[0].slice(indent + 2);
      lines.push(...inner);
    } else lines.push(`${dash}${inline(item, dash.length, indent + 2)}`);
  }
  return lines;
}

/** The YAML document for a JSON value (ends with a newline). */
export function toYaml(value: unknown): string {
  const v = JSON.parse(JSON.stringify(value ?? null)) as Json;
  if (isMap(v)) return Object.keys(v).length ? `${emitMap(v, 0, null).join('\n')}\n` : '{}\n';
  if (Array.isArray(v)) return v.length ? `${emitList(v, 0).join('\n')}\n` : '[]\n';
  return `${inline(v, 0, 2)}\n`;
}
