/**
 * Terminal panes (xterm) on the page's workbench: two panes on the one cluster to start with,
 * shown one above the other ("Split") or as tabs (always tabs on narrow screens), a "+ pane"
 * button, and a screen-reader toggle. Browser only: xterm cannot be imported during SSR.
 *
 * The first pane's xterm is built while the sandbox worker starts the lesson's cluster; its shell
 * (and first prompt) starts when the workbench is ready. The second pane follows in a later task,
 * after the first prompt, so no single task of the page's start-up grows long.
 */
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

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Mount the terminals into the `[data-terminals]` element; their shells start once `workbench`
 * is ready. Returns a function that removes them.
 */
export function mountTerminals(el: HTMLElement, workbench: Promise<Workbench>): () => void {
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
    /** Undefined until built (the second pane is built once the first shows its prompt). */
    pane?: XtermPane;
    /** Settles with the pane once it is built. */
    built: Promise<XtermPane>;
    /** Being built: laid out (xterm measures it) even when it is not the tab shown. */
    building: boolean;
    /** Focus the pane as soon as it is built (it was activated before). */
    focusWhenBuilt: boolean;
    tab: HTMLButtonElement;
    close?: HTMLButtonElement;
    unregister: () => void;
  }
  const entries: Entry[] = [];
  let active: Entry | undefined;
  let paneNumber = 0;
  let theme = readTheme();
  let wb: Workbench | undefined;

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
      const behind = !splitNow && !on;
      // A pane being built stays laid out, invisibly, in the shown tab's place.
      e.element.hidden = behind && !e.building;
      e.element.classList.toggle('rl-term-measuring', behind && e.building);
      e.element.classList.toggle('rl-term-active', on);
    }
    // Panes that became visible (or changed size) fit themselves through their ResizeObserver.
  };

  const activate = (e: Entry, focus: boolean): void => {
    if (active !== e) {
      active = e;
      if (e.pane && wb) wb.setActiveTerminal(e.pane);
      layout();
    }
    if (focus && e.pane) e.pane.focus();
    else if (focus) e.focusWhenBuilt = true;
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
    let built: (pane: XtermPane) => void = () => {};
    const entry: Entry = {
      element,
      tab,
      built: new Promise((resolve) => (built = resolve)),
      building: true,
      focusWhenBuilt: false,
      unregister: () => {},
    };
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
    void (after ?? Promise.resolve())
      .then(nextTask)
      .then(() => buildPane(entry))
      .then((pane) => pane && built(pane));
    return entry;
  };

  /** Build a pane's xterm a step per task (it must be laid out meanwhile: see `layout`). */
  const buildPane = async (entry: Entry): Promise<XtermPane | undefined> => {
    if (!entries.includes(entry)) return undefined;
    const { element } = entry;
    const builtTheme = theme;
    const pane = new XtermPane({
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
    await nextTask();
    await pane.open();
    entry.building = false;
    if (!entries.includes(entry)) {
      pane.dispose();
      return undefined;
    }
    entry.pane = pane;
    if (theme !== builtTheme) pane.setTheme(theme);
    layout();
    if (wb) startPane(entry, wb);
    if (entry.focusWhenBuilt) pane.focus();
    return pane;
  };

  const startPane = (entry: Entry, bench: Workbench): void => {
    const pane = entry.pane!;
    entry.unregister = bench.registerTerminal(pane);
    if (active === entry) bench.setActiveTerminal(pane);
    pane.start(bench);
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
  let offReset = (): void => {};
  let removed = false;

  // The first pane is ready to type sooner when the second one's xterm (font measuring forces a
  // page layout) is built after the first prompt shows; its box is there from the start.
  const first = addPane();
  addPane(first.built.then((pane) => pane.ready));
  active = first;
  layout();
  performance.mark('rollout-lab:terminal-mounted');

  workbench.then(
    async (bench) => {
      // Not in the task that learned the cluster is up (the other islands start from it too).
      await nextTask();
      if (removed) return;
      wb = bench;
      offReset = bench.resets.on(() => {
        for (const e of entries) e.pane?.reset(t('terminal.reset'));
      });
      for (const e of entries) if (e.pane) startPane(e, bench);
    },
    // The workbench shows why it could not start; the panes stay without a shell.
    () => undefined,
  );

  return () => {
    removed = true;
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
