/**
 * `kubectl set env` (kubectl pkg/cmd/set/set_env.go): add, change (`KEY=VALUE`, `-e`) or remove
 * (`KEY-`) variables of the selected containers (`-c`, wildcards), import them from a ConfigMap
 * (`--from`, `--prefix`, `--keys`), or list them (`--list`).
 */
import type { KubeObject } from '../../api/types';
import type { RunContext } from '../commands/types';
import { KubectlError, printError } from '../errors';
import { resolveResource } from '../resolve';
import { deepCopy } from './common';
import { containersOf, fetchTargets, patchAndPrint, type Container, type EnvVar } from './set-common';

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_NAME_MESSAGE =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

interface Changes {
  set: EnvVar[];
  remove: string[];
}

/** envutil.SplitEnvironmentFromResources: resources first, then `KEY=VALUE` / `KEY-` words. */
function splitArgs(args: readonly string[]): { resources: string[]; envArgs: string[] } | undefined {
  const isEnv = (a: string): boolean => a.includes('=') || (a.endsWith('-') && !a.includes('/'));
  const first = args.findIndex(isEnv);
  if (first < 0) return { resources: [...args], envArgs: [] };
  if (args.slice(first).some((a) => !isEnv(a))) return undefined;
  return { resources: args.slice(0, first), envArgs: args.slice(first) };
}

/** envutil.ParseEnv. */
function parseEnv(words: readonly string[]): Changes {
  const out: Changes = { set: [], remove: [] };
  for (const w of words) {
    const eq = w.indexOf('=');
    if (eq >= 0) {
      const name = w.slice(0, eq);
      if (!ENV_NAME.test(name))
        throw new KubectlError(`"${name}" is not a valid key name: ${ENV_NAME_MESSAGE}`);
      out.set.push({ name, value: w.slice(eq + 1) });
    } else if (w.endsWith('-')) {
      out.remove.push(w.slice(0, -1));
    } else {
      throw new KubectlError(`unknown environment variable: ${w}`);
    }
  }
  return out;
}

/** Shell-style wildcard of `--containers`. */
function containerMatcher(pattern: string): (name: string) => boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return (name) => re.test(name);
}

/** updateEnv: replace in place, append new ones, drop removed ones. */
function updateEnv(existing: EnvVar[] | undefined, changes: Changes): EnvVar[] {
  const env = [...(existing ?? [])];
  for (const v of changes.set) {
    const i = env.findIndex((e) => e.name === v.name);
    if (i >= 0) env[i] = v;
    else env.push(v);
  }
  return env.filter((e) => !changes.remove.includes(e.name));
}

function refString(from: NonNullable<EnvVar['valueFrom']>): string {
  const [kind, ref] = Object.entries(from)[0] ?? [];
  if (kind === 'configMapKeyRef') return `configmap ${ref?.name}, key ${ref?.key}`;
  if (kind === 'secretKeyRef') return `secret ${ref?.name}, key ${ref?.key}`;
  if (kind === 'fieldRef') return `field path ${ref?.fieldPath}`;
  if (kind === 'resourceFieldRef') return `resource ${ref?.resource}`;
  return 'invalid valueFrom';
}

/** `--from=configmap/NAME`: one variable per key (sorted: Go's map order is random, ours is stable). */
function importFrom(ctx: RunContext, from: string, keys: string[], prefix: string): EnvVar[] {
  const slash = from.indexOf('/');
  const type = resolveResource(slash >= 0 ? from.slice(0, slash) : from);
  const name = slash >= 0 ? from.slice(slash + 1) : '';
  if (type.kind !== 'ConfigMap') throw new KubectlError('unsupported resource specified in --from');
  const cm = ctx.env.api.get(type.plural, ctx.namespace, name) as KubeObject & {
    data?: Record<string, string>;
  };
  return Object.keys(cm.data ?? {})
    .sort()
    .filter((k) => keys.length === 0 || keys.includes(k))
    .map((k) => ({
      name: prefix + k.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase(),
      valueFrom: { configMapKeyRef: { name, key: k } },
    }));
}

export async function runSetEnv(ctx: RunContext): Promise<number> {
  const { io, flags } = ctx;
  if (flags.bool('all') && flags.string('selector')) {
    throw new KubectlError('cannot set --all and --selector at the same time');
  }
  const split = splitArgs(flags.args);
  if (!split)
    throw new KubectlError(
      `all resources must be specified before environment changes: ${flags.args.join(' ')}`,
    );
  const list = flags.bool('list');
  if (split.resources.length === 0)
    throw new KubectlError(
      'one or more resources must be specified as <resource> <name> or <resource>/<name>',
    );
  if (list && flags.string('output'))
    throw new KubectlError('--list and --output may not be specified together');
  const keys = flags.list('keys');
  const from = flags.string('from');
  if (keys.length > 0 && !from) {
    throw new KubectlError('when specifying --keys, a configmap or secret must be provided with --from');
  }
  const changes = parseEnv([...flags.list('env'), ...split.envArgs]);
  const prefix = flags.string('prefix');
  if (from) changes.set.push(...importFrom(ctx, from, keys, ''));
  if (prefix) for (const v of changes.set) v.name = prefix + v.name;
  const targets = fetchTargets(ctx, split.resources);
  if (!targets) return 1;
  const pick = containerMatcher(flags.string('containers') || '*');
  const overwrite = flags.bool('overwrite');
  let rc = 0;
  for (const target of targets) {
    const { ref, live } = target;
    const name = live.metadata.name ?? '';
    try {
      const modified = deepCopy(live);
      const all = containersOf(modified);
      if (!all) {
        throw new KubectlError(
          `${ref.resource.plural}/${name} the object is not a pod or does not have a pod template: *v1.${live.kind}`,
        );
      }
      const containers: Container[] = all.filter((c) => pick(c.name));
      if (containers.length === 0) {
        io.stderr.write(
          `Warning: ${live.kind}/${name} does not have any containers matching "${flags.string('containers') || '*'}"\n`,
        );
        continue;
      }
      for (const c of containers) {
        if (!overwrite) {
          for (const v of changes.set) {
            const cur = c.env?.find((e) => e.name === v.name);
            if (cur && cur.value !== v.value) {
              throw new KubectlError(
                `${ref.resource.plural}/${name} '${cur.name}' already has a value (${cur.value ?? ''}), and --overwrite is false`,
              );
            }
          }
        }
        const env = updateEnv(c.env, changes);
        if (env.length) c.env = env;
        else delete c.env;
        if (list) {
          io.stdout.write(`# ${live.kind} ${name}, container ${c.name}\n`);
          for (const v of env) {
            io.stdout.write(
              v.valueFrom ? `# ${v.name} from ${refString(v.valueFrom)}\n` : `${v.name}=${v.value ?? ''}\n`,
            );
          }
        }
      }
      if (list) continue;
      patchAndPrint(ctx, target, modified, 'env updated');
    } catch (e) {
      printError(io.stderr, e);
      rc = 1;
    }
  }
  return rc;
}
