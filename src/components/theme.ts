/** Theme state shared by the toggle and anything else that needs it (browser only). */
export type Theme = 'light' | 'dark';

/** Must match the inline script in Base.astro, which applies the theme before first paint. */
export const THEME_KEY = 'rollout-lab:theme';

export function storedTheme(): Theme | undefined {
  try {
    const v = localStorage.getItem(THEME_KEY);
    return v === 'light' || v === 'dark' ? v : undefined;
  } catch {
    return undefined;
  }
}

export function systemTheme(): Theme {
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function currentTheme(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

export function applyTheme(theme: Theme, remember: boolean): void {
  document.documentElement.dataset.theme = theme;
  if (remember) {
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Storage disabled: the choice lasts for this page only.
    }
  }
  document.dispatchEvent(new CustomEvent('rollout-lab:theme', { detail: theme }));
}
