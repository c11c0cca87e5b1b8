/** The time controls' strings in the page's language, with `{n}` filled in. */
import en from '../../i18n/en/time';
import ko from '../../i18n/ko/time';

export type TimeKey = keyof typeof en;

export function timeStrings(lang: string): (key: TimeKey, vars?: Record<string, string | number>) => string {
  const table: Record<TimeKey, string> = lang.startsWith('ko') ? ko : en;
  return (key, vars = {}) =>
    (table[key] ?? en[key]).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** Virtual time as the clock on the wall shows it: HH:MM:SS (UTC, the cluster's time zone). */
export function clockText(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}
