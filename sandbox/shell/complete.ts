/**
 * Tab completion data: command names for the first word; for `kubectl`, its sub-commands, flags,
 * resource types, output formats, namespaces and the names of objects in the cluster; file names
 * otherwise. The terminal decides what to do with the candidates (complete, common prefix, list).
 */
import type { ApiCache } from '../api/server';
import { RESOURCES, type ResourceInfo } from '../api/resources';
import { completionData, commandFlags, type CompletionData } from '../kubectl/commands/help';
import { COMMANDS } from '../kubectl/commands/table';
import type { CommandDef } from '../kubectl/commands/types';
import { GLOBAL_FLAGS } from '../kubectl/commands/flags';
import type { Shell } from './shell';

export interface Completion {
  /** The word being completed (the text to replace). */
  word: string;
  /** Candidates that start with it, sorted (directories end with `/`, flags waiting for a value with `=`). */
  candidates: string[];
}

/** What completion may read besides the shell: the cluster, for object names. */
export interface CompletionContext {
  api?: { cache: Pick<ApiCache, 'list'> };
  /** The namespace kubectl uses when the line has no `-n` (default `default`). */
  namespace?: string;
}

export function complete(shell: Shell, line: string, ctx: CompletionContext = {}): Completion {
  const m = /(?:^|[\s;|&<>()])([^\s;|&<>()]*)$/.exec(line);
  const word = m ? m[1] : '';
  const before = line.slice(0, line.length - word.length);
  const firstWord = /^\s*$|[;|&(]\s*$/.test(before);
  if (firstWord && !word.includes('/')) {
    return { word, candidates: shell.commandNames().filter((n) => n.startsWith(word)) };
  }
  // The words of the simple command being typed (after the last `;`, `|`, `&&`, `(`).
  const segment = before.slice(Math.max(...[';', '|', '&', '('].map((c) => before.lastIndexOf(c))) + 1);
  const words = segment
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/^['"]|['"]$/g, ''));
  // Reserved words before a command (`while true; do kubectl ...`) are not the command.
  while (words.length > 1 && /^(do|then|else|elif|if|while|until|!|\{|time)$/.test(words[0])) words.shift();
  if (words[0] === 'kubectl') {
    const k = completeKubectl(words.slice(1), word, ctx);
    if (k) return { word, candidates: unique(k.filter((c) => c.startsWith(word))) };
    // `--filename=<Tab>`: file names after the flag's `=`.
    const eq = /^--[a-z-]+=/.exec(word);
    if (eq) return { word, candidates: files(shell, word.slice(eq[0].length)).map((f) => eq[0] + f) };
  }
  return { word, candidates: files(shell, word) };
}

function files(shell: Shell, word: string): string[] {
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const base = slash >= 0 ? word.slice(slash + 1) : word;
  const dir = shell.fs.resolve(shell.cwd, dirPart || '.');
  if (!shell.fs.isDirectory(dir)) return [];
  return shell.fs
    .readdir(dir)
    .filter((n) => n.startsWith(base) && (base.startsWith('.') || !n.startsWith('.')))
    .map((n) => dirPart + n + (shell.fs.isDirectory(`${dir}/${n}`) ? '/' : ''))
    .sort();
}

function unique(list: string[]): string[] {
  return [...new Set(list)].sort();
}

// ---- kubectl ----------------------------------------------------------------------------

/** `-o` values kubectl accepts (printers the sandbox implements or documents). */
const OUTPUT_FORMATS = ['custom-columns=', 'go-template=', 'json', 'jsonpath=', 'name', 'wide', 'yaml'];

/**
 * Which resource types a verb's first argument takes, as kubectl's own completion offers them
 * (`kubectl rollout status <Tab>` lists only the kinds that have rollouts).
 */
const VERB_TYPES: Record<string, string[] | 'all' | 'pods'> = {
  get: 'all',
  describe: 'all',
  delete: 'all',
  edit: 'all',
  label: 'all',
  annotate: 'all',
  patch: 'all',
  explain: 'all',
  scale: ['deployments', 'replicasets', 'replicationcontrollers', 'statefulsets'],
  expose: ['deployments', 'pods', 'replicasets', 'replicationcontrollers', 'services'],
  'set image': ['daemonsets', 'deployments', 'pods', 'replicasets', 'replicationcontrollers', 'statefulsets'],
  'rollout history': ['daemonsets', 'deployments', 'statefulsets'],
  'rollout pause': ['deployments'],
  'rollout restart': ['daemonsets', 'deployments', 'statefulsets'],
  'rollout resume': ['deployments'],
  'rollout status': ['daemonsets', 'deployments', 'statefulsets'],
  'rollout undo': ['daemonsets', 'deployments', 'statefulsets'],
  logs: 'pods',
  exec: 'pods',
  'port-forward': 'pods',
};

interface FlagIndex {
  /** Long names of flags that take a value (`--output yaml`). */
  valued: Set<string>;
  /** Short letter → long name. */
  shorts: Map<string, string>;
}

let flagIndex: FlagIndex | undefined;
let data: CompletionData | undefined;

function index(): FlagIndex {
  if (flagIndex) return flagIndex;
  const valued = new Set<string>();
  const shorts = new Map<string, string>();
  const add = (name: string, type: string, short?: string): void => {
    if (type !== 'bool') valued.add(name);
    if (short) shorts.set(short, name);
  };
  for (const f of GLOBAL_FLAGS) add(f.name, f.type, f.short);
  const walk = (c: CommandDef, path: string[]): void => {
    for (const f of commandFlags(c, [...path, c.name])) add(f.name, f.type, f.short);
    for (const s of c.subcommands ?? []) walk(s, [...path, c.name]);
  };
  for (const c of COMMANDS) walk(c, []);
  flagIndex = { valued, shorts };
  return flagIndex;
}

function kubectlData(): CompletionData {
  data ??= completionData();
  return data;
}

/** The resource a type word names (`po`, `pod`, `pods`, `deploy`, `deployment.apps`). */
function resourceOf(word: string): ResourceInfo | undefined {
  const w = word.toLowerCase().replace(/\.[a-z0-9.]*$/, '');
  return RESOURCES.find(
    (r) => r.plural === w || r.singular === w || r.shortNames.includes(w) || r.kind.toLowerCase() === w,
  );
}

function names(ctx: CompletionContext, r: ResourceInfo, namespace: string): string[] {
  if (!ctx.api) return [];
  try {
    return ctx.api.cache
      .list(r.plural, r.namespaced ? namespace : undefined)
      .map((o) => o.metadata?.name ?? '')
      .filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * Candidates for the word after `args` on a kubectl line, or undefined when kubectl has nothing
 * to offer there (then bash falls back to file names, as with cobra's default directive).
 */
function completeKubectl(args: string[], word: string, ctx: CompletionContext): string[] | undefined {
  const { valued, shorts } = index();
  const longName = (flag: string): string | undefined => {
    if (flag.startsWith('--')) return flag.slice(2).split('=')[0];
    if (/^-[a-zA-Z]$/.test(flag)) return shorts.get(flag.slice(1));
    return undefined;
  };
  // Split the typed words into positional arguments and flags (with their values).
  const positional: string[] = [];
  let namespace = ctx.namespace ?? 'default';
  let pendingFlag: string | undefined;
  for (const a of args) {
    if (pendingFlag) {
      if (pendingFlag === 'namespace') namespace = a;
      pendingFlag = undefined;
      continue;
    }
    if (a.startsWith('-') && a !== '-') {
      const name = longName(a);
      if (a.startsWith('--namespace=')) namespace = a.slice('--namespace='.length);
      else if (/^-n./.test(a) && !a.startsWith('--')) namespace = a.slice(2);
      else if (name && valued.has(name) && !a.includes('=')) pendingFlag = name;
      continue;
    }
    positional.push(a);
  }

  // The value of a flag: `-o <Tab>`, `--output=<Tab>`, `-n <Tab>`, `-f <Tab>`.
  const eq = /^(--[a-z-]+=)(.*)$/.exec(word);
  const valueOf = pendingFlag ?? (eq ? longName(eq[1].slice(0, -1)) : undefined);
  if (valueOf) {
    const prefix = eq ? eq[1] : '';
    const values = flagValues(valueOf, ctx, namespace);
    return values?.map((v) => prefix + v);
  }

  const cmdData = kubectlData();
  // The longest command path the positional words spell (`rollout status`).
  let path: string[] = [];
  for (const c of cmdData.commands) {
    if (c.path.length > path.length && c.path.every((p, i) => positional[i] === p)) path = c.path;
  }
  const rest = positional.slice(path.length);

  if (word.startsWith('-')) {
    const cmd = cmdData.commands.find((c) => c.path.join(' ') === path.join(' '));
    const flags = [...(cmd?.flags ?? []), ...GLOBAL_FLAGS.map((f) => `--${f.name}`)];
    return flags.map((f) => (valued.has(f.slice(2)) ? `${f}=` : f));
  }

  const subs = cmdData.commands
    .filter((c) => c.path.length === path.length + 1 && path.every((p, i) => c.path[i] === p))
    .map((c) => c.path[path.length]);
  if (subs.length > 0 && rest.length === 0) return subs;

  const verb = path.join(' ');
  const types = VERB_TYPES[verb];
  if (!types) return undefined;
  if (types === 'pods') {
    const pods = resourceOf('pods');
    return rest.length === 0 && pods ? names(ctx, pods, namespace) : [];
  }
  const allowed = types === 'all' ? RESOURCES.map((r) => r.plural) : types;
  // `deploy/<Tab>`: names of that type, written the way they were started.
  const slash = word.indexOf('/');
  if (slash > 0) {
    const r = resourceOf(word.slice(0, slash));
    if (!r) return [];
    return names(ctx, r, namespace).map((n) => `${word.slice(0, slash)}/${n}`);
  }
  if (rest.length === 0) return allowed.filter((t) => t !== 'all').sort();
  // `get pods <Tab>`: names of the type given (not after `type/name` arguments or for `explain`).
  if (verb === 'explain' || rest[0].includes('/') || rest[0].includes(',')) return [];
  const r = resourceOf(rest[0]);
  return r ? names(ctx, r, namespace) : [];
}

function flagValues(flag: string, ctx: CompletionContext, namespace: string): string[] | undefined {
  switch (flag) {
    case 'output':
      return OUTPUT_FORMATS;
    case 'namespace': {
      const ns = resourceOf('namespaces');
      return ns ? names(ctx, ns, namespace) : [];
    }
    case 'filename':
      return undefined;
    default:
      return [];
  }
}
