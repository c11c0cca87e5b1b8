import en from './en/site';
import ko from './ko/site';

export type Locale = 'en' | 'ko';
export type UiKey = keyof typeof en;

const strings: Record<Locale, Record<UiKey, string>> = { en, ko };

export function t(locale: Locale, key: UiKey): string {
  return strings[locale][key] ?? strings.en[key];
}
