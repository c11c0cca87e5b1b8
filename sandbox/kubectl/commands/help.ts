/** `--help` texts and completion data, generated from the command table. */
import { RESOURCES } from '../../api/resources';
import type { FlagSpec } from '../flags';
import { COMMANDS } from './table';
import type { CommandDef } from './types';
import { HELP_LOADERS } from './docs';
import { lazyLoad } from '../lazy';
import { flagsFromHelp } from './help-flags';

const GROUPS = [
  'Basic Commands (Beginner)',
  'Basic Commands (Intermediate)',
  'Deploy Commands',
  'Cluster Management Commands',
  'Troubleshooting and Debugging Commands',
  'Advanced Commands',
  'Settings Commands',
  'Other Commands',
];

/** Help texts loaded so far, by command path. */
const HELP_TEXTS = new Map<string, string>();

/** Load the help text of one command (`''`: the root); the flags a command accepts come from it. */
export async function ensureHelp(path: readonly string[]): Promise<void> {
  const key = path.join(' ');
  const load = HELP_LOADERS[key];
  if (!load || HELP_TEXTS.has(key)) return;
  HELP_TEXTS.set(key, await lazyLoad(load));
}

let all: Promise<void> | undefined;

/** Every help text (for completion of every command's flags). */
export function loadAllHelp(): Promise<void> {
  all ??= Promise.all(Object.keys(HELP_LOADERS).map((k) => ensureHelp(k === '' ? [] : k.split(' ')))).then(
    () => undefined,
  );
  return all;
}

export function rootHelp(): string {
  const real = HELP_TEXTS.get('');
  if (real) return real;
  let out =
    'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n';
  for (const g of GROUPS) {
    const cmds = COMMANDS.filter((c) => c.group === g && !c.hidden);
    if (!cmds.length) continue;
    out += `${g}:\n${cmds.map((c) => `  ${c.name.padEnd(15)} ${c.short}\n`).join('')}\n`;
  }
  out +=
    'Usage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return out;
}

function flagDefault(f: FlagSpec): string {
  const d = f.default ?? '';
  if (f.type === 'string' || f.type === 'duration') return /^\d+[smh]/.test(d) ? d : `'${d}'`;
  if (f.type === 'bool') return d || 'false';
  if (f.type === 'int') return d || '0';
  return d || '[]';
}

export function commandHelp(cmd: CommandDef, path: string[]): string {
  const real = HELP_TEXTS.get(path.join(' '));
  if (real) return real;
  let out = `${cmd.long ?? `${cmd.short}.`}\n\n`;
  if (cmd.examples) out += `Examples:\n${cmd.examples}\n\n`;
  if (cmd.subcommands?.length) {
    out += `Available Commands:\n${cmd.subcommands.map((c) => `  ${c.name.padEnd(13)} ${c.short}\n`).join('')}\n`;
  }
  const flags = (cmd.flags ?? []).filter((f) => !f.hidden).sort((a, b) => a.name.localeCompare(b.name));
  if (flags.length) {
    out += 'Options:\n';
    for (const f of flags) {
      const names = f.short ? `-${f.short}, --${f.name}` : `--${f.name}`;
      out += `    ${names}=${flagDefault(f)}:\n\t${f.usage}\n\n`;
    }
  }
  out += `Usage:\n  ${cmd.usage}\n\n`;
  if (cmd.subcommands?.length)
    out += `Use "kubectl ${path.join(' ')} <command> --help" for more information about a given command.\n`;
  out += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return out;
}

export interface CompletionData {
  commands: Array<{ path: string[]; short: string; flags: string[] }>;
  resourceTypes: string[];
}

/**
 * Commands (with sub-command paths), their long flags, and resource type words for completion.
 * Flags documented only in help texts not loaded yet are missing; the first call starts loading
 * them all, so the next Tab has them.
 */
export function completionData(): CompletionData {
  void loadAllHelp();
  const commands: CompletionData['commands'] = [];
  const walk = (c: CommandDef, prefix: string[]): void => {
    if (c.hidden) return;
    const path = [...prefix, c.name];
    commands.push({ path, short: c.short, flags: commandFlags(c, path).map((f) => `--${f.name}`) });
    for (const sub of c.subcommands ?? []) walk(sub, path);
  };
  for (const c of COMMANDS) walk(c, []);
  const resourceTypes = RESOURCES.flatMap((r) => [r.plural, r.singular, ...r.shortNames]).filter(
    (v, i, a) => a.indexOf(v) === i,
  );
  return { commands, resourceTypes: [...resourceTypes, 'all'] };
}

/** The flags a command accepts: its table entries, then every other flag the real help documents. */
export function commandFlags(cmd: CommandDef, path: string[]): FlagSpec[] {
  const own = cmd.flags ?? [];
  const real = HELP_TEXTS.get(path.join(' '));
  const documented = real ? flagsFromHelp(real) : [];
  return [...own, ...documented.filter((d) => !own.some((f) => f.name === d.name))];
}
