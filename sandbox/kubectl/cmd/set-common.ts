/**
 * What the `kubectl set` commands share (set_image.go, set_env.go, set_selector.go): fetch every
 * named object first (any failure stops before changing anything), compute a two-way strategic
 * merge patch from the live object to the changed copy, send it as manager kubectl-set, and print
 * `<kind.group>/<name> <verb>` (or the object with -o).
 */
import type { JsonObject, KubeObject } from '../../api/types';
import { apiVersionOf } from '../../api/resources';
import { createTwoWayMergePatch } from '../../api/patch';
import { kindSchema, typeSchema } from '../../api/schema';
import type { RunContext } from '../commands/types';
import { KubectlError, printError } from '../errors';
import { objectName, parseResourceArgs, type ResourceRef } from '../resolve';
import { formatObjects, parseOutput } from '../printers/output';
import { changeCause, dryRunOf, dryRunSuffix } from './common';

export interface Container {
  name: string;
  image?: string;
  env?: EnvVar[];
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: Record<string, { name?: string; key?: string; fieldPath?: string; resource?: string }>;
}

export interface Target {
  ref: ResourceRef;
  live: KubeObject;
}

/** A pod's containers, or a pod template's; undefined for objects without one. */
export function containersOf(obj: KubeObject): Container[] | undefined {
  const spec = obj.spec as { containers?: Container[]; template?: { spec?: { containers?: Container[] } } };
  if (obj.kind === 'Pod') return spec?.containers;
  return spec?.template?.spec?.containers;
}

export const NO_RESOURCES =
  'one or more resources must be specified as <resource> <name> or <resource>/<name>';

/** The objects the resource words name (`-l`/`--all` for whole types). Prints fetch errors; undefined then. */
export function fetchTargets(ctx: RunContext, words: readonly string[]): Target[] | undefined {
  const { env, io, flags } = ctx;
  const refs = parseResourceArgs(words);
  if (refs.length === 0) throw new KubectlError(NO_RESOURCES);
  const targets: Target[] = [];
  const errors: unknown[] = [];
  for (const ref of refs) {
    const ns = ref.resource.namespaced ? ctx.namespace : undefined;
    if (ref.name === undefined) {
      const items = env.api.list(ref.resource.plural, ns, {
        labelSelector: flags.string('selector') || undefined,
      }).items;
      for (const live of items) targets.push({ ref, live });
      continue;
    }
    try {
      targets.push({ ref, live: env.api.get(ref.resource.plural, ns, ref.name) });
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) {
    for (const e of errors) printError(io.stderr, e);
    return undefined;
  }
  return targets;
}

/**
 * Patch `live` into `modified` and print the result line. Returns false when nothing changed
 * (kubectl then prints nothing for that object).
 */
export function patchAndPrint(ctx: RunContext, target: Target, modified: KubeObject, verb: string): boolean {
  const { env, io, flags } = ctx;
  const { ref, live } = target;
  const name = live.metadata.name ?? '';
  if (flags.bool('record')) {
    modified.metadata.annotations = {
      ...modified.metadata.annotations,
      'kubernetes.io/change-cause': changeCause(ctx),
    };
  }
  const typeName = kindSchema(apiVersionOf(ref.resource), ref.resource.kind)?.type;
  const patch = createTwoWayMergePatch(
    live as unknown as JsonObject,
    modified as unknown as JsonObject,
    typeName,
    typeSchema,
  );
  if (Object.keys(patch).length === 0) return false;
  const dry = dryRunOf(flags);
  const output = flags.string('output');
  const format = output ? parseOutput(output, false) : undefined;
  const out =
    dry === 'client'
      ? modified
      : env.api.patch(ref.resource.plural, live.metadata.namespace, name, patch, 'strategic', {
          fieldManager: flags.string('field-manager') || 'kubectl-set',
          dryRun: dry === 'server',
          fieldValidation: 'Warn',
        });
  io.stdout.write(
    format
      ? formatObjects(format, [out], true)
      : `${objectName(ref.resource, name)} ${verb}${dryRunSuffix(dry)}\n`,
  );
  return true;
}
