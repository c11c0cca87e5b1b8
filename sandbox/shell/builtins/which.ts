/** `which` and `type`: where a command comes from (kubectl in /usr/local/bin, tools in /usr/bin). */
import type { Builtin, ShellApi } from '../context';

/** Commands bash itself implements (`type` says "is a shell builtin"). */
const BASH_BUILTINS = new Set([
  ':',
  '[',
  'break',
  'cd',
  'continue',
  'echo',
  'exit',
  'export',
  'false',
  'help',
  'history',
  'printf',
  'pwd',
  'read',
  'return',
  'test',
  'true',
  'type',
  'unset',
]);

type Origin = { kind: 'builtin' } | { kind: 'function' } | { kind: 'file'; path: string } | undefined;

function originOf(name: string, sh: ShellApi): Origin {
  if (sh.isFunction(name)) return { kind: 'function' };
  if (BASH_BUILTINS.has(name)) return { kind: 'builtin' };
  if (!sh.commandNames().includes(name)) return undefined;
  return { kind: 'file', path: `${name === 'kubectl' ? '/usr/local/bin' : '/usr/bin'}/${name}` };
}

export const which: Builtin = async (argv, io, sh) => {
  let code = 0;
  for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const o = originOf(name, sh);
    if (o?.kind === 'file') io.stdout.write(`${o.path}\n`);
    else if (o?.kind === 'builtin' && name !== 'cd' && name !== 'export')
      io.stdout.write(`/usr/bin/${name}\n`);
    else code = 1;
  }
  return code;
};

export const type: Builtin = async (argv, io, sh) => {
  let code = 0;
  for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const o = originOf(name, sh);
    if (!o) {
      io.stderr.write(`bash: type: ${name}: not found\n`);
      code = 1;
    } else if (o.kind === 'function') io.stdout.write(`${name} is a function\n`);
    else if (o.kind === 'builtin') io.stdout.write(`${name} is a shell builtin\n`);
    else io.stdout.write(`${name} is ${o.path}\n`);
  }
  return code;
};
