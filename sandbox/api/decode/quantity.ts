/**
 * What `resource.ParseQuantity` rejects, with its messages. A quantity is a string or a JSON number
 * (`cpu: 0.5`, `memory: 64Mi`); `null` means absent. Canonicalisation (`1000m` → `1`) is not done here.
 */
export const QUANTITY_FORMAT_WRONG =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX = "unable to parse quantity's suffix";

const DECIMAL_SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E']);
const BINARY_SUFFIXES = new Set(['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);
const SUFFIX_CHARS = 'eEinumkKMGTP';

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Go's strconv.ParseInt(s, 10, 64) succeeds: an optional sign, then decimal digits, in int64 range. */
function parsesAsInt64(s: string): boolean {
  if (!/^[+-]?[0-9]+$/.test(s)) return false;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n < 2n ** 63n;
}

function suffixError(suffix: string): string | undefined {
  if (DECIMAL_SUFFIXES.has(suffix) || BINARY_SUFFIXES.has(suffix)) return undefined;
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && parsesAsInt64(suffix.slice(1))) {
    return undefined;
  }
  return QUANTITY_SUFFIX;
}

/** The error `ParseQuantity(text)` returns, or undefined if the text is a quantity. */
export function quantityError(text: string): string | undefined {
  const end = text.length;
  if (end === 0) return QUANTITY_FORMAT_WRONG;
  let pos = 0;
  if (text[0] === '-' || text[0] === '+') pos++;
  while (pos < end && text[pos] === '0') pos++;
  if (pos >= end) return undefined;
  while (pos < end && isDigit(text[pos])) pos++;
  if (pos >= end) return undefined;
  if (text[pos] === '.') {
    pos++;
    while (pos < end && isDigit(text[pos])) pos++;
    if (pos >= end) return undefined;
  }
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(text[pos])) pos++;
  if (pos < end && (text[pos] === '-' || text[pos] === '+')) pos++;
  while (pos < end && isDigit(text[pos])) pos++;
  if (pos < end) return QUANTITY_FORMAT_WRONG;
  return suffixError(text.slice(suffixStart));
}

/**
 * The error a JSON value gives when decoded into a resource.Quantity: strings are parsed (trimmed),
 * numbers by their literal text, anything else by its JSON text (which never matches).
 */
export function quantityValueError(value: unknown): string | undefined {
  if (value === null) return undefined;
  if (typeof value === 'string') return quantityError(value.trim());
  if (typeof value === 'number') return quantityError(String(value));
  return QUANTITY_FORMAT_WRONG;
}
