/** ls, rm, cp, mv, mkdir, cd: coreutils' common flags and error texts. */
import type { Builtin } from '../context';
import { baseName } from '../../fs/path';
import { byteLength, errorText, splitFlags, usage } from './util';
import { formatDate } from './date';

export const ls: Builtin = async (argv, io, sh) => {
  const { flags, rest } = splitFlags(argv.slice(1), '');
  const all = flags.some(([f]) => f === 'a' || f === 'A');
  const long = flags.some(([f]) => f === 'l');
  const targets = rest.length ? rest : ['.'];
  let code = 0;
  const blocks: string[] = [];
  const fileNames: string[] = [];
  const dirs: string[] = [];
  for (const t of targets) {
    const p = io.fs.resolve(io.cwd, t);
    if (!io.fs.exists(p)) {
      io.stderr.write(`ls: cannot access '${t}': No such file or directory\n`);
      code = 2;
    } else if (io.fs.isDirectory(p)) dirs.push(t);
    else fileNames.push(t);
  }
  const render = (dir: string | undefined, names: string[]): string => {
    if (long) {
      const rows = names.map((n) => {
        const p = io.fs.resolve(io.cwd, dir === undefined ? n : `${dir}/${n}`);
        const isDir = io.fs.isDirectory(p);
        const size = isDir ? 4096 : byteLength(io.fs.readFile(p));
        return { mode: isDir ? 'drwxr-xr-x' : '-rw-r--r--', links: isDir ? 2 : 1, size, n };
      });
      const w = Math.max(1, ...rows.map((r) => String(r.size).length));
      const stamp = formatDate(sh.clock.now()).slice(4, 16);
      const total =
        dir === undefined ? '' : `total ${rows.reduce((s, r) => s + Math.ceil(r.size / 4096) * 4, 0)}\n`;
      return (
        total +
        rows
          .map((r) => `${r.mode} ${r.links} learner learner ${String(r.size).padStart(w)} ${stamp} ${r.n}\n`)
          .join('')
      );
    }
    if (names.length === 0) return '';
    const width = io.columns ?? 80;
    if (!(io.stdoutIsTerminal ?? io.isTTY) || names.join('  ').length > width)
      return names.map((n) => n + '\n').join('');
    return names.join('  ') + '\n';
  };
  if (fileNames.length) blocks.push(render(undefined, fileNames));
  for (const d of dirs) {
    const p = io.fs.resolve(io.cwd, d);
    let names = io.fs.readdir(p);
    if (all) names = ['.', '..', ...names];
    else names = names.filter((n) => !n.startsWith('.'));
    const header = targets.length > 1 ? `${d}:\n` : '';
    blocks.push(header + render(d, names));
  }
  io.stdout.write(blocks.filter((b) => b !== '').join('\n'));
  return code;
};

export const rm: Builtin = async (argv, io) => {
  const { flags, rest } = splitFlags(argv.slice(1), '');
  const force = flags.some(([f]) => f === 'f');
  const recursive = flags.some(([f]) => f === 'r' || f === 'R');
  if (rest.length === 0) return force ? 0 : usage(io, 'rm', 'missing operand');
  let code = 0;
  for (const t of rest) {
    const p = io.fs.resolve(io.cwd, t);
    if (!io.fs.exists(p)) {
      if (!force) {
        io.stderr.write(`rm: cannot remove '${t}': No such file or directory\n`);
        code = 1;
      }
      continue;
    }
    if (io.fs.isDirectory(p) && !recursive) {
      io.stderr.write(`rm: cannot remove '${t}': Is a directory\n`);
      code = 1;
      continue;
    }
    io.fs.remove(p, true);
  }
  return code;
};

function copyTree(io: Parameters<Builtin>[1], from: string, to: string): void {
  if (io.fs.isDirectory(from)) {
    io.fs.mkdir(to, true);
    for (const n of io.fs.readdir(from)) copyTree(io, `${from}/${n}`, `${to}/${n}`);
  } else io.fs.writeFile(to, io.fs.readFile(from));
}

