import type { Builtin } from '../context';

export const help: Builtin = async (_argv, io, sh) => {
  io.stdout.write(
    'Rollout Lab shell: a small bash. Commands:\n\n' +
      sh
        .commandNames()
        .filter((n) => n !== '[')
        .join(' ') +
      '\n\nSupported: quotes, $VAR, $(...), ;, &&, ||, |, > >> 2> 2>&1 <, heredocs (<<EOF),\n' +
      'while/for/if, VAR=value, export. Ctrl+C stops the running command.\n',
  );
  return 0;
};
