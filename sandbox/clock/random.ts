/**
 * The seeded random source: the only source of randomness in the simulator.
 * sfc32 seeded through splitmix32, so a seed always yields the same sequence.
 */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

const NIBBLE_HEX = '0123456789abcdef';
/** The character codes of the hex digits. */
const HEX_CODES: number[] = Array.from(NIBBLE_HEX, (c) => c.charCodeAt(0));
const DASH = 45;
const FOUR = 52;

/** Write the `n` low hex digits of `v` (most significant first) as character codes at `at`. */
function hexCodes(out: number[], at: number, v: number, n: number): void {
  for (let i = n - 1; i >= 0; i--) {
    out[at + i] = HEX_CODES[v & 15];
    v >>>= 4;
  }
}

export class SeededRandom {
  /** The character codes of the uuid being built (one array, reused). */
  private readonly codes: number[] = new Array<number>(36).fill(0);
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** `n` characters from the 27-character alphabet Kubernetes uses for generated names. */
  nameSuffix(n = 5): string {
    let out = '';
    for (let i = 0; i < n; i++) out += NAME_SUFFIX_ALPHABET[this.int(NAME_SUFFIX_ALPHABET.length)];
    return out;
  }

  /** A version-4 UUID: the hex of four draws, with the version and variant nibbles set. */
  uuid(): string {
    const w0 = this.uint32();
    const w1 = this.uint32();
    const w2 = this.uint32();
    const w3 = this.uint32();
    // One flat string from character codes: the API server asks one per object and keeps it (built
    // with `+`, a uid was a rope of ten pieces for the garbage collector to follow; see text/flat.ts).
    const c = this.codes;
    hexCodes(c, 0, w0, 8);
    c[8] = DASH;
    hexCodes(c, 9, w1 >>> 16, 4);
    c[13] = DASH;
    c[14] = FOUR;
    hexCodes(c, 15, w1 & 0xfff, 3);
    c[18] = DASH;
    c[19] = HEX_CODES[((w2 >>> 28) & 3) | 8];
    hexCodes(c, 20, (w2 >>> 16) & 0xfff, 3);
    c[23] = DASH;
    hexCodes(c, 24, w2 & 0xffff, 4);
    hexCodes(c, 28, w3, 8);
    return String.fromCharCode.apply(null, c);
  }

  /** A child source with its own sequence, so components do not perturb each other's randomness. */
  fork(label: string): SeededRandom {
    let h = 0x811c9dc5;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
    return new SeededRandom((this.uint32() ^ h) >>> 0);
  }
}
