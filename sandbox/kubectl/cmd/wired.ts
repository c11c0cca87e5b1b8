/**
 * Commands whose bodies live in `describe/`, `rollout/` and `ops/` (another developer's folders):
 * loaded lazily (literal dynamic imports, so bundlers split them into chunks).
 */
import type { KubeObject } from '../../api/types';
import type { ResourceInfo } from '../../api/resources';
import type { CommandIO } from '../../shell/types';
import type { KubectlEnv } from '../env';
import type { RunContext } from '../commands/types';
import { KubectlError, printError, usageError } from '../errors';
import { parseResourceArgs } from '../resolve';
import { dryRunOf } from './common';
import { readManifests } from '../manifests';
import { formatObjects, parseOutput } from '../printers/output';
import { toYaml } from '../printers/yaml';
import { NO_RESOURCES } from './delete';
import { lazyLoad } from '../lazy';
import { loadAllHelp } from '../commands/help';

type Fn = (env: KubectlEnv, io: CommandIO, opts: Record<string, unknown>) => Promise<number>;

interface DescribeModule {
  describeObjects(env: KubectlEnv, resource: ResourceInfo, objects: KubeObject[]): string;
}

type Folder = 'describe' | 'rollout' | 'ops';

function importFolder(folder: Folder): Promise<unknown> {
  switch (folder) {
    case 'describe':
      return import('../describe/index');
    case 'rollout':
      return import('../rollout/index');
    case 'ops':
      return import('../ops/index');
  }
}

async function load<T>(folder: Folder): Promise<T> {
  return (await lazyLoad(() => importFolder(folder))) as T;
}

/**
 * Load the lazy folders and every help text now (the CLI does, so its first commands answer at
 * once). Loads in flight are counted (`loadsInFlight`), so the headless driver never mistakes a
 * command waiting for its code for one waiting on the clock, preloaded or not.
 */
export async function preloadLazyCommands(): Promise<void> {
  await Promise.all([
    ...(['describe', 'rollout', 'ops'] as const).map((f) => load<unknown>(f)),
    loadAllHelp(),
  ]);
}

/** A helper of `rollout/index.ts` or `ops/index.ts`, or a clear error while it does not exist yet. */
async function helper(name: string, what: string, folder: Folder = 'rollout'): Promise<Fn> {
  const mod = await load<Record<string, unknown>>(folder);
  const fn = mod[name];
  if (typeof fn !== 'function') throw new KubectlError(`kubectl ${what} is not available yet`);
  return fn as Fn;
}

export function durationSeconds(v: string): number | undefined {
  if (!v || v === '0') return undefined;
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s)/g;
  let total = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(v))) {
    const n = Number(m[1]);
    total += m[2] === 'h' ? n * 3600 : m[2] === 'm' ? n * 60 : m[2] === 'ms' ? n / 1000 : n;
  }
  if (/^\d+$/.test(v)) total = Number(v);
  return total || undefined;
}

