/**
 * Terminal panes (xterm) on the page's workbench: two panes on the one cluster to start with,
 * shown one above the other ("Split") or as tabs (always tabs on narrow screens), a "+ pane"
 * button, and a screen-reader toggle. Browser only: xterm cannot be imported during SSR.
 */
import '@xterm/xterm/css/xterm.css';
import './terminal.css';
import type { Workbench } from '../runtime';
import { localizeXterm, XtermPane } from './pane';
import { terminalStrings } from './strings';
import { readTheme } from './theme';

const MAX_PANES = 4;
const SETTINGS_KEY = 'rollout-lab:terminal:v1';
const NARROW = '(max-width: 720px)';

interface Settings {
  split: boolean;
  screenReader: boolean;
}

function loadSettings(): Settings {
  const fallback: Settings = { split: true, screenReader: false };
  try {
    const raw = localStorage.getItem(SETTINGS_KEY);
    if (!raw) return fallback;
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null) return fallback;
    const o = v as Record<string, unknown>;
    return {
      split: typeof o.split === 'boolean' ? o.split : fallback.split,
      screenReader: typeof o.screenReader === 'boolean' ? o.screenReader : fallback.screenReader,
    };
  } catch {
    return fallback;
  }
}

function saveSettings(s: Settings): void {
  try {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(s));
  } catch {
    // Private mode or storage full: the setting lasts for this page only.
  }
}

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

let mounted = 0;

