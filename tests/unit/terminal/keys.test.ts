import { describe, expect, it } from 'vitest';
import { decodeKeys, type Key } from '../../../src/workbench/terminal/keys';

const k = (name: string): Key => ({ kind: 'key', name: name as never });

describe('decodeKeys', () => {
  it.each<[string, string, Key[]]>([
    ['text', 'kubectl', [{ kind: 'text', text: 'kubectl' }]],
    ['Korean text', '안녕', [{ kind: 'text', text: '안녕' }]],
    ['Enter (CR)', '\r', [k('Enter')]],
    ['CR LF is one Enter', 'ls\r\n', [{ kind: 'text', text: 'ls' }, k('Enter')]],
    ['Backspace', '\x7f', [k('Backspace')]],
    ['arrows', '\x1b[A\x1b[B\x1b[C\x1b[D', [k('Up'), k('Down'), k('Right'), k('Left')]],
    [
      'application-mode arrows and Home/End',
      '\x1bOH\x1bOF\x1b[H\x1b[F',
      [k('Home'), k('End'), k('Home'), k('End')],
    ],
    ['Home/End/Delete as ~ codes', '\x1b[1~\x1b[4~\x1b[3~', [k('Home'), k('End'), k('Delete')]],
    ['Ctrl+arrows move by word', '\x1b[1;5D\x1b[1;5C', [k('WordLeft'), k('WordRight')]],
    [
      'control letters',
      '\x01\x05\x15\x0b\x17\x0c\x12\x03\x04',
      [k('C-a'), k('C-e'), k('C-u'), k('C-k'), k('C-w'), k('C-l'), k('C-r'), k('C-c'), k('C-d')],
    ],
    ['Tab and Shift+Tab', '\t\x1b[Z', [k('Tab'), k('ShiftTab')]],
    ['Alt+b, Alt+f, Alt+Backspace', '\x1bb\x1bf\x1b\x7f', [k('M-b'), k('M-f'), k('M-Backspace')]],
    ['function keys are ignored', '\x1b[15~a', [{ kind: 'text', text: 'a' }]],
    ['a lone Escape', '\x1b', [k('Escape')]],
    [
      'bracketed paste keeps its line breaks and tabs as data',
      'x\x1b[200~echo 1\recho\t2\x1b[201~y',
      [
        { kind: 'text', text: 'x' },
        { kind: 'paste', text: 'echo 1\recho\t2' },
        { kind: 'text', text: 'y' },
      ],
    ],
  ])('%s', (_name, data, keys) => {
    expect(decodeKeys(data)).toEqual(keys);
  });
});