export async function runDescribe(ctx: RunContext): Promise<number> {
  const { env, io, flags } = ctx;
  const files = flags.list('filename');
  if (flags.args.length === 0 && files.length === 0) {
    throw new KubectlError(
      'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  }
  const refs = files.length
    ? (
        await readManifests(io, {
          paths: files,
          namespace: ctx.namespace,
          enforceNamespace: ctx.namespaceSet,
          validate: false,
        })
      ).map((i) => ({ resource: i.resource, name: i.name }))
    : parseResourceArgs(flags.args);
  const mod = await load<DescribeModule>('describe');
  const ns = flags.bool('all-namespaces') ? undefined : ctx.namespace;
  const selector = flags.string('selector') || undefined;
  const chunks: string[] = [];
  const errors: unknown[] = [];
  for (const ref of refs) {
    let objects: KubeObject[];
    if (ref.name === undefined) {
      objects = env.api.list(ref.resource.plural, ns, { labelSelector: selector }).items;
    } else {
      try {
        objects = [env.api.get(ref.resource.plural, ns, ref.name)];
      } catch (e) {
        const prefixed = env.api
          .list(ref.resource.plural, ns)
          .items.filter((o) => (o.metadata.name ?? '').startsWith(ref.name!));
        if (prefixed.length === 0) {
          errors.push(e);
          continue;
        }
        objects = prefixed;
      }
    }
    if (objects.length) chunks.push(mod.describeObjects(env, ref.resource, objects));
  }
  if (chunks.length) io.stdout.write(chunks.join('\n\n'));
  else if (errors.length === 0) io.stderr.write(`No resources found in ${ctx.namespace} namespace.\n`);
  for (const e of errors) printError(io.stderr, e);
  return errors.length ? 1 : 0;
}

function oneTarget(ctx: RunContext): { resource: ResourceInfo; name: string } {
  const refs = parseResourceArgs(ctx.flags.args);
  if (refs.length === 0) throw new KubectlError('required resource not specified');
  const ref = refs[0];
  if (ref.name === undefined) throw new KubectlError('required resource not specified');
  return { resource: ref.resource, name: ref.name };
}

export function runRollout(sub: string): (ctx: RunContext) => Promise<number> {
  return async (ctx) => {
    const { env, io, flags } = ctx;
    const t = oneTarget(ctx);
    const base = { resource: t.resource, namespace: ctx.namespace, name: t.name };
    const fn = await helper(`rollout${sub[0].toUpperCase()}${sub.slice(1)}`, `rollout ${sub}`);
    switch (sub) {
      case 'status':
        return fn(env, io, {
          ...base,
          watch: flags.string('watch') !== 'false',
          timeoutSeconds: durationSeconds(flags.string('timeout')),
          revision: flags.int('revision') || undefined,
        });
      case 'history': {
        const output = flags.string('output');
        return fn(env, io, {
          ...base,
          revision: flags.int('revision') || undefined,
          output: output || undefined,
          printObjects: (objects: KubeObject[]) => formatObjects(parseOutput(output, false), objects, false),
        });
      }
      case 'undo':
        return fn(env, io, {
          ...base,
          toRevision: flags.int('to-revision') || undefined,
          dryRun: dryRunOf(flags),
        });
      default:
        return fn(env, io, base);
    }
  };
}

export async function runRollingUpdate(ctx: RunContext): Promise<number> {
  const fn = await helper('rollingUpdate', 'rolling-update');
  const { env, io, flags } = ctx;
  const [oldName, newName] = flags.args;
  const files = flags.list('filename');
  let manifest: KubeObject | undefined;
  if (files.length) {
    const infos = await readManifests(io, {
      paths: files,
      namespace: ctx.namespace,
      enforceNamespace: ctx.namespaceSet,
      validate: false,
    });
    manifest = infos[0]?.object as KubeObject | undefined;
  }
  return fn(env, io, {
    namespace: ctx.namespace,
    oldName: oldName ?? '',
    newName,
    image: flags.string('image') || undefined,
    manifest,
    filename: files[0],
    updatePeriodSeconds: durationSeconds(flags.string('update-period')) ?? 60,
    pollIntervalSeconds: durationSeconds(flags.string('poll-interval')) ?? 3,
    timeoutSeconds: durationSeconds(flags.string('timeout')) ?? 300,
    deploymentKey: flags.string('deployment-label-key'),
    containerName: flags.string('container') || undefined,
    imagePullPolicy: flags.string('image-pull-policy') || undefined,
    rollback: flags.bool('rollback'),
    dryRun: dryRunOf(flags) !== 'none',
  });
}

export async function runLogs(ctx: RunContext): Promise<number> {
  const { env, io, flags } = ctx;
  if (flags.args.length === 0 && !flags.string('selector')) {
    throw usageError(
      ctx.path,
      "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command",
    );
  }
  const fn = await helper('logsCommand', 'logs', 'ops');
  return fn(env, io, {
    namespace: ctx.namespace,
    args: flags.args,
    container: flags.string('container') || undefined,
    follow: flags.bool('follow'),
    previous: flags.bool('previous'),
    tail: flags.changed('tail') ? flags.int('tail') : undefined,
    selector: flags.string('selector') || undefined,
    timestamps: flags.bool('timestamps'),
  });
}

export async function runExec(ctx: RunContext): Promise<number> {
  const { env, io, flags } = ctx;
  if (flags.args.length === 0 || flags.argsLenAtDash === 0) {
    throw new KubectlError('pod, type/name or --filename must be specified');
  }
  const fn = await helper('execCommand', 'exec', 'ops');
  return fn(env, io, {
    namespace: ctx.namespace,
    args: flags.args,
    argsLenAtDash: flags.argsLenAtDash,
    container: flags.string('container') || undefined,
    stdin: flags.bool('stdin'),
    tty: flags.bool('tty'),
  });
}

export async function runEdit(ctx: RunContext): Promise<number> {
  const { env, io, flags } = ctx;
  if (flags.args.length === 0 && flags.list('filename').length === 0) {
    io.stderr.write(NO_RESOURCES);
    return 1;
  }
  const fn = await helper('editObjects', 'edit', 'ops');
  const refs = parseResourceArgs(flags.args);
  return fn(env, io, {
    namespace: ctx.namespace,
    refs,
    output: flags.string('output') === 'json' ? 'json' : 'yaml',
    validate: flags.string('validate') || 'strict',
    windowsLineEndings: flags.bool('windows-line-endings'),
    toYaml,
  });
}
