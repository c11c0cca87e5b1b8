/** The cluster view's strings in the page's language (`<html lang>`), with `{name}` placeholders filled. */
import en from '../../i18n/en/cluster';
import ko from '../../i18n/ko/cluster';

export type ClusterKey = keyof typeof en;
export type Strings = (key: ClusterKey, vars?: Record<string, string | number>) => string;

export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export function clusterStrings(lang: string): Strings {
  const table: Record<ClusterKey, string> = lang.startsWith('ko') ? ko : en;
  return (key, vars) => fill(table[key] ?? en[key], vars);
}
