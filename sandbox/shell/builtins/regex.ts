/** POSIX basic/extended regular expressions as JavaScript RegExp sources (the common subset). */

/** BRE: `\(` `\)` `\{` `\}` `\|` `\+` `\?` are operators; bare `( ) { } | + ?` are literal. */
export function breToJs(re: string): string {
  let out = '';
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\' && i + 1 < re.length) {
      const n = re[++i];
      out += '(){}|+?'.includes(n) ? n : '\\' + n;
    } else if ('(){}|+?'.includes(c)) out += '\\' + c;
    else out += c;
  }
  return classes(out);
}

export function ereToJs(re: string): string {
  return classes(re);
}

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  space: ' \\t\\n\\r\\f\\v',
  upper: 'A-Z',
  lower: 'a-z',
  xdigit: '0-9A-Fa-f',
  punct: '!-\\/:-@\\[-`{-~',
};

function classes(re: string): string {
  return re.replace(/\[:([a-z]+):\]/g, (m, n: string) => CLASSES[n] ?? m);
}

export interface RegexOptions {
  extended: boolean;
  fixed?: boolean;
  ignoreCase: boolean;
  global?: boolean;
  /** grep -w: whole words only. */
  word?: boolean;
}

export function compile(pattern: string, opts: RegexOptions): RegExp {
  let src = opts.fixed
    ? pattern.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    : opts.extended
      ? ereToJs(pattern)
      : breToJs(pattern);
  if (opts.word) src = `(?<!\\w)(?:${src})(?!\\w)`;
  return new RegExp(src, (opts.ignoreCase ? 'i' : '') + (opts.global ? 'g' : ''));
}
