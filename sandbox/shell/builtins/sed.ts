import type { Builtin } from '../context';
import { compile } from './regex';
import { errorText, lines, readInputs } from './util';

type Address = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp };
interface SedCommand {
  addr?: Address;
  cmd: 's' | 'p' | 'd' | 'q';
  re?: RegExp;
  replacement?: string;
  global?: boolean;
  print?: boolean;
}

class SedError extends Error {}

function parseScript(script: string, extended: boolean): SedCommand[] {
  const out: SedCommand[] = [];
  let i = 0;
  const readDelimited = (delim: string): string => {
    let s = '';
    while (i < script.length && script[i] !== delim) {
      if (script[i] === '\\' && i + 1 < script.length) {
        s += script[i + 1] === delim ? delim : script[i] + script[i + 1];
        i += 2;
        continue;
      }
      s += script[i++];
    }
    if (i >= script.length) throw new SedError(`-e expression #1, char ${i}: unterminated \`s' command`);
    i++;
    return s;
  };
  while (i < script.length) {
    while (i < script.length && /[\s;]/.test(script[i])) i++;
    if (i >= script.length) break;
    let addr: Address | undefined;
    const num = /^\d+/.exec(script.slice(i));
    if (num) {
      addr = { kind: 'line', n: Number(num[0]) };
      i += num[0].length;
    } else if (script[i] === '$') {
      addr = { kind: 'last' };
      i++;
    } else if (script[i] === '/') {
      i++;
      addr = { kind: 're', re: compile(readDelimited('/'), { extended, ignoreCase: false }) };
    }
    const c = script[i++];
    if (c === 's') {
      const delim = script[i++];
      const re = readDelimited(delim);
      const replacement = readDelimited(delim);
      let flags = '';
      while (i < script.length && /[gpiI0-9]/.test(script[i])) flags += script[i++];
      const rx = compile(re, { extended, ignoreCase: /[iI]/.test(flags), global: flags.includes('g') });
      out.push({
        ...(addr ? { addr } : {}),
        cmd: 's',
        re: rx,
        replacement,
        global: flags.includes('g'),
        print: flags.includes('p'),
      });
    } else if (c === 'p' || c === 'd' || c === 'q') {
      out.push({ ...(addr ? { addr } : {}), cmd: c });
    } else {
      throw new SedError(`-e expression #1, char ${i}: unknown command: \`${c ?? ''}'`);
    }
  }
  return out;
}

function replace(line: string, c: SedCommand): { text: string; done: boolean } {
  let done = false;
  const text = line.replace(c.re!, (...m: unknown[]) => {
    done = true;
    const groups = m.slice(0, -2) as Array<string | undefined>;
    return c.replacement!.replace(
      /\\(\d)|\\n|\\t|\\(.)|&/g,
      (r, d: string | undefined, lit: string | undefined) => {
        if (r === '&') return groups[0] ?? '';
        if (r === '\\n') return '\n';
        if (r === '\\t') return '\t';
        if (d !== undefined) return groups[Number(d)] ?? '';
        return lit ?? '';
      },
    );
  });
  return { text, done };
}

/** sed: `s///` (g, p, i), `p`, `d`, `q`, addresses (N, $, /re/), -n, -e, -E/-r, -i. */
export const sed: Builtin = async (argv, io) => {
  let quiet = false;
  let inPlace = false;
  let extended = false;
  const scripts: string[] = [];
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-n') quiet = true;
    else if (a === '-i' || a.startsWith('-i')) inPlace = true;
    else if (a === '-E' || a === '-r') extended = true;
    else if (a === '-e') scripts.push(argv[++i] ?? '');
    else if (/^-[nEr]+$/.test(a)) {
      if (a.includes('n')) quiet = true;
      if (/[Er]/.test(a)) extended = true;
    } else files.push(a);
  }
  if (scripts.length === 0) {
    const s = files.shift();
    if (s === undefined) {
      io.stderr.write('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n');
      return 1;
    }
    scripts.push(s);
  }
  let commands: SedCommand[];
  try {
    commands = parseScript(scripts.join('\n'), extended);
  } catch (e) {
    io.stderr.write(`sed: ${e instanceof SedError ? e.message : errorText(e)}\n`);
    return 1;
  }
  if (inPlace && files.length === 0) {
    io.stderr.write('sed: no input files\n');
    return 1;
  }
  let code = 0;
  const inputs = await readInputs(files, io);
  for (const input of inputs) {
    if ('error' in input) {
      io.stderr.write(`sed: can't read ${input.name}: ${input.error}\n`);
      code = 2;
      continue;
    }
    const all = lines(input.text);
    const out: string[] = [];
    let quit = false;
    for (let n = 0; n < all.length && !quit; n++) {
      let line = all[n];
      let deleted = false;
      for (const c of commands) {
        const a = c.addr;
        if (a) {
          const hit =
            a.kind === 'line'
              ? a.n === n + 1
              : a.kind === 'last'
                ? n === all.length - 1
                : ((a.re.lastIndex = 0), a.re.test(line));
          if (!hit) continue;
        }
        if (c.cmd === 'd') {
          deleted = true;
          break;
        }
        if (c.cmd === 'p') out.push(line);
        if (c.cmd === 'q') {
          quit = true;
          break;
        }
        if (c.cmd === 's') {
          const r = replace(line, c);
          line = r.text;
          if (r.done && c.print) out.push(line);
        }
      }
      if (!deleted && !quiet) out.push(line);
    }
    const text = out.map((l) => l + '\n').join('');
    if (inPlace) io.fs.writeFile(io.fs.resolve(io.cwd, input.name), text);
    else io.stdout.write(text);
  }
  return code;
};
