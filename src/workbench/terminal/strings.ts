/** The terminal's UI strings in the page's language (`<html lang>`). */
import en from '../../i18n/en/terminal';
import ko from '../../i18n/ko/terminal';

export type TerminalKey = keyof typeof en;

export function terminalStrings(lang: string): (key: TerminalKey, n?: number) => string {
  const table: Record<TerminalKey, string> = lang.toLowerCase().startsWith('ko') ? ko : en;
  return (key, n) => (table[key] ?? en[key]).replace('{n}', String(n ?? ''));
}
