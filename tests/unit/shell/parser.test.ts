import { describe, expect, it } from 'vitest';
import { parse } from '../../../sandbox/shell/parser';
import type { SimpleCommand, Word } from '../../../sandbox/shell/ast';

function first(src: string): SimpleCommand {
  const r = parse(src);
  if (r.kind !== 'ok') throw new Error(JSON.stringify(r));
  return r.list.items[0].first.commands[0] as SimpleCommand;
}
const lits = (w: Word): string => w.parts.map((p) => (p.t === 'lit' ? p.v : `<${p.t}>`)).join('');

describe('parser', () => {
  it.each([
    [`echo 'a b' "c d" e\\ f`, ['echo', 'a b', 'c d', 'e f']],
    [`echo "x\\"y" 'it''s'`, ['echo', 'x"y', 'its']],
    [`echo a#b # comment`, ['echo', 'a#b']],
    [`echo $HOME "\${X}"`, ['echo', '<var>', '<var>']],
    [`echo $(date) \`date\``, ['echo', '<sub>', '<sub>']],
    [`echo ""`, ['echo', '']],
  ])('words of %s', (src, words) => {
    expect(first(src).words.map(lits)).toEqual(words);
  });

  it('assignments, redirections and heredocs', () => {
    const c = first('A=1 B="x y" cmd >out 2>&1 <in >>log\n');
    expect(c.assigns.map((a) => a.name)).toEqual(['A', 'B']);
    expect(c.redirs.map((r) => `${r.fd}${r.op}${r.target?.raw}`)).toEqual([
      '1>out',
      '2>&1',
      '0<in',
      '1>>log',
    ]);
    const h = first("cat <<'EOF'\n$X\nEOF\n");
    expect(h.redirs[0].heredoc).toMatchObject({ delim: 'EOF', expand: false });
    expect(lits(h.redirs[0].heredoc!.body!)).toBe('$X\n');
    const t = first('cat <<-EOF\n\tindented $Y\n\tEOF\n');
    expect(t.redirs[0].heredoc!.body!.parts.map((p) => p.t)).toEqual(['lit', 'var', 'lit']);
  });

  it('compound commands', () => {
    const r = parse(
      'while true; do sleep 1; curl http://x; done; for i in 1 2; do echo $i; done\nif a; then b; elif c; then d; else e; fi',
    );
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.list.items.map((i) => i.first.commands[0].type)).toEqual(['while', 'for', 'if']);
  });

  it.each([
    ["echo 'abc", { kind: 'quote', quote: "'" }],
    ['echo "abc', { kind: 'quote', quote: '"' }],
    ['while true; do', { kind: 'more' }],
    ['echo a |', { kind: 'more' }],
    ['echo a &&', { kind: 'more' }],
    ['cat <<EOF\nabc', { kind: 'heredoc', delim: 'EOF' }],
    ['echo $(date', { kind: 'more' }],
    ['echo a \\', { kind: 'more' }],
  ])('incomplete: %s', (src, reason) => {
    expect(parse(src + '\n')).toEqual({ kind: 'incomplete', reason });
  });

  it.each([
    ['done', "syntax error near unexpected token `done'"],
    ['echo >', "syntax error near unexpected token `newline'"],
    ['| grep x', "syntax error near unexpected token `|'"],
    ['while true; do done', "syntax error near unexpected token `done'"],
    ['echo a; ; echo b', "syntax error near unexpected token `;'"],
    ['fi', "syntax error near unexpected token `fi'"],
  ])('syntax error: %s', (src, message) => {
    expect(parse(src + '\n')).toEqual({ kind: 'error', message });
  });

  it('end of input turns open constructs into bash errors', () => {
    expect(parse("echo 'a\n", { eof: true })).toEqual({
      kind: 'error',
      message: "unexpected EOF while looking for matching `''",
    });
    expect(parse('while true; do\n', { eof: true })).toEqual({
      kind: 'error',
      message: 'syntax error: unexpected end of file',
    });
    const h = parse('cat <<EOF\nabc\n', { eof: true });
    expect(h.kind === 'ok' && h.warnings).toEqual([
      "warning: here-document at line 3 delimited by end-of-file (wanted `EOF')",
    ]);
  });

  it('a 1 MB paste parses without throwing', () => {
    const big = 'echo ' + 'x'.repeat(1024 * 1024);
    expect(parse(big).kind).toBe('ok');
    expect(parse("echo '" + 'y'.repeat(1024 * 1024)).kind).toBe('incomplete');
  });
});