function copyOrMove(cmd: 'cp' | 'mv'): Builtin {
  return async (argv, io) => {
    const { flags, rest } = splitFlags(argv.slice(1), '');
    const recursive = cmd === 'mv' || flags.some(([f]) => f === 'r' || f === 'R' || f === 'a');
    if (rest.length === 0) return usage(io, cmd, 'missing file operand');
    if (rest.length === 1) return usage(io, cmd, `missing destination file operand after '${rest[0]}'`);
    const dest = rest[rest.length - 1];
    const destPath = io.fs.resolve(io.cwd, dest);
    const sources = rest.slice(0, -1);
    if (sources.length > 1 && !io.fs.isDirectory(destPath)) {
      io.stderr.write(`${cmd}: target '${dest}': Not a directory\n`);
      return 1;
    }
    let code = 0;
    for (const s of sources) {
      const from = io.fs.resolve(io.cwd, s);
      if (!io.fs.exists(from)) {
        io.stderr.write(
          cmd === 'cp'
            ? `cp: cannot stat '${s}': No such file or directory\n`
            : `mv: cannot stat '${s}': No such file or directory\n`,
        );
        code = 1;
        continue;
      }
      if (io.fs.isDirectory(from) && !recursive) {
        io.stderr.write(`cp: -r not specified; omitting directory '${s}'\n`);
        code = 1;
        continue;
      }
      const to = io.fs.isDirectory(destPath) ? `${destPath}/${baseName(from)}` : destPath;
      if (to === from) continue;
      try {
        copyTree(io, from, to);
        if (cmd === 'mv') io.fs.remove(from, true);
      } catch (e) {
        io.stderr.write(`${cmd}: cannot create regular file '${dest}': ${errorText(e)}\n`);
        code = 1;
      }
    }
    return code;
  };
}

export const cp = copyOrMove('cp');
export const mv = copyOrMove('mv');

export const mkdir: Builtin = async (argv, io) => {
  const { flags, rest } = splitFlags(argv.slice(1), 'm');
  const parents = flags.some(([f]) => f === 'p');
  if (rest.length === 0) return usage(io, 'mkdir', 'missing operand');
  let code = 0;
  for (const d of rest) {
    try {
      io.fs.mkdir(io.fs.resolve(io.cwd, d), parents);
    } catch (e) {
      io.stderr.write(`mkdir: cannot create directory ‘${d}’: ${errorText(e)}\n`);
      code = 1;
    }
  }
  return code;
};

export const cd: Builtin = async (argv, io, sh) => {
  const args = argv.slice(1);
  if (args.length > 1) {
    io.stderr.write('bash: cd: too many arguments\n');
    return 1;
  }
  let target = args[0] ?? sh.getVar('HOME') ?? '/';
  if (target === '-') {
    target = sh.getVar('OLDPWD') ?? io.cwd;
    io.stdout.write(target + '\n');
  }
  const p = io.fs.resolve(io.cwd, target);
  if (!io.fs.isDirectory(p)) {
    const why = io.fs.exists(p) ? 'Not a directory' : 'No such file or directory';
    io.stderr.write(`bash: cd: ${target}: ${why}\n`);
    return 1;
  }
  sh.setVar('OLDPWD', io.cwd, true);
  sh.setCwd(p);
  return 0;
};

export const touch: Builtin = async (argv, io) => {
  const files = argv.slice(1).filter((a) => !a.startsWith('-'));
  if (files.length === 0) return usage(io, 'touch', 'missing file operand');
  let code = 0;
  for (const f of files) {
    const p = io.fs.resolve(io.cwd, f);
    if (io.fs.exists(p)) continue;
    try {
      io.fs.writeFile(p, '');
    } catch (e) {
      io.stderr.write(`touch: cannot touch '${f}': ${errorText(e)}\n`);
      code = 1;
    }
  }
  return code;
};
