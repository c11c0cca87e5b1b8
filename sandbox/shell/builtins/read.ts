/**
 * `read [-r] [-p PROMPT] [NAME...]`: one line of stdin into variables (the last one takes the rest;
 * default REPLY). Lines are taken from a buffer kept per input stream, so `... | while read x`
 * sees each line once. At end of input it returns 1, which ends the loop.
 */
import type { Builtin } from '../context';
import type { InputStream } from '../types';

interface Pending {
  text: string;
  ended: boolean;
}

const buffers = new WeakMap<InputStream, Pending>();

async function readLine(stdin: InputStream): Promise<string | undefined> {
  let b = buffers.get(stdin);
  if (!b) buffers.set(stdin, (b = { text: '', ended: false }));
  for (;;) {
    const nl = b.text.indexOf('\n');
    if (nl >= 0) {
      const line = b.text.slice(0, nl);
      b.text = b.text.slice(nl + 1);
      return line;
    }
    if (b.ended) {
      if (b.text === '') return undefined;
      const line = b.text;
      b.text = '';
      return line;
    }
    if (stdin.read) {
      const chunk = await stdin.read();
      if (chunk === null) b.ended = true;
      else b.text += chunk;
    } else {
      b.text += await stdin.readAll();
      b.ended = true;
    }
  }
}

export const read: Builtin = async (argv, io, sh) => {
  let raw = false;
  const names: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-r') raw = true;
    else if (a === '-p') io.stderr.write(argv[++i] ?? '');
    else if (a.startsWith('-') && names.length === 0) {
      io.stderr.write(`bash: read: ${a}: invalid option\nread: usage: read [-r] [-p prompt] [name ...]\n`);
      return 2;
    } else if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(a)) {
      io.stderr.write(`bash: read: \`${a}': not a valid identifier\n`);
      return 1;
    } else names.push(a);
  }
  // The terminal itself has nothing typed ahead for a command: like pressing Ctrl+D at once.
  if (io.stdin.isTerminal) return 1;
  let line = await readLine(io.stdin);
  if (line === undefined) return 1;
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  const targets = names.length ? names : ['REPLY'];
  if (targets.length === 1 && names.length === 0) {
    sh.setVar('REPLY', line);
    return 0;
  }
  const fields = line.trim().split(/[ \t]+/);
  targets.forEach((name, i) => {
    const value = i === targets.length - 1 ? fields.slice(i).join(' ') : (fields[i] ?? '');
    sh.setVar(name, value);
  });
  return 0;
};
