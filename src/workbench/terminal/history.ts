/**
 * The shell's history as the line editor recalls it: one line per entry. A command typed over
 * several lines (`for …; do` / `echo` / `done`) comes back joined the way bash's `cmdhist` joins
 * it: `;` between commands, a space after `do`, `then`, `{`, `|` and other openers.
 */

const OPENS = /(?:^|\s)(?:do|then|else|elif)\s*$|[{(|&;]\s*$/;

export function oneLine(entry: string): string {
  const lines = entry.split('\n');
  let out = lines[0];
  for (const line of lines.slice(1)) {
    const next = line.trim();
    if (!next) continue;
    out += OPENS.test(out) ? ` ${next}` : `; ${next}`;
  }
  return out;
}

/** History entries for Up/Down and Ctrl+R: joined, without blank lines or immediate repeats. */
export function recallable(history: readonly string[]): string[] {
  const out: string[] = [];
  for (const entry of history) {
    const line = oneLine(entry);
    if (line.trim() && out[out.length - 1] !== line) out.push(line);
  }
  return out;
}
