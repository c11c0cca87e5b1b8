/** `kubectl apply -f` (§5.3): client-side apply with the last-applied annotation. */
import type { JsonObject, KubeObject, KubeObjectInput } from '../../api/types';
import { StatusError } from '../../api/errors';
import { apiVersionOf } from '../../api/resources';
import { createThreeWayMergePatch } from '../../api/patch';
import { kindSchema, typeSchema } from '../../api/schema';
import type { RunContext } from '../commands/types';
import { KubectlError, isNotFound, printErrors } from '../errors';
import type { ManifestInfo } from '../manifests';
import { formatObjects, parseOutput } from '../printers/output';
import { compactJson } from '../printers/json';
import { objectName } from '../resolve';
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
import { LAST_APPLIED, createAndPrint, setLastApplied } from './create';

const MANAGER = 'kubectl-client-side-apply';

/** The manifest as last-applied stores it: namespace filled in, `annotations: {}` kept, no last-applied. */
function modifiedOf(ctx: RunContext, info: ManifestInfo): KubeObjectInput {
  const obj = deepCopy(info.object);
  obj.metadata = { ...obj.metadata };
  if (info.resource.namespaced) obj.metadata.namespace = info.namespace;
  recordInto(ctx, obj);
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  obj.metadata.annotations = annotations;
  return obj;
}

/**
 * The strategic merge patch client-side apply sends: three-way between the last-applied
 * configuration, the manifest (with its new last-applied annotation) and the live object.
 */
export function applyPatch(ctx: RunContext, info: ManifestInfo, live: KubeObject): JsonObject {
  const modified = modifiedOf(ctx, info);
  const withAnnotation = deepCopy(modified);
  setLastApplied(withAnnotation, modified);
  const lastText = live.metadata.annotations?.[LAST_APPLIED];
  const original = lastText ? (JSON.parse(lastText) as JsonObject) : {};
  const typeName = kindSchema(apiVersionOf(info.resource), info.resource.kind)?.type;
  return createThreeWayMergePatch(
    original,
    withAnnotation as unknown as JsonObject,
    live as unknown as JsonObject,
    typeName,
    typeSchema,
    true,
  );
}

/** What `kubectl create` would send for a manifest applied for the first time. */
export function applyCreateBody(ctx: RunContext, info: ManifestInfo): KubeObjectInput {
  const modified = modifiedOf(ctx, info);
  const toCreate = deepCopy(modified);
  setLastApplied(toCreate, modified);
  return toCreate;
}

function applyOne(ctx: RunContext, info: ManifestInfo, errors: unknown[]): boolean {
  const { env, io, flags } = ctx;
  const dry = dryRunOf(flags);
  const output = flags.string('output');
  const format = output ? parseOutput(output, false) : undefined;
  const ns = info.resource.namespaced ? info.namespace : undefined;
  let live: KubeObject;
  try {
    live = env.api.get(info.resource.plural, ns, info.name);
  } catch (e) {
    if (!isNotFound(e)) {
      errors.push(e);
      return false;
    }
    return createAndPrint(
      ctx,
      applyCreateBody(ctx, info),
      ns,
      'created',
      MANAGER,
      info.source,
      undefined,
      errors,
    );
  }
  if (live.metadata.annotations?.[LAST_APPLIED] === undefined) {
    io.stderr.write(
      `Warning: resource ${info.resource.plural}/${info.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  const patch = applyPatch(ctx, info, live);
  const name = objectName(info.resource, info.name);
  const print = (obj: KubeObject, verb: string): void => {
    if (format) io.stdout.write(formatObjects(format, [obj], true));
    else io.stdout.write(`${name} ${verb}${dryRunSuffix(dry)}\n`);
  };
  if (Object.keys(patch).length === 0) {
    print(live, dry === 'client' ? 'configured' : 'unchanged');
    return true;
  }
  if (dry === 'client') {
    print(live, 'configured');
    return true;
  }
  const opts = writeOptions(ctx, MANAGER, {
    dryRun: dry === 'server',
    fieldValidation: fieldValidationOf(flags),
  });
  try {
    const out = env.api.patch(info.resource.plural, ns, info.name, patch, 'strategic', opts);
    flushWarnings(ctx, opts);
    print(out, 'configured');
    return true;
  } catch (e) {
    flushWarnings(ctx, opts);
    if (e instanceof StatusError && e.status.reason !== 'Invalid') {
      const message =
        `error when applying patch:\n${compactJson(patch)}\nto:\n` +
        `Resource: "${apiVersionOf(info.resource)}, Resource=${info.resource.plural}", GroupVersionKind: "${apiVersionOf(info.resource)}, Kind=${info.resource.kind}"\n` +
        `Name: "${info.name}", Namespace: "${ns ?? ''}"\n` +
        `for: "${info.source}": error when patching "${info.source}": ${e.status.message ?? ''}`;
      errors.push(new StatusError({ ...e.status, message }));
    } else errors.push(e);
    return false;
  }
}

/** What kubectl adds to a server-side apply conflict (apply.go's fieldManagerConflictErr). */
export const FIELD_MANAGER_CONFLICT_HELP = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

/**
 * `--server-side`: one apply PATCH of the manifest as it is (field manager `kubectl` unless
 * `--field-manager`), creating the object when it does not exist; kubectl prints
 * `serverside-applied` whether or not anything changed.
 */
function serverSide(ctx: RunContext, info: ManifestInfo, errors: unknown[]): boolean {
  const { flags, io } = ctx;
  const dry = dryRunOf(flags);
  const output = flags.string('output');
  const format = output ? parseOutput(output, false) : undefined;
  const ns = info.resource.namespaced ? info.namespace : undefined;
  const body = deepCopy(info.object);
  if (ns) body.metadata = { ...body.metadata, namespace: ns };
  const manager = flags.changed('field-manager') ? flags.string('field-manager') : 'kubectl';
  const opts = writeOptions(ctx, manager, {
    fieldValidation: fieldValidationOf(flags),
    dryRun: dry === 'server',
    force: flags.bool('force-conflicts'),
  });
  try {
    const out = ctx.env.api.patch(info.resource.plural, ns, info.name, body, 'apply', opts);
    flushWarnings(ctx, opts);
    if (format) io.stdout.write(formatObjects(format, [out], true));
    else io.stdout.write(`${objectName(info.resource, info.name)} serverside-applied${dryRunSuffix(dry)}\n`);
    return true;
  } catch (e) {
    flushWarnings(ctx, opts);
    if (e instanceof StatusError && e.code === 409 && e.status.details?.causes?.length) {
      errors.push(new KubectlError(`${e.status.message ?? ''}\n${FIELD_MANAGER_CONFLICT_HELP}`));
    } else errors.push(e);
    return false;
  }
}

export async function runApply(ctx: RunContext): Promise<number> {
  const serverSideApply = ctx.flags.bool('server-side');
  if (serverSideApply && dryRunOf(ctx.flags) === 'client') {
    throw new KubectlError(
      "--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)",
    );
  }
  if (!serverSideApply && ctx.flags.bool('force-conflicts')) {
    throw new KubectlError('--force-conflicts only works with --server-side');
  }
  const infos = await manifestsOf(ctx, 'apply');
  const errors: unknown[] = [];
  for (const info of infos) {
    if (ctx.flags.bool('server-side')) serverSide(ctx, info, errors);
    else applyOne(ctx, info, errors);
  }
  printErrors(ctx.io.stderr, errors);
  return errors.length ? 1 : 0;
}
