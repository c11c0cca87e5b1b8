/** export, local, unset, env. */
import type { Builtin } from '../context';

const quote = (v: string): string => `"${v.replace(/(["\\$`])/g, '\\$1')}"`;

export const exportCmd: Builtin = async (argv, io, sh) => {
  const args = argv.slice(1).filter((a) => a !== '-p');
  if (args.length === 0) {
    for (const [k, v] of Object.entries(sh.exportedVars())) io.stdout.write(`declare -x ${k}=${quote(v)}\n`);
    return 0;
  }
  let code = 0;
  for (const a of args) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=([\s\S]*))?$/.exec(a);
    if (!m) {
      io.stderr.write(`bash: export: \`${a}': not a valid identifier\n`);
      code = 1;
      continue;
    }
    if (m[2] !== undefined) sh.setVar(m[1], m[2], true);
    else sh.markExported(m[1]);
  }
  return code;
};

export const unset: Builtin = async (argv, _io, sh) => {
  for (const a of argv.slice(1)) if (!a.startsWith('-')) sh.unsetVar(a);
  return 0;
};

export const env: Builtin = async (argv, io, sh) => {
  if (argv.length > 1) return sh.runArgv(argv.slice(1), io);
  for (const [k, v] of Object.entries(io.env)) io.stdout.write(`${k}=${v}\n`);
  return 0;
};

/** `local [NAME[=VALUE]...]`: function-scoped variables (see Shell.declareLocal). */
export const local: Builtin = async (argv, io, sh) => {
  const listing = sh.localsListing();
  if (listing === undefined) {
    io.stderr.write('bash: local: can only be used in a function\n');
    return 1;
  }
  if (argv.length === 1) {
    io.stdout.write(listing);
    return 0;
  }
  let code = 0;
  for (const a of argv.slice(1)) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=([\s\S]*))?$/.exec(a);
    if (!m) {
      io.stderr.write(`bash: local: \`${a}': not a valid identifier\n`);
      code = 1;
      continue;
    }
    sh.declareLocal(m[1], m[2]);
  }
  return code;
};
