/** Helpers shared by builtins: reading inputs, error texts. */
import { FsError } from '../../fs/types';
import { fsMessage } from '../fs-errors';
import type { CommandIO } from '../types';

export type Input = { name: string; text: string } | { name: string; error: string };

/** Each named file (`-` is stdin), or stdin when there is none. */
export async function readInputs(files: readonly string[], io: CommandIO): Promise<Input[]> {
  if (files.length === 0) return [{ name: '-', text: await io.stdin.readAll() }];
  const out: Input[] = [];
  for (const f of files) {
    if (f === '-') {
      out.push({ name: f, text: await io.stdin.readAll() });
      continue;
    }
    try {
      out.push({ name: f, text: io.fs.readFile(io.fs.resolve(io.cwd, f)) });
    } catch (e) {
      out.push({ name: f, error: errorText(e) });
    }
  }
  return out;
}

export function errorText(e: unknown): string {
  return e instanceof FsError ? fsMessage(e.code) : e instanceof Error ? e.message : String(e);
}

/** Lines of a text without the final newline's empty remainder. */
export function lines(text: string): string[] {
  if (text === '') return [];
  const ls = text.split('\n');
  if (ls[ls.length - 1] === '') ls.pop();
  return ls;
}

/** `Try 'cmd --help' for more information.` after a usage error. */
export function usage(io: CommandIO, cmd: string, msg: string, code = 1): number {
  io.stderr.write(`${cmd}: ${msg}\nTry '${cmd} --help' for more information.\n`);
  return code;
}

/** Parse a duration like coreutils sleep/timeout: `1`, `0.5`, `2s`, `1m`, `1h`, `1d`; ms or undefined. */
export function parseDuration(s: string): number | undefined {
  if (s === 'inf' || s === 'infinity') return Infinity;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(s);
  if (!m) return undefined;
  const mult = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]] ?? 1;
  return Math.round(Number(m[1]) * mult * 1000);
}

/** Split flags like `-nv` into single letters; stops at `--` or the first non-flag. */
export function splitFlags(
  argv: readonly string[],
  withValue: string,
): { flags: Array<[string, string?]>; rest: string[]; bad?: string } {
  const flags: Array<[string, string?]> = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      rest.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      if (withValue.includes(f)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
        if (v === undefined) return { flags, rest, bad: f };
        flags.push([f, v]);
        break;
      }
      flags.push([f]);
    }
  }
  return { flags, rest };
}

/** UTF-8 length of a string (no TextEncoder in the sandbox's library set). */
export function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Chunks of stdin as they arrive (all at once for streams that cannot stream). */
export async function* chunksOf(stdin: CommandIO['stdin']): AsyncGenerator<string> {
  if (!stdin.read) {
    const all = await stdin.readAll();
    if (all) yield all;
    return;
  }
  for (;;) {
    const c = await stdin.read();
    if (c === null) return;
    yield c;
  }
}

/** Lines of stdin as they complete; `newline` is false only for a last line without one. */
export async function* linesOf(
  stdin: CommandIO['stdin'],
): AsyncGenerator<{ line: string; newline: boolean }> {
  let rest = '';
  for await (const chunk of chunksOf(stdin)) {
    rest += chunk;
    let nl: number;
    while ((nl = rest.indexOf('\n')) >= 0) {
      yield { line: rest.slice(0, nl), newline: true };
      rest = rest.slice(nl + 1);
    }
  }
  if (rest) yield { line: rest, newline: false };
}
