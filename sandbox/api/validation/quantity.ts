/**
 * Just enough of resource.Quantity for validation messages and QoS: parse (`500m`, `1Gi`, `2`,
 * `1e3`), compare, and print in canonical form (`0.5` → `500m`, `1024Mi` → `1Gi`).
 */

const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX: Record<number, string> = {
  [-9]: 'n',
  [-6]: 'u',
  [-3]: 'm',
  0: '',
  3: 'k',
  6: 'M',
  9: 'G',
  12: 'T',
  15: 'P',
  18: 'E',
};

export interface Quantity {
  value: number;
  format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
}

const QUANTITY_RE =
  /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

/** Parse a quantity as JSON carries it (a string, or a bare number). */
export function parseQuantity(v: unknown): Quantity | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v, format: 'DecimalSI' } : undefined;
  if (typeof v !== 'string') return undefined;
  const m = QUANTITY_RE.exec(v);
  if (!m) return undefined;
  const base = Number(m[1]);
  if (m[2]) return { value: base * 10 ** Number(m[2].slice(1)), format: 'DecimalExponent' };
  const suffix = m[3] ?? '';
  if (suffix in BINARY) return { value: base * 1024 ** BINARY[suffix], format: 'BinarySI' };
  return { value: base * 10 ** DECIMAL[suffix], format: 'DecimalSI' };
}

export function compareQuantities(a: Quantity, b: Quantity): number {
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

function isInteger(x: number): boolean {
  return Math.abs(x - Math.round(x)) < 1e-9 * Math.max(1, Math.abs(x));
}

/** Quantity.String(): the canonical form (values are rounded up to milli-units, as defaulting does). */
export function formatQuantity(q: Quantity): string {
  const sign = q.value < 0 ? '-' : '';
  const abs = Math.ceil(Math.abs(q.value) * 1000 - 1e-6) / 1000;
  if (abs === 0) return '0';
  if (q.format === 'BinarySI' && isInteger(abs) && abs >= 1024) {
    let exp = 0;
    let v = Math.round(abs);
    while (exp < 6 && v % 1024 === 0) {
      v /= 1024;
      exp++;
    }
    const suffix = Object.keys(BINARY).find((k) => BINARY[k] === exp) ?? '';
    return `${sign}${v}${suffix}`;
  }
  if (q.format === 'BinarySI' && isInteger(abs)) return `${sign}${Math.round(abs)}`;
  let exp = -3;
  let v = Math.round(abs * 1000);
  while (exp < 18 && v % 1000 === 0 && v !== 0) {
    v /= 1000;
    exp += 3;
  }
  if (q.format === 'DecimalExponent') return `${sign}${v}${exp === 0 ? '' : `e${exp}`}`;
  return `${sign}${v}${DECIMAL_SUFFIX[exp]}`;
}

/** The canonical text of a JSON quantity, or the raw text when it does not parse. */
export function quantityText(v: unknown): string {
  const q = parseQuantity(v);
  return q ? formatQuantity(q) : typeof v === 'string' ? v : String(v);
}
