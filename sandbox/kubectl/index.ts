/** kubectl: argv in, text out, exit code back. Dispatch through the command table. */
import type { CommandIO } from '../shell/types';
import type { KubectlEnv } from './env';
import { COMMANDS } from './commands/table';
import { GLOBAL_FLAGS } from './commands/flags';
import { commandFlags, commandHelp, ensureHelp, rootHelp } from './commands/help';
import { REAL_COMMANDS, suggestionsFor } from './commands/suggest';
import type { CommandDef } from './commands/types';
import { FlagError, Flags, parseFlags, type FlagSpec } from './flags';
import { printError } from './errors';
import { klogLine } from './klog';
import { withInterrupt } from './interrupt';

export type { KubectlEnv, EditorHost } from './env';
export { completionData, loadAllHelp, type CompletionData } from './commands/help';
export { loadsInFlight } from './lazy';
export { tabwrite, GET_TABS, DESCRIBE_TABS } from './printers/tabwriter';
export { COMMANDS } from './commands/table';

/** Words before the first flag-or-positional that name a command path. */
function findCommand(argv: readonly string[]): {
  cmd?: CommandDef;
  path: string[];
  rest: string[];
  unknown?: string;
} {
  const rest = [...argv];
  // Global flags may come before the command: skip them (with their values).
  const lead: string[] = [];
  while (rest.length && rest[0].startsWith('-')) {
    const f = rest.shift()!;
    lead.push(f);
    const spec = GLOBAL_FLAGS.find((g) => f === `--${g.name}` || f === `-${g.short}`);
    if (spec && spec.type !== 'bool' && rest.length) lead.push(rest.shift()!);
  }
  if (!rest.length) return { path: [], rest: lead };
  const name = rest.shift()!;
  const cmd = COMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
  if (!cmd) return { path: [], rest: lead, unknown: name };
  const path = [cmd.name];
  let cur = cmd;
  while (cur.subcommands?.length) {
    const idx = rest.findIndex((a) => !a.startsWith('-'));
    const sub =
      idx >= 0
        ? cur.subcommands.find((c) => c.name === rest[idx] || c.aliases?.includes(rest[idx]))
        : undefined;
    if (!sub) break;
    rest.splice(idx, 1);
    cur = sub;
    path.push(sub.name);
  }
  return { cmd: cur, path, rest: [...lead, ...rest] };
}

function unknownCommand(io: CommandIO, name: string): number {
  const sugg = suggestionsFor(
    name,
    REAL_COMMANDS.map((n) => ({ name: n })),
  );
  let msg = `error: unknown command "${name}" for "kubectl"\n`;
  if (sugg.length) msg += `\nDid you mean this?\n${sugg.map((x) => `\t${x}\n`).join('')}\n`;
  io.stderr.write(msg);
  return 1;
}

export async function kubectl(argv: readonly string[], io: CommandIO, env: KubectlEnv): Promise<number> {
  if (argv[0] === 'help') {
    const target = findCommand(argv.slice(1));
    await ensureHelp(target.cmd ? target.path : []);
    io.stdout.write(target.cmd ? commandHelp(target.cmd, target.path) : rootHelp());
    return 0;
  }
  const found = findCommand(argv);
  if (found.unknown !== undefined) return unknownCommand(io, found.unknown);
  const cmd = found.cmd;
  if (!cmd) {
    try {
      parseFlags(found.rest, GLOBAL_FLAGS);
    } catch (e) {
      if (!(e instanceof FlagError)) throw e;
      io.stderr.write(`error: ${e.message}\nSee 'kubectl --help' for usage.\n`);
      return 1;
    }
    await ensureHelp([]);
    io.stdout.write(rootHelp());
    return 0;
  }
  // Cobra prints the deprecation before parsing; a command that runs prints it itself (rolling-update).
  const deprecation = cmd.deprecated ? `Command "${cmd.name}" is deprecated, ${cmd.deprecated}\n` : '';
  await ensureHelp(found.path);
  const own = commandFlags(cmd, found.path);
  const specs: FlagSpec[] = [
    ...own,
    ...GLOBAL_FLAGS.filter(
      (g) => !own.some((f) => f.name === g.name || (g.short !== undefined && f.short === g.short)),
    ),
  ];
  let flags: Flags;
  try {
    flags = new Flags(parseFlags(found.rest, specs), specs);
  } catch (e) {
    if (e instanceof FlagError) {
      io.stderr.write(deprecation);
      io.stderr.write(`error: ${e.message}\nSee 'kubectl ${found.path.join(' ')} --help' for usage.\n`);
      return 1;
    }
    throw e;
  }
  if (flags.bool('help')) {
    io.stderr.write(deprecation);
    io.stdout.write(commandHelp(cmd, found.path));
    return 0;
  }
  for (const f of specs) {
    if (f.deprecated && flags.changed(f.name))
      io.stderr.write(`Flag --${f.name} has been deprecated, ${f.deprecated}\n`);
  }
  if (!cmd.run) {
    if (flags.args.length) {
      io.stderr.write(
        `error: unknown command "${flags.args.join(' ')}"\nSee 'kubectl ${found.path.join(' ')} -h' for help and examples\n`,
      );
      return 1;
    }
    // cmdutil.DefaultSubCommandRun: the help, then exit 1.
    io.stdout.write(commandHelp(cmd, found.path));
    return 1;
  }
  const missing = (cmd.required ?? []).filter((r) => !flags.changed(r));
  if (missing.length) {
    const err = `required flag(s) ${missing.map((m) => `\\"${m}\\"`).join(', ')} not set`;
    io.stderr.write(klogLine(env.clock.now(), 'E', 'run.go:72', `"command failed" err="${err}"`));
    return 1;
  }
  const dryRun = flags.changed('dry-run') ? flags.string('dry-run') : '';
  if (dryRun === 'unchanged') {
    io.stderr.write(
      klogLine(
        env.clock.now(),
        'W',
        'helpers.go:702',
        '--dry-run is deprecated and can be replaced with --dry-run=client.',
      ),
    );
  } else if (dryRun === 'true') {
    io.stderr.write(
      klogLine(
        env.clock.now(),
        'W',
        'helpers.go:716',
        '--dry-run=true is deprecated (boolean value) and can be replaced with --dry-run=client.',
      ),
    );
  }
  const namespace = flags.string('namespace') || env.namespace;
  const run = cmd.run;
  return withInterrupt(io, async (io) => {
    try {
      return await run({
        env,
        io,
        flags,
        path: found.path,
        namespace,
        namespaceSet: flags.changed('namespace'),
      });
    } catch (e) {
      printError(io.stderr, e);
      return 1;
    }
  });
}
