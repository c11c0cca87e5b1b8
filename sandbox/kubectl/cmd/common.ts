/** Pieces the write commands share: --dry-run, --validate, --record, warnings, success lines. */
import type { FieldValidation, WriteOptions } from '../../api/request';
import type { KubeObject, KubeObjectInput } from '../../api/types';
import type { RunContext } from '../commands/types';
import { KubectlError } from '../errors';
import type { Flags } from '../flags';
import { readManifests, type ManifestInfo } from '../manifests';

export type DryRun = 'none' | 'client' | 'server';

export function dryRunOf(flags: Flags): DryRun {
  const v = flags.string('dry-run') || 'none';
  if (v === 'none' || v === 'client' || v === 'server') return v;
  if (v === 'unchanged' || v === 'true') return 'client';
  if (v === 'false') return 'none';
  throw new KubectlError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}

export function fieldValidationOf(flags: Flags): FieldValidation {
  const v = flags.string('validate') || 'strict';
  if (v === 'strict' || v === 'true') return 'Strict';
  if (v === 'warn') return 'Warn';
  if (v === 'ignore' || v === 'false') return 'Ignore';
  throw new KubectlError(
    `invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`,
  );
}

/** The `kubernetes.io/change-cause` text `--record` writes (§5.3.2). */
export function changeCause(ctx: RunContext): string {
  const parts = ['kubectl', ...ctx.path, ...ctx.flags.args];
  const seen = new Set<string>();
  for (const f of ctx.flags.typed) {
    if (seen.has(f.name)) continue;
    seen.add(f.name);
    // A flag given twice shows its final value once (slices: every item, comma-joined).
    const all = ctx.flags.list(f.name);
    const value = all.length > 1 ? all.join(',') : ctx.flags.string(f.name);
    parts.push(`--${f.name}=${value}`);
  }
  return parts.join(' ');
}

export function recordInto(ctx: RunContext, obj: KubeObjectInput | KubeObject): void {
  if (!ctx.flags.bool('record')) return;
  obj.metadata = obj.metadata ?? {};
  obj.metadata.annotations = {
    ...(obj.metadata.annotations ?? {}),
    'kubernetes.io/change-cause': changeCause(ctx),
  };
}

/** WriteOptions with a warnings sink; call `flushWarnings` after the request. */
export function writeOptions(
  ctx: RunContext,
  manager: string,
  extra: Partial<WriteOptions> = {},
): WriteOptions & { warnings: string[] } {
  return { fieldManager: manager, warnings: [], ...extra };
}

export function flushWarnings(ctx: RunContext, opts: { warnings?: string[] }): void {
  for (const w of opts.warnings ?? []) ctx.io.stderr.write(`Warning: ${w}\n`);
  if (opts.warnings) opts.warnings.length = 0;
}

export function deepCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/**
 * The manifests of `-f` for create/apply/replace/diff: `-f` is required, validation follows
 * `--validate`; `verb` names the command in kubectl's "no objects passed to <verb>" (create and
 * apply say it; replace and diff quietly do nothing).
 */
export async function manifestsOf(ctx: RunContext, verb?: string): Promise<ManifestInfo[]> {
  const files = ctx.flags.list('filename');
  if (files.length === 0) throw new KubectlError('must specify one of -f and -k');
  const infos = await readManifests(ctx.io, {
    paths: files,
    namespace: ctx.namespace,
    enforceNamespace: ctx.namespaceSet,
    validate: fieldValidationOf(ctx.flags) !== 'Ignore',
  });
  if (infos.length === 0 && verb) throw new KubectlError(`no objects passed to ${verb}`);
  return infos;
}
