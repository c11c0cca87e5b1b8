/** `kubectl create -f` (§5.2) and the `create namespace|deployment|configmap` generators. */
import type { KubeObject, KubeObjectInput } from '../../api/types';
import { apiVersionOf, resourceForKind } from '../../api/resources';
import type { RunContext } from '../commands/types';
import { KubectlError, printError, printErrors, usageError, withSource } from '../errors';
import { formatObjects, parseOutput } from '../printers/output';
import { objectName } from '../resolve';
import { compactJson } from '../printers/json';
import {
  deepCopy,
  dryRunOf,
  dryRunSuffix,
  fieldValidationOf,
  flushWarnings,
  recordInto,
  writeOptions,
  manifestsOf,
} from './common';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export function setLastApplied(obj: KubeObjectInput, source: KubeObjectInput): void {
  obj.metadata = obj.metadata ?? {};
  obj.metadata.annotations = {
    ...(obj.metadata.annotations ?? {}),
    [LAST_APPLIED]: `${compactJson(source)}\n`,
  };
}

/** POST one object and print the result line (or the object with -o). */
export function createAndPrint(
  ctx: RunContext,
  input: KubeObjectInput,
  namespace: string | undefined,
  verb: string,
  manager: string,
  source = '',
  clientView?: KubeObjectInput,
  errors?: unknown[],
): boolean {
  const dry = dryRunOf(ctx.flags);
  const output = ctx.flags.string('output');
  const format = output ? parseOutput(output, false) : undefined;
  const opts = writeOptions(ctx, manager, {
    namespace,
    dryRun: dry === 'server',
    fieldValidation: fieldValidationOf(ctx.flags),
  });
  try {
    let created: KubeObject;
    if (dry === 'client') {
      created = (clientView ?? input) as KubeObject;
    } else {
      created = ctx.env.api.create(input, opts);
    }
    flushWarnings(ctx, opts);
    const r = resourceForKind(created.apiVersion, created.kind);
    if (format) {
      ctx.io.stdout.write(formatObjects(format, [created], true));
    } else {
      ctx.io.stdout.write(`${objectName(r!, created.metadata.name ?? '')} ${verb}${dryRunSuffix(dry)}\n`);
    }
    return true;
  } catch (e) {
    flushWarnings(ctx, opts);
    const err = withSource(e, 'creating', source);
    if (errors) errors.push(err);
    else printError(ctx.io.stderr, err);
    return false;
  }
}

export async function runCreate(ctx: RunContext): Promise<number> {
  if (ctx.flags.args.length) throw usageError(ctx.path, `Unexpected args: [${ctx.flags.args.join(' ')}]`);
  const infos = await manifestsOf(ctx, 'create');
  const errors: unknown[] = [];
  for (const info of infos) {
    const obj = deepCopy(info.object);
    if (info.resource.namespaced) obj.metadata = { ...obj.metadata, namespace: info.namespace };
    recordInto(ctx, obj);
    if (ctx.flags.bool('save-config')) setLastApplied(obj, deepCopy(obj));
    createAndPrint(
      ctx,
      obj,
      info.namespace || undefined,
      'created',
      'kubectl-create',
      info.source,
      undefined,
      errors,
    );
  }
  printErrors(ctx.io.stderr, errors);
  return errors.length ? 1 : 0;
}

/**
 * What a generator's object looks like when printed by `--dry-run=client -o yaml`: the typed Go
 * struct's zero values (`creationTimestamp: null`, empty status) show up.
 */
export function clientView(obj: KubeObjectInput, status?: object): KubeObjectInput {
  const view = deepCopy(obj);
  view.metadata = { ...view.metadata, creationTimestamp: null as unknown as string };
  const tmpl = (view.spec as { template?: { metadata?: Record<string, unknown> } } | undefined)?.template;
  if (tmpl) tmpl.metadata = { creationTimestamp: null, ...tmpl.metadata };
  if (status) view.status = status;
  return view;
}

export function generated(
  ctx: RunContext,
  kind: string,
  apiVersion: string,
  name: string,
  extra: KubeObjectInput,
  status?: object,
): number {
  const r = resourceForKind(apiVersion, kind)!;
  const obj: KubeObjectInput = {
    apiVersion: apiVersionOf(r),
    kind,
    ...extra,
    metadata: { name, ...extra.metadata },
  };
  recordInto(ctx, obj);
  const ns = r.namespaced ? ctx.namespace : undefined;
  return createAndPrint(ctx, obj, ns, 'created', 'kubectl-create', '', clientView(obj, status)) ? 0 : 1;
}

export async function runCreateNamespace(ctx: RunContext): Promise<number> {
  const [name] = ctx.flags.args;
  if (!name)
    throw new KubectlError(
      "exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples",
    );
  return generated(ctx, 'Namespace', 'v1', name, { spec: {} }, {});
}

export async function runCreateDeployment(ctx: RunContext): Promise<number> {
  // cobra checks the required --image before the command body checks NAME.
  if (ctx.flags.list('image').length === 0) throw new KubectlError('required flag(s) "image" not set');
  const [name] = ctx.flags.args;
  if (!name)
    throw new KubectlError(
      "exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples",
    );
  const images = ctx.flags.list('image');
  if (images.length === 0) throw new KubectlError('required flag(s) "image" not set');
  const port = ctx.flags.int('port');
  const containers = images.map((image) => {
    const base = image.split('/').pop()!.split(':')[0].split('@')[0];
    return {
      name: base,
      image,
      resources: {},
      ...(port > 0 ? { ports: [{ containerPort: port }] } : {}),
    };
  });
  const labels = { app: name };
  return generated(
    ctx,
    'Deployment',
    'apps/v1',
    name,
    {
      metadata: { labels },
      spec: {
        replicas: ctx.flags.int('replicas'),
        selector: { matchLabels: labels },
        strategy: {},
        template: { metadata: { labels }, spec: { containers } },
      },
    },
    {},
  );
}

export async function runCreateConfigMap(ctx: RunContext): Promise<number> {
  const [name] = ctx.flags.args;
  if (!name)
    throw new KubectlError(
      "exactly one NAME is required, got 0\nSee 'kubectl create configmap -h' for help and examples",
    );
  const data: Record<string, string> = {};
  for (const lit of ctx.flags.list('from-literal')) {
    const eq = lit.indexOf('=');
    if (eq <= 0) throw new KubectlError(`invalid literal source ${lit}, expected key=value`);
    data[lit.slice(0, eq)] = lit.slice(eq + 1);
  }
  for (const f of ctx.flags.list('from-file')) {
    const eq = f.indexOf('=');
    const key = eq > 0 ? f.slice(0, eq) : f.split('/').pop()!;
    const path = eq > 0 ? f.slice(eq + 1) : f;
    const abs = ctx.io.fs.resolve(ctx.io.cwd, path);
    if (!ctx.io.fs.exists(abs)) throw new KubectlError(`error reading ${path}: no such file or directory`);
    data[key] = ctx.io.fs.readFile(abs);
  }
  return generated(ctx, 'ConfigMap', 'v1', name, Object.keys(data).length ? { data } : {});
}
