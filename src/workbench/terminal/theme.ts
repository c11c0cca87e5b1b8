/**
 * Terminal colours from the page theme: the site's CSS custom properties on <html> (`--term-bg`,
 * `--term-fg` when a theme sets them, else `--code-bg`/`--bg`, `--fg`, `--accent`, `--selection`), and an ANSI
 * palette chosen for a light or a dark background so coloured output stays readable.
 */
import type { ITheme } from '@xterm/xterm';

/** Named ANSI colours tuned for contrast on white (light) and on near-black (dark) backgrounds. */
const LIGHT: ITheme = {
  black: '#1f2328',
  red: '#b3261e',
  green: '#116329',
  yellow: '#7d4e00',
  blue: '#0a4fa8',
  magenta: '#8e24aa',
  cyan: '#0b6a75',
  white: '#57606a',
  brightBlack: '#57606a',
  brightRed: '#c62828',
  brightGreen: '#1a7f37',
  brightYellow: '#8a5a00',
  brightBlue: '#1f6feb',
  brightMagenta: '#a030b8',
  brightCyan: '#0e7c86',
  brightWhite: '#24292f',
};

const DARK: ITheme = {
  black: '#3b4048',
  red: '#ff7b72',
  green: '#7ee787',
  yellow: '#e3b341',
  blue: '#79c0ff',
  magenta: '#d2a8ff',
  cyan: '#56d4dd',
  white: '#c9d1d9',
  brightBlack: '#8b949e',
  brightRed: '#ffa198',
  brightGreen: '#56d364',
  brightYellow: '#f2cc60',
  brightBlue: '#a5d6ff',
  brightMagenta: '#e2c5ff',
  brightCyan: '#76e3ea',
  brightWhite: '#f0f6fc',
};

/** Any CSS colour as `rgb(r, g, b)` (the browser resolves names, hsl(), oklch() …). */
function resolve(color: string): [number, number, number] | undefined {
  const probe = document.createElement('span');
  probe.style.color = color;
  probe.style.display = 'none';
  document.body.appendChild(probe);
  const rgb = getComputedStyle(probe).color;
  probe.remove();
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(rgb);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

function isDark(color: string): boolean {
  const rgb = resolve(color);
  if (!rgb) return false;
  const [r, g, b] = rgb.map((c) => c / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.45;
}

function hex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

export function readTheme(): ITheme {
  const css = getComputedStyle(document.documentElement);
  const v = (...names: string[]): string | undefined => {
    for (const n of names) {
      const value = css.getPropertyValue(n).trim();
      if (value) return value;
    }
    return undefined;
  };
  const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  const bgRaw = v('--term-bg', '--code-bg', '--bg') ?? (prefersDark ? '#0d1117' : '#ffffff');
  const dark = isDark(bgRaw);
  const fgRaw = v('--term-fg', '--fg') ?? (dark ? '#e6edf3' : '#1f2328');
  const accent = v('--term-cursor', '--accent') ?? fgRaw;
  // Resolved to hex: xterm parses only hex and rgb() itself.
  const toHex = (c: string, fallback: string): string => {
    const rgb = resolve(c);
    return rgb ? hex(rgb) : fallback;
  };
  const background = toHex(bgRaw, dark ? '#0d1117' : '#ffffff');
  const foreground = toHex(fgRaw, dark ? '#e6edf3' : '#1f2328');
  const selection = v('--term-selection', '--selection');
  return {
    ...(dark ? DARK : LIGHT),
    background,
    foreground,
    cursor: toHex(accent, foreground),
    cursorAccent: background,
    selectionBackground: selection ? toHex(selection, '#8884') : dark ? '#3b5070' : '#b6d4fe',
  };
}
