import en from './en/site';
import ko from './ko/site';

export type Locale = 'en' | 'ko';
export type UiKey = keyof typeof en;

export const LOCALES: readonly Locale[] = ['en', 'ko'];

const strings: Record<Locale, Record<UiKey, string>> = { en, ko };

/** A UI string; `{name}` placeholders are filled from `vars`. */
export function t(locale: Locale, key: UiKey, vars: Record<string, string | number> = {}): string {
  const text = strings[locale][key] ?? strings.en[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'ko' : 'en';
}

/**
 * A site path in a locale: English has no prefix, Korean lives under /ko/. Paths are written
 * without the locale (`/lessons/`) and always end with a slash (the site uses trailingSlash: 'always').
 */
export function localePath(locale: Locale, path = '/'): string {
  const clean = `/${path.replace(/^\/+/, '')}`.replace(/\/?$/, '/');
  return locale === 'en' ? clean : `/ko${clean === '/' ? '/' : clean}`;
}

/** The locale of a site path, for pages that only know their URL. */
export function localeOfPath(pathname: string): Locale {
  return pathname === '/ko' || pathname.startsWith('/ko/') ? 'ko' : 'en';
}
