import { describe, expect, it } from 'vitest';
import { decodeKeys } from '../../../src/workbench/terminal/keys';
import { LineEditor, type EditorAction } from '../../../src/workbench/terminal/line-editor';

const HISTORY = [
  'kubectl get pods',
  'kubectl get rs',
  'curl http://34.64.140.187',
  'kubectl rollout status deploy/kubia',
];

/** Type `data` into a fresh editor; `|` in the expectation marks the cursor. */
function typed(
  data: string,
  history: string[] = HISTORY,
): { line: string; actions: EditorAction['kind'][]; prompt: string } {
  const ed = new LineEditor(() => history);
  const actions: EditorAction['kind'][] = [];
  for (const key of decodeKeys(data)) {
    const a = ed.handle(key);
    if (a.kind !== 'none') actions.push(a.kind);
  }
  const chars = [...ed.text];
  chars.splice(ed.cursor, 0, '|');
  return { line: chars.join(''), actions, prompt: ed.view('$ ').prompt };
}

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const UP = '\x1b[A';
const DOWN = '\x1b[B';

describe('line editor keys', () => {
  it.each([
    ['insert', 'abc', 'abc|'],
    ['insert in the middle', `ac${LEFT}b`, 'ab|c'],
    ['Left stops at the start', `ab${LEFT}${LEFT}${LEFT}x`, 'x|ab'],
    ['Right stops at the end', `ab${LEFT}${RIGHT}${RIGHT}x`, 'abx|'],
    ['Home and End', 'bc\x1b[Ha\x1b[Fd', 'abcd|'],
    ['Ctrl+A / Ctrl+E', 'bc\x01a\x05d', 'abcd|'],
    ['Ctrl+B / Ctrl+F', 'ac\x02b\x06d', 'abcd|'],
    ['Backspace', 'abcd\x7f\x7f', 'ab|'],
    ['Backspace in the middle', `abcd${LEFT}\x7f`, 'ab|d'],
    ['Delete', `abcd${LEFT}${LEFT}\x1b[3~`, 'ab|d'],
    ['Ctrl+D deletes under the cursor', `abcd\x01\x04`, '|bcd'],
    ['Ctrl+U kills to the start', `kubectl get po${LEFT}${LEFT}\x15`, '|po'],
    ['Ctrl+K kills to the end', `kubectl get po\x01${RIGHT}${RIGHT}\x0b`, 'ku|'],
    ['Ctrl+W kills the previous word (to whitespace)', 'kubectl get deploy/kubia\x17', 'kubectl get |'],
    ['Ctrl+W skips trailing spaces', 'kubectl get   \x17', 'kubectl |'],
    ['Ctrl+Y yanks what was killed last', 'kubectl get pods\x17\x17\x19', 'kubectl get |'],
    [
      'Alt+B / Alt+F move by word',
      'kubectl get deploy/kubia\x1bb\x1bb|\x1bf\x1bf!',
      'kubectl get |deploy/kubia!|',
    ],
    ['Alt+Backspace kills an alphanumeric word', 'deploy/kubia\x1b\x7f', 'deploy/|'],
    ['Ctrl+T transposes the last two characters', 'kubeclt\x14', 'kubectl|'],
    ['Korean: one character per step', `안녕하세요${LEFT}${LEFT}\x7f`, '안녕|세요'],
    ['emoji (surrogate pair) is one character', `a😀b${LEFT}\x7f`, 'a|b'],
    ['tab in pasted text becomes a space', '\x1b[200~a\tb\x1b[201~', 'a b|'],
  ])('%s', (_name, data, expected) => {
    expect(typed(data).line).toBe(expected);
  });

  it('Ctrl+D on an empty line is end of input; Enter submits; Tab asks for completion', () => {
    expect(typed('\x04').actions).toEqual(['eof']);
    expect(typed('ls\r').actions).toEqual(['submit']);
    expect(typed('kub\t').actions).toEqual(['complete']);
    expect(typed('x\x03').actions).toEqual(['interrupt']);
    expect(typed('\x0c').actions).toEqual(['clear']);
    expect(typed('\x7f').actions).toEqual(['bell']);
  });
});

describe('history', () => {
  it.each([
    ['Up recalls the newest', UP, 'kubectl rollout status deploy/kubia|'],
    ['Up twice', UP + UP, 'curl http://34.64.140.187|'],
    ['Up past the oldest rings and stays', UP.repeat(5), 'kubectl get pods|'],
    ['Down comes back to the line being typed', `kubectl${UP}${UP}${DOWN}${DOWN}`, 'kubectl|'],
    ['Ctrl+P / Ctrl+N', '\x10\x10\x0e', 'kubectl rollout status deploy/kubia|'],
  ])('%s', (_name, data, expected) => {
    expect(typed(data).line).toBe(expected);
  });
});

describe('reverse-i-search', () => {
  it.each([
    ['empty search', '\x12', '|', "(reverse-i-search)`': "],
    [
      'finds the newest match, cursor on the match',
      '\x12get',
      'kubectl |get rs',
      "(reverse-i-search)`get': ",
    ],
    ['Ctrl+R again goes to an older match', '\x12get\x12', 'kubectl |get pods', "(reverse-i-search)`get': "],
    [
      'a failed search keeps the last match',
      '\x12get\x12\x12',
      'kubectl |get pods',
      "(failed reverse-i-search)`get': ",
    ],
    ['Backspace widens the search again', '\x12getx\x7f', 'kubectl |get rs', "(reverse-i-search)`get': "],
    ['Ctrl+G restores the line', 'abc\x12curl\x07', 'abc|', '$ '],
    ['an editing key accepts the match', `\x12curl\x05`, 'curl http://34.64.140.187|', '$ '],
    ['Left accepts and moves', `\x12rollout${LEFT}`, 'kubectl| rollout status deploy/kubia', '$ '],
  ])('%s', (_name, data, line, prompt) => {
    const r = typed(data);
    expect(r.line).toBe(line);
    expect(r.prompt).toBe(prompt);
  });

  it('Enter runs the match', () => {
    const ed = new LineEditor(() => HISTORY);
    for (const key of decodeKeys('\x12status')) ed.handle(key);
    expect(ed.handle({ kind: 'key', name: 'Enter' })).toEqual({
      kind: 'submit',
      line: 'kubectl rollout status deploy/kubia',
    });
  });
});