/** Mount the terminals into the `[data-terminals]` element; returns a function that removes them. */
export function mountTerminals(el: HTMLElement, wb: Workbench): () => void {
  // Marks for bench/site.ts: how long after navigation the terminals mount and show a prompt.
  performance.mark('rollout-lab:terminal-mount');
  const t = terminalStrings(document.documentElement.lang || 'en');
  const id = `rl-term-${++mounted}`;
  const settings = loadSettings();
  localizeXterm(t('terminal.input'), t('terminal.tooMuchOutput'));
  const narrow = window.matchMedia?.(NARROW);

  const root = h('div', { class: 'rl-term', role: 'region', 'aria-label': t('terminal.region') });
  const bar = h('div', { class: 'rl-term-bar' });
  const tabs = h('div', { class: 'rl-term-tabs', role: 'tablist', 'aria-label': t('terminal.tabs') });
  const add = h('button', { type: 'button', class: 'rl-term-btn', title: t('terminal.addLabel') });
  add.textContent = t('terminal.add');
  const split = h('button', {
    type: 'button',
    class: 'rl-term-btn rl-term-split',
    title: t('terminal.splitLabel'),
  });
  split.textContent = t('terminal.split');
  const sr = h('button', {
    type: 'button',
    class: 'rl-term-btn',
    title: t('terminal.screenReaderLabel'),
  });
  sr.textContent = t('terminal.screenReader');
  bar.append(tabs, h('span', { class: 'rl-term-spacer' }), add, split, sr);
  const panesEl = h('div', { class: 'rl-term-panes' });
  const hint = h('p', { class: 'rl-term-hint', id: `${id}-hint` });
  root.append(bar, panesEl, hint);
  el.replaceChildren(root);

  interface Entry {
    element: HTMLElement;
    /** Undefined until created (the second pane starts once the first shows its prompt). */
    pane?: XtermPane;
    tab: HTMLButtonElement;
    close?: HTMLButtonElement;
    unregister: () => void;
  }
  const entries: Entry[] = [];
  let active: Entry | undefined;
  let paneNumber = 0;
  let theme = readTheme();

  const isSplit = (): boolean => settings.split && !narrow?.matches;

  const layout = (): void => {
    const splitNow = isSplit();
    panesEl.dataset.layout = splitNow ? 'split' : 'tabs';
    panesEl.style.setProperty('--rl-term-count', String(entries.length));
    split.setAttribute('aria-pressed', String(settings.split));
    split.hidden = narrow?.matches ?? false;
    sr.setAttribute('aria-pressed', String(settings.screenReader));
    hint.textContent = t(settings.screenReader ? 'terminal.hintScreenReader' : 'terminal.hint');
    add.disabled = entries.length >= MAX_PANES;
    for (const e of entries) {
      const on = e === active;
      e.tab.setAttribute('aria-selected', String(on));
      e.tab.tabIndex = on ? 0 : -1;
      e.element.hidden = !splitNow && !on;
      e.element.classList.toggle('rl-term-active', on);
    }
    // Panes that became visible (or changed size) fit themselves through their ResizeObserver.
  };

  const activate = (e: Entry, focus: boolean): void => {
    if (active !== e) {
      active = e;
      if (e.pane) wb.setActiveTerminal(e.pane);
      layout();
    }
    if (focus) e.pane?.focus();
  };

  /** `after`: create the xterm once this settles (the second pane waits for the first prompt). */
  const addPane = (after?: Promise<void>): Entry => {
    // Numbers are never reused while the page is open, so "Terminal 3" stays Terminal 3.
    const n = ++paneNumber;
    const paneId = `${id}-pane-${n}`;
    const tab = h('button', {
      type: 'button',
      role: 'tab',
      id: `${paneId}-tab`,
      'aria-controls': paneId,
      class: 'rl-term-tab',
    });
    tab.textContent = t('terminal.pane', n);
    tabs.append(tab);
    const element = h('div', {
      class: 'rl-term-pane',
      id: paneId,
      role: 'tabpanel',
      'aria-labelledby': `${paneId}-tab`,
      'aria-describedby': `${id}-hint`,
      'data-terminal-pane': String(n),
    });
    panesEl.append(element);
    const entry: Entry = { element, tab, unregister: () => {} };
    entries.push(entry);
    tab.addEventListener('click', () => activate(entry, true));
    // The first two panes stay (the lessons use them); the ones the reader added can be closed.
    if (n > 2) {
      const close = h('button', {
        type: 'button',
        class: 'rl-term-close',
        'aria-label': t('terminal.close', n),
      });
      close.textContent = '×';
      tab.after(close);
      entry.close = close;
      close.addEventListener('click', () => closePane(entry));
    }
    if (after) void after.then(() => createPane(entry));
    else createPane(entry);
    return entry;
  };

  const createPane = (entry: Entry): void => {
    if (!entries.includes(entry)) return;
    const { element } = entry;
    // Visible while xterm measures its font (a hidden element has no size).
    const hidden = element.hidden;
    element.hidden = false;
    const pane = new XtermPane({
      wb,
      element,
      theme,
      screenReader: settings.screenReader,
      tabLeaves: () => settings.screenReader,
      exitNotice: t('terminal.exit'),
      onActive: () => activate(entry, false),
      idlePane: (busy) => {
        const idle = entries.find((e) => e.pane && e.pane !== busy && !e.pane.busy);
        if (idle) activate(idle, true);
        return idle?.pane;
      },
    });
    element.hidden = hidden;
    entry.pane = pane;
    entry.unregister = wb.registerTerminal(pane);
    if (active === entry) wb.setActiveTerminal(pane);
    pane.start();
  };

  const closePane = (e: Entry): void => {
    const i = entries.indexOf(e);
    if (i < 0) return;
    entries.splice(i, 1);
    e.unregister();
    e.pane?.dispose();
    e.element.remove();
    e.tab.remove();
    e.close?.remove();
    if (active === e) {
      active = undefined;
      activate(entries[Math.max(0, i - 1)], true);
    }
    layout();
  };

  // Arrow keys move between tabs (the WAI-ARIA tabs pattern).
  tabs.addEventListener('keydown', (ev) => {
    const i = entries.findIndex((e) => e.tab === document.activeElement);
    if (i < 0) return;
    let next = -1;
    if (ev.key === 'ArrowRight') next = (i + 1) % entries.length;
    else if (ev.key === 'ArrowLeft') next = (i - 1 + entries.length) % entries.length;
    else if (ev.key === 'Home') next = 0;
    else if (ev.key === 'End') next = entries.length - 1;
    if (next < 0) return;
    ev.preventDefault();
    activate(entries[next], false);
    entries[next].tab.focus();
  });

  add.addEventListener('click', () => {
    if (entries.length >= MAX_PANES) return;
    const e = addPane();
    activate(e, true);
    layout();
  });
  split.addEventListener('click', () => {
    settings.split = !settings.split;
    saveSettings(settings);
    layout();
  });
  sr.addEventListener('click', () => {
    settings.screenReader = !settings.screenReader;
    saveSettings(settings);
    for (const e of entries) e.pane?.setScreenReader(settings.screenReader);
    layout();
  });
  const onNarrow = (): void => layout();
  narrow?.addEventListener('change', onNarrow);

  const onTheme = (): void => {
    theme = readTheme();
    for (const e of entries) e.pane?.setTheme(theme);
  };
  document.addEventListener('rollout-lab:theme', onTheme);
  const offReset = wb.resets.on(() => {
    for (const e of entries) e.pane?.reset(t('terminal.reset'));
  });

  // The first pane is ready to type sooner when the second one's xterm (font measuring forces a
  // page layout) is built after the first prompt shows; its box is there from the start.
  const first = addPane();
  addPane(first.pane?.ready);
  active = first;
  if (first.pane) wb.setActiveTerminal(first.pane);
  layout();
  performance.mark('rollout-lab:terminal-mounted');

  return () => {
    offReset();
    document.removeEventListener('rollout-lab:theme', onTheme);
    narrow?.removeEventListener('change', onNarrow);
    for (const e of entries.splice(0)) {
      e.unregister();
      e.pane?.dispose();
    }
    root.remove();
  };
}
