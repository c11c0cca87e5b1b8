/**
 * `resource.Quantity.String()`: the canonical form a quantity prints in (ResourceQuota cells).
 * `1000m` → `1`, `0.5` → `500m`, `1000` → `1k`, `1024Mi` → `1Gi`, `1.5Gi` → `1536Mi`, `1e3` → `1e3`.
 * Values below a nano round away from zero to the next nano, as ParseQuantity does.
 * A string that does not parse is returned unchanged (the real server would have rejected it).
 */

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

const DECIMAL_SUFFIXES: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

function suffixForDecimal(exponent: number): string {
  for (const [s, e] of Object.entries(DECIMAL_SUFFIXES)) if (e === exponent) return s;
  return '';
}

function suffixForBinary(exponent: number): string {
  for (const [s, e] of Object.entries(BINARY_SUFFIXES)) if (e === exponent) return s;
  return '';
}

interface Parsed {
  /** value = unscaled × 10^scale */
  unscaled: bigint;
  scale: number;
  format: Format;
}

function interpretSuffix(suffix: string): { base: 10 | 2; exponent: number; format: Format } | undefined {
  if (Object.hasOwn(DECIMAL_SUFFIXES, suffix))
    return { base: 10, exponent: DECIMAL_SUFFIXES[suffix], format: 'DecimalSI' };
  if (Object.hasOwn(BINARY_SUFFIXES, suffix))
    return { base: 2, exponent: BINARY_SUFFIXES[suffix], format: 'BinarySI' };
  const m = /^[eE]([+-]?\d+)$/.exec(suffix);
  if (m) return { base: 10, exponent: parseInt(m[1], 10), format: 'DecimalExponent' };
  return undefined;
}

const TEN = 10n;

function pow10(n: number): bigint {
  return TEN ** BigInt(n);
}

function parse(str: string): Parsed | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/.exec(str);
  if (!m) return undefined;
  const [, sign, num, denom = '', suffix] = m;
  const s = interpretSuffix(suffix);
  if (!s) return undefined;
  let unscaled = BigInt((num || '0') + denom);
  let scale = -denom.length;
  if (s.base === 10) scale += s.exponent;
  else unscaled *= 2n ** BigInt(s.exponent);
  if (sign === '-') unscaled = -unscaled;
  // Round non-zero values up (away from zero) to the nearest nano.
  if (scale < -9 && unscaled !== 0n) {
    const divisor = pow10(-9 - scale);
    let q = unscaled / divisor;
    if (q * divisor !== unscaled) q += unscaled < 0n ? -1n : 1n;
    unscaled = q;
    scale = -9;
  }
  return { unscaled, scale, format: s.format };
}

function canonicalDecimal(unscaled: bigint, scale: number, format: Format): string {
  let amount = unscaled;
  let exponent = scale;
  while (amount % TEN === 0n) {
    amount /= TEN;
    exponent++;
  }
  while (exponent % 3 !== 0) {
    amount *= TEN;
    exponent--;
  }
  if (format === 'DecimalExponent') return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
  return `${amount}${suffixForDecimal(exponent)}`;
}

/** The canonical string of a quantity (`Quantity.String()`). */
export function canonicalQuantity(q: string | number): string {
  const str = String(q);
  if (str === '0') return '0';
  const p = parse(str);
  if (!p) return str;
  if (p.unscaled === 0n) return '0';
  let format = p.format;
  if (format === 'BinarySI') {
    // |q| < 1024, or not a whole number: shown in decimal so nothing is rounded.
    let exact: bigint | undefined;
    if (p.scale >= 0) exact = p.unscaled * pow10(p.scale);
    else if (p.unscaled % pow10(-p.scale) === 0n) exact = p.unscaled / pow10(-p.scale);
    if (exact === undefined || (exact > -1024n && exact < 1024n)) {
      format = 'DecimalSI';
    } else {
      let amount = exact;
      let exponent = 0;
      while (amount % 1024n === 0n) {
        amount /= 1024n;
        exponent += 10;
      }
      return `${amount}${suffixForBinary(exponent)}`;
    }
  }
  return canonicalDecimal(p.unscaled, p.scale, format);
}
