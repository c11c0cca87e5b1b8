/**
 * The errors of Go's `time.Parse` for the two layouts metav1 timestamps use (metav1.Time:
 * RFC 3339; metav1.MicroTime: RFC 3339 with exactly six fractional digits), e.g.
 * `parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"`.
 */
export const RFC3339 = '2006-01-02T15:04:05Z07:00';
export const RFC3339_MICRO = '2006-01-02T15:04:05.000000Z07:00';

type Chunk = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'micros' | 'zone';

/** The layout as Go splits it: a literal prefix, then a standard element. */
const STEPS: Record<string, ReadonlyArray<[string, Chunk, string]>> = {
  [RFC3339]: [
    ['', 'year', '2006'],
    ['-', 'month', '01'],
    ['-', 'day', '02'],
    ['T', 'hour', '15'],
    [':', 'minute', '04'],
    [':', 'second', '05'],
    ['', 'zone', 'Z07:00'],
  ],
  [RFC3339_MICRO]: [
    ['', 'year', '2006'],
    ['-', 'month', '01'],
    ['-', 'day', '02'],
    ['T', 'hour', '15'],
    [':', 'minute', '04'],
    [':', 'second', '05'],
    ['', 'micros', '.000000'],
    ['', 'zone', 'Z07:00'],
  ],
};

/** The UTF-8 bytes of one character. */
function utf8(c: number): number[] {
  if (c < 0x80) return [c];
  if (c < 0x800) return [0xc0 | (c >> 6), 0x80 | (c & 0x3f)];
  if (c < 0x10000) return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
  return [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
}

/** The time package's own quoting: ASCII kept (with `"` and `\` escaped), other bytes as \x escapes. */
function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x80 || c < 0x20) {
      for (const b of utf8(c)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    } else {
      if (ch === '"' || ch === '\\') out += '\\';
      out += ch;
    }
  }
  return `${out}"`;
}

const isDigit = (s: string, i: number): boolean => i < s.length && s[i] >= '0' && s[i] <= '9';

/** Go's getnum: one or two digits (exactly two when fixed). */
function getnum(s: string, fixed: boolean): [number, string] | undefined {
  if (!isDigit(s, 0)) return undefined;
  if (!isDigit(s, 1)) return fixed ? undefined : [Number(s[0]), s.slice(1)];
  return [Number(s.slice(0, 2)), s.slice(2)];
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The error `time.Parse(layout, value)` returns, or undefined if it parses. */
export function timeParseError(layout: string, value: string): string | undefined {
  const cannot = (valueElem: string, layoutElem: string): string =>
    `parsing time ${timeQuote(value)} as ${timeQuote(layout)}: cannot parse ${timeQuote(valueElem)} as ${timeQuote(layoutElem)}`;
  const message = (text: string): string => `parsing time ${timeQuote(value)}${text}`;
  let rest = value;
  let year = 0;
  let month = 0;
  let day = 0;
  const steps = STEPS[layout] ?? STEPS[RFC3339];
  for (let i = 0; i < steps.length; i++) {
    const [prefix, chunk, elem] = steps[i];
    for (const p of prefix) {
      if (rest.length === 0 || rest[0] !== p) return cannot(rest, prefix);
      rest = rest.slice(1);
    }
    const hold = rest;
    let bad = false;
    let range = '';
    switch (chunk) {
      case 'year':
        if (rest.length < 4 || !/^[0-9]{4}$/.test(rest.slice(0, 4))) bad = true;
        else [year, rest] = [Number(rest.slice(0, 4)), rest.slice(4)];
        break;
      case 'month':
      case 'day':
      case 'minute':
      case 'second':
      case 'hour': {
        const got = getnum(rest, chunk !== 'hour');
        if (!got) {
          bad = true;
          break;
        }
        const [n, after] = got;
        rest = after;
        if (chunk === 'month') {
          month = n;
          if (n <= 0 || n > 12) range = 'month';
        } else if (chunk === 'day') day = n;
        else if (chunk === 'hour' && n >= 24) range = 'hour';
        else if (chunk === 'minute' && n >= 60) range = 'minute';
        else if (chunk === 'second') {
          if (n >= 60) range = 'second';
          else if (steps[i + 1]?.[1] !== 'micros' && /^[.,][0-9]/.test(rest)) {
            // A fractional second the layout does not mention is accepted.
            let n2 = 2;
            while (isDigit(rest, n2)) n2++;
            rest = rest.slice(n2);
          }
        }
        break;
      }
      case 'micros': {
        // Exactly six digits after '.' or ','; Go's atoi also takes a sign there.
        const frac = rest.slice(0, 7);
        if (frac.length < 7 || !/^[.,][+-]?[0-9]+$/.test(frac)) bad = true;
        else if (Number(frac.slice(1)) < 0) range = 'fractional second';
        rest = rest.slice(7);
        break;
      }
      case 'zone': {
        if (rest.startsWith('Z')) {
          rest = rest.slice(1);
          break;
        }
        if (rest.length < 6 || rest[3] !== ':') {
          bad = true;
          break;
        }
        const sign = rest[0];
        const hh = getnum(rest.slice(1, 3), true);
        const mm = hh ? getnum(rest.slice(4, 6), true) : undefined;
        rest = rest.slice(6);
        if (!hh || !mm) bad = true;
        // Like Go: each check overrides the one before.
        if (hh && hh[0] > 24) range = 'time zone offset hour';
        if (mm && mm[0] > 60) range = 'time zone offset minute';
        if (sign !== '+' && sign !== '-') bad = true;
        break;
      }
    }
    if (range) return message(`: ${range} out of range`);
    if (bad) return cannot(hold, elem);
  }
  if (rest.length > 0) return message(`: extra text: ${timeQuote(rest)}`);
  if (day < 1 || day > daysIn(month, year)) return message(': day out of range');
  return undefined;
}
