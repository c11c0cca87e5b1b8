/**
 * Strings kept for long (names, uids, messages of stored objects) as one piece of text.
 *
 * In V8 (Chrome and Node), `a + b` and template literals longer than 12 characters make a rope: a
 * small object pointing at the pieces, and a uid built from fourteen pieces is ten of them. A
 * large rollout stores tens of thousands of such strings, and every rope is another object the
 * garbage collector copies and follows (a quarter of a million of them, an eighth of the heap, at
 * 1,000 replicas). Parsing a string as a number makes V8 flatten it in place, after which the
 * collector drops the rope and keeps the text. The text itself is unchanged; other engines are
 * unaffected.
 */

/** The last value parsed: kept, so that no compiler may drop the parse as unused. */
let sink = 0;

/** `s` itself, flattened: call it on a string built by concatenation that is stored for long. */
export function flat(s: string): string {
  // Ropes are never shorter than 13 characters; parsing stops at the first character that is not a digit.
  if (s.length > 12) sink = Number(s);
  return s;
}

/** What the last flattened string reads as (NaN unless it is a number): read only so the parse stays. */
export function lastParsed(): number {
  return sink;
}
