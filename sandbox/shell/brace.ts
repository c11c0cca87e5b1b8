/**
 * Brace expansion, bash's first expansion: `{a,b}` alternatives and `{1..5}` / `{a..e}` /
 * `{10..0..2}` sequences in unquoted text, with a prefix and suffix (`kubia-{1..3}.yaml`),
 * nested braces included. A brace without a top-level comma or a valid range stays literal.
 */
import type { Word, WordPart } from './ast';
import { ExpansionError } from './expand';

/** Where each character of the word's unquoted literal text came from (quoted parts are opaque). */
type Piece = { ch: string; lit: true } | { part: WordPart; lit: false };

const MAX_WORDS = 100_000;

function pieces(w: Word): Piece[] {
  const out: Piece[] = [];
  for (const p of w.parts) {
    if (p.t === 'lit' && !p.q) for (const ch of p.v) out.push({ ch, lit: true });
    else out.push({ part: p, lit: false });
  }
  return out;
}

function toWord(ps: Piece[], raw: string): Word {
  const parts: WordPart[] = [];
  for (const p of ps) {
    if (!p.lit) parts.push(p.part);
    else {
      const last = parts[parts.length - 1];
      if (last && last.t === 'lit' && !last.q) parts[parts.length - 1] = { ...last, v: last.v + p.ch };
      else parts.push({ t: 'lit', v: p.ch, q: false });
    }
  }
  if (parts.length === 0) parts.push({ t: 'lit', v: '', q: true });
  return { parts, raw };
}

const isCh = (p: Piece | undefined, ch: string): boolean => p !== undefined && p.lit && p.ch === ch;

/** The first `{` with a matching `}` that forms a valid brace expression: [open, close, commas]. */
function findBrace(ps: Piece[]): { open: number; close: number; commas: number[] } | undefined {
  for (let open = 0; open < ps.length; open++) {
    if (!isCh(ps[open], '{') || isCh(ps[open - 1], '$')) continue;
    let depth = 0;
    const commas: number[] = [];
    for (let i = open + 1; i < ps.length; i++) {
      if (isCh(ps[i], '{')) depth++;
      else if (isCh(ps[i], '}')) {
        if (depth === 0) {
          if (commas.length > 0 || rangeOf(ps.slice(open + 1, i))) return { open, close: i, commas };
          break;
        }
        depth--;
      } else if (depth === 0 && isCh(ps[i], ',')) commas.push(i);
    }
  }
  return undefined;
}

function rangeOf(inner: Piece[]): string[] | undefined {
  if (!inner.every((p) => p.lit)) return undefined;
  const text = inner.map((p) => (p.lit ? p.ch : '')).join('');
  const num = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(text);
  if (num) {
    const [a, b] = [Number(num[1]), Number(num[2])];
    const step = Math.abs(Number(num[3] ?? '1')) || 1;
    const width = [num[1], num[2]].some((s) => /^-?0\d/.test(s)) ? Math.max(num[1].length, num[2].length) : 0;
    if (Math.abs(b - a) / step >= MAX_WORDS) throw new ExpansionError('brace expansion: too many words');
    const out: string[] = [];
    for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) {
      const s = String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), '0');
      out.push(v < 0 ? `-${s}` : s);
    }
    return out;
  }
  const chars = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/.exec(text);
  if (chars) {
    const [a, b] = [chars[1].charCodeAt(0), chars[2].charCodeAt(0)];
    const step = Math.abs(Number(chars[3] ?? '1')) || 1;
    const out: string[] = [];
    for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) out.push(String.fromCharCode(v));
    return out;
  }
  return undefined;
}

function expandPieces(ps: Piece[], budget: { left: number }): Piece[][] {
  const found = findBrace(ps);
  if (!found) return [ps];
  const { open, close, commas } = found;
  const head = ps.slice(0, open);
  const tail = ps.slice(close + 1);
  let alternatives: Piece[][];
  if (commas.length > 0) {
    const bounds = [open, ...commas, close];
    alternatives = [];
    for (let k = 0; k < bounds.length - 1; k++) alternatives.push(ps.slice(bounds[k] + 1, bounds[k + 1]));
  } else {
    alternatives = rangeOf(ps.slice(open + 1, close))!.map((s) =>
      [...s].map((ch) => ({ ch, lit: true as const })),
    );
  }
  const out: Piece[][] = [];
  for (const alt of alternatives) {
    for (const w of expandPieces([...head, ...alt, ...tail], budget)) {
      if (--budget.left < 0) throw new ExpansionError('brace expansion: too many words');
      out.push(w);
    }
  }
  return out;
}

/** One word in, one or more words out (the same word when it has no brace expression). */
export function braceExpand(w: Word): Word[] {
  if (!w.parts.some((p) => p.t === 'lit' && !p.q && p.v.includes('{'))) return [w];
  return expandPieces(pieces(w), { left: MAX_WORDS }).map((ps) => toWord(ps, w.raw));
}
