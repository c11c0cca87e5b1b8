/**
 * The seeded random source: the only source of randomness in the simulator.
 * sfc32 seeded through splitmix32, so a seed always yields the same sequence.
 */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

const NIBBLE_HEX = '0123456789abcdef';
const BYTE_HEX: string[] = Array.from({ length: 256 }, (_, i) => NIBBLE_HEX[i >>> 4] + NIBBLE_HEX[i & 15]);

function hex8(w: number): string {
  return BYTE_HEX[w >>> 24] + BYTE_HEX[(w >>> 16) & 255] + BYTE_HEX[(w >>> 8) & 255] + BYTE_HEX[w & 255];
}

export class SeededRandom {
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
    // Built from a byte table rather than toString/padStart/slice: the API server asks one per object.
    return (
      hex8(w0) +
      '-' +
      BYTE_HEX[w1 >>> 24] +
      BYTE_HEX[(w1 >>> 16) & 255] +
      '-4' +
      NIBBLE_HEX[(w1 >>> 8) & 15] +
      BYTE_HEX[w1 & 255] +
      '-' +
      NIBBLE_HEX[((w2 >>> 28) & 3) | 8] +
      NIBBLE_HEX[(w2 >>> 24) & 15] +
      BYTE_HEX[(w2 >>> 16) & 255] +
      '-' +
      BYTE_HEX[(w2 >>> 8) & 255] +
      BYTE_HEX[w2 & 255] +
      hex8(w3)
    );
  }

  /** A child source with its own sequence, so components do not perturb each other's randomness. */
  fork(label: string): SeededRandom {
    let h = 0x811c9dc5;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
    return new SeededRandom((this.uint32() ^ h) >>> 0);
  }
}
