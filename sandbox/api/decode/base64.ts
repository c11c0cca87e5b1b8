/**
 * Go's `base64.StdEncoding.Decode` errors (`illegal base64 data at input byte N`), which the JSON
 * decoder reports for `[]byte` fields such as ConfigMap `binaryData`. Newlines are ignored.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function corrupt(offset: number): string {
  return `illegal base64 data at input byte ${offset}`;
}

const isNewline = (c: string | undefined): boolean => c === '\n' || c === '\r';

/** The decode error for `src`, or undefined if it is valid padded standard base64. */
export function base64Error(src: string): string | undefined {
  let si = 0;
  while (si < src.length) {
    let j = 0;
    while (j < 4) {
      if (si === src.length) {
        if (j === 0) return undefined;
        return corrupt(si - j);
      }
      const c = src[si++];
      if (ALPHABET.includes(c)) {
        j++;
        continue;
      }
      if (isNewline(c)) continue;
      if (c !== '=') return corrupt(si - 1);
      // Padding: only in the last two positions of a quantum.
      if (j === 0 || j === 1) return corrupt(si - 1);
      if (j === 2) {
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return corrupt(src.length);
        if (src[si] !== '=') return corrupt(si - 1);
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) return corrupt(si);
      return undefined;
    }
  }
  return undefined;
}
