/**
 * What xterm's `onData` delivers, split into keys: text runs, control keys, escape sequences
 * (arrows, Home/End, Delete, Alt+letter) and bracketed pastes. DOM-free.
 */

export type KeyName =
  | 'Enter'
  | 'Tab'
  | 'ShiftTab'
  | 'Backspace'
  | 'Delete'
  | 'Left'
  | 'Right'
  | 'Up'
  | 'Down'
  | 'Home'
  | 'End'
  | 'WordLeft'
  | 'WordRight'
  | 'Escape'
  /** Ctrl+letter: `C-a` … `C-z` (except the ones named above: Tab is C-i, Enter C-m, Backspace C-h). */
  | `C-${string}`
  /** Alt+letter (ESC prefix): `M-b`, `M-f`, `M-d`, `M-Backspace`. */
  | `M-${string}`;

export type Key =
  | { kind: 'text'; text: string }
  | { kind: 'key'; name: KeyName }
  /** A bracketed paste: inserted literally, line breaks run the lines. */
  | { kind: 'paste'; text: string };

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

/** CSI/SS3 finals and `~` codes that are editing keys; others are ignored (function keys). */
function csiKey(params: string, final: string): KeyName | undefined {
  const mod = params.split(';')[1];
  const ctrlOrAlt = mod === '5' || mod === '3';
  switch (final) {
    case 'A':
      return 'Up';
    case 'B':
      return 'Down';
    case 'C':
      return ctrlOrAlt ? 'WordRight' : 'Right';
    case 'D':
      return ctrlOrAlt ? 'WordLeft' : 'Left';
    case 'H':
      return 'Home';
    case 'F':
      return 'End';
    case 'Z':
      return 'ShiftTab';
    case '~':
      switch (params.split(';')[0]) {
        case '1':
        case '7':
          return 'Home';
        case '4':
        case '8':
          return 'End';
        case '3':
          return 'Delete';
      }
  }
  return undefined;
}

function controlKey(code: number): KeyName {
  switch (code) {
    case 0x0d:
    case 0x0a:
      return 'Enter';
    case 0x09:
      return 'Tab';
    case 0x7f:
    case 0x08:
      return 'Backspace';
    default:
      return `C-${String.fromCharCode(code + 0x60)}`;
  }
}

/** Split one `onData` chunk into keys. Unknown escape sequences are dropped. */
export function decodeKeys(data: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = (): void => {
    if (text) keys.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < data.length) {
    if (data.startsWith(PASTE_START, i)) {
      flush();
      const end = data.indexOf(PASTE_END, i + PASTE_START.length);
      const stop = end < 0 ? data.length : end;
      keys.push({ kind: 'paste', text: data.slice(i + PASTE_START.length, stop) });
      i = end < 0 ? data.length : end + PASTE_END.length;
      continue;
    }
    const c = data.charCodeAt(i);
    if (c === 0x1b) {
      flush();
      const next = data[i + 1];
      if (next === '[' || next === 'O') {
        // CSI or SS3: parameters then one final byte.
        const m = /^[\d;]*[\x40-\x7e]/.exec(data.slice(i + 2));
        if (m) {
          const seq = m[0];
          const name = csiKey(seq.slice(0, -1), seq.slice(-1));
          if (name) keys.push({ kind: 'key', name });
          i += 2 + seq.length;
          continue;
        }
        keys.push({ kind: 'key', name: 'Escape' });
        i += 1;
        continue;
      }
      if (next === undefined) {
        keys.push({ kind: 'key', name: 'Escape' });
        i += 1;
        continue;
      }
      // Alt+key arrives as ESC followed by the key.
      if (next === '\x7f' || next === '\x08') keys.push({ kind: 'key', name: 'M-Backspace' });
      else keys.push({ kind: 'key', name: `M-${next.toLowerCase()}` });
      i += 2;
      continue;
    }
    if (c < 0x20 || c === 0x7f) {
      flush();
      keys.push({ kind: 'key', name: controlKey(c) });
      // A typed CR LF is one Enter.
      i += c === 0x0d && data[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    text += data[i];
    i++;
  }
  flush();
  return keys;
}
