/**
 * curl's progress meter, printed on stderr when the body does not go to a terminal (a pipe, a
 * file, `-o`) and neither `-s` nor `-v` is given. Only the final state is printed: on a terminal
 * the `\r` updates end on that line anyway. Layout from curl's lib/progress.c.
 */
const HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** curl's max5data: a number in at most 5 columns (k, M, G suffixes). */
function max5(n: number): string {
  const K = 1024;
  if (n < 100000) return String(Math.floor(n)).padStart(5);
  if (n < 10000 * K) return `${String(Math.floor(n / K)).padStart(4)}k`;
  if (n < 100 * K * K)
    return `${Math.floor(n / (K * K))}.${Math.floor(((n % (K * K)) * 10) / (K * K))}M`.padStart(5);
  return `${String(Math.floor(n / (K * K))).padStart(4)}M`;
}

/** `H:MM:SS` in 8 columns; `--:--:--` when not known or under a second. */
function time8(ms: number | undefined): string {
  if (ms === undefined || ms < 1000) return '--:--:--';
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export function progressMeter(bytes: number, elapsedMs: number, complete: boolean): string {
  const speed = complete && elapsedMs > 0 ? (bytes * 1000) / elapsedMs : complete ? bytes : 0;
  const pct = complete ? 100 : 0;
  const size = complete ? bytes : 0;
  const spent = time8(elapsedMs);
  const line =
    `${String(pct).padStart(3)} ${max5(size)}  ${String(pct).padStart(3)} ${max5(size)}  ${String(0).padStart(3)} ${max5(0)}  ` +
    `${max5(speed)}  ${max5(0)} ${complete ? spent : '--:--:--'} ${spent} --:--:-- ${max5(speed)}`;
  return HEADER + line + '\n';
}
