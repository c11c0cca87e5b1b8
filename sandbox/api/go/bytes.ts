/** UTF-8 bytes of a string (no TextEncoder: the sandbox has neither the DOM nor the Node library). */
export function utf8(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** Decode UTF-8 as Go does: each byte of an invalid or cut sequence becomes U+FFFD. */
export function fromUtf8(b: ArrayLike<number>): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      out += String.fromCharCode(c);
      i++;
      continue;
    }
    const r = decodeRune(b, i);
    out += r ? String.fromCodePoint(r.cp) : '\ufffd';
    i += r ? r.size : 1;
  }
  return out;
}

/** One multi-byte rune at `i`, or undefined when the bytes there are not valid UTF-8. */
function decodeRune(b: ArrayLike<number>, i: number): { cp: number; size: number } | undefined {
  const c = b[i] as number;
  const size = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c <= 0xdf ? 2 : 0;
  if (size === 0 || c > 0xf4 || i + size > b.length) return undefined;
  let cp = c & (size === 2 ? 0x1f : size === 3 ? 0x0f : 0x07);
  for (let k = 1; k < size; k++) {
    const x = b[i + k] as number;
    if ((x & 0xc0) !== 0x80) return undefined;
    cp = (cp << 6) | (x & 0x3f);
  }
  // Overlong forms, UTF-16 surrogates and values past U+10FFFF are invalid, as Go's utf8 decides.
  if ((size === 3 && cp < 0x800) || (size === 4 && cp < 0x10000)) return undefined;
  if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return undefined;
  return { cp, size };
}
