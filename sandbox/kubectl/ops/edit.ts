/**
 * `kubectl edit`: write the objects to a temp file, open the editor, and patch what changed
 * (strategic two-way merge patch, field manager kubectl-edit, strict field validation). Invalid
 * input re-opens the editor with the errors in the header, as kubectl's edit loop does.
 */
import type { KubeObject, JsonObject } from '../../api/types';
import type { ResourceInfo } from '../../api/resources';
import { isStatusError } from '../../api/errors';
import {
  createTwoWayMergePatch,
  deepEqual,
  PreconditionFailedError,
  requireKeyUnchanged,
  requireMetadataKeyUnchanged,
} from '../../api/patch';
import { kindSchema, typeSchema } from '../../api/schema';
import type { CommandIO } from '../../shell/types';
import type { KubectlEnv } from '../env';
import { fail } from '../rollout/errors';
import { toJson } from '../printers/json';
import { toYaml as defaultToYaml } from '../printers/yaml';
import { parseYaml } from './yaml';
import {
  type Reason,
  hasLines,
  headerText,
  manualStrip,
  removeFile,
  stripManagedFields,
  stripped,
  tempPath,
  writeFile,
} from './edit-file';

export interface EditOptions {
  resource?: ResourceInfo;
  namespace?: string;
  names?: readonly string[];
  /** The objects as fetched (GET) by the command. */
  objects?: KubeObject[];
  /** Alternatively the parsed `TYPE NAME...` arguments: the objects are fetched here. */
  refs?: ReadonlyArray<{ resource: ResourceInfo; name?: string }>;
  /** `--validate` (strict by default). */
  validate?: string;
  output?: 'yaml' | 'json';
  windowsLineEndings?: boolean;
  /** The shared `-o yaml` printer, when available. */
  toYaml?: (obj: unknown) => string;
}

/** The objects and their resource, from `objects` or by fetching `refs`. */
function targets(env: KubectlEnv, opts: EditOptions): { resource: ResourceInfo; objects: KubeObject[] } {
  if (opts.objects && opts.resource) return { resource: opts.resource, objects: opts.objects };
  const refs = opts.refs ?? [];
  if (refs.length === 0) throw new Error('edit cancelled, no objects found');
  const ns = opts.namespace || env.namespace;
  const objects: KubeObject[] = [];
  for (const r of refs) {
    if (r.name !== undefined) objects.push(env.api.get(r.resource.plural, ns, r.name));
    else objects.push(...env.api.list(r.resource.plural, r.resource.namespaced ? ns : undefined).items);
  }
  return { resource: refs[0].resource, objects };
}

export async function editObjects(env: KubectlEnv, io: CommandIO, options: EditOptions): Promise<number> {
  let found: { resource: ResourceInfo; objects: KubeObject[] };
  try {
    found = targets(env, options);
  } catch (e) {
    return fail(io, e);
  }
  const opts = { ...options, ...found };
  const editor = env.editor;
  const editorName = io.env.KUBE_EDITOR || io.env.EDITOR || 'vi';
  if (!editor) return fail(io, `there was a problem with the editor ${JSON.stringify(editorName)}`);
  if (opts.objects.length === 0) return fail(io, 'edit cancelled, no objects found');
  const lax = opts.validate === 'false' || opts.validate === 'ignore';
  const json = opts.output === 'json';
  const ext = json ? '.json' : '.yaml';
  const render = json ? toJson : (opts.toYaml ?? defaultToYaml);
  const res = opts.resource.group ? `${opts.resource.plural}.${opts.resource.group}` : opts.resource.plural;
  const originals = opts.objects.map(stripManagedFields);
  const originalObj: unknown =
    originals.length === 1
      ? originals[0]
      : { apiVersion: 'v1', items: originals, kind: 'List', metadata: {} };
  const crlf = (s: string): string => (opts.windowsLineEndings ? s.replace(/\r?\n/g, '\r\n') : s);

  let reasons: Reason[] = [];
  let containsError = false;
  let original = '';
  let edited = '';
  for (;;) {
    let buf = json ? '' : headerText(reasons);
    if (!containsError) {
      buf += render(originalObj);
      original = crlf(buf);
    } else {
      buf += manualStrip(edited);
    }
    buf = crlf(buf);
    const previous = edited;
    const file = tempPath(env, ext);
    writeFile(io, file, buf);
    const saved = await editor.edit(file, buf);
    edited = saved ?? buf;
    writeFile(io, file, edited);
    if (containsError && stripped(previous) === stripped(edited)) {
      io.stderr.write(`A copy of your changes has been stored to ${JSON.stringify(file)}\n`);
      return fail(io, 'Edit cancelled, no valid changes were saved.');
    }
    const first = opts.objects[0].metadata.name ?? '';
    if (lax && !hasLines(edited)) {
      removeFile(io, file);
      io.stderr.write('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    let parsed: unknown;
    try {
      if (!hasLines(edited)) throw new Error("Object 'Kind' is missing in 'null'");
      parsed = parseYaml(edited.replace(/\r\n/g, '\n'));
      if (parsed === null || typeof parsed !== 'object')
        throw new Error(`Object 'Kind' is missing in '${JSON.stringify(parsed)}'`);
    } catch (e) {
      containsError = true;
      const msg = e instanceof Error ? e.message : String(e);
      reasons = [
        {
          head: `${res} ${JSON.stringify(first)} was not valid`,
          other: [`<nil>: Invalid value: "The edited file failed validation": ${msg}`],
        },
      ];
      io.stderr.write(`error: ${res} ${JSON.stringify(first)} is invalid\n`);
      continue;
    }
    if (stripped(original) === stripped(edited)) {
      removeFile(io, file);
      io.stderr.write('Edit cancelled, no changes made.\n');
      return 0;
    }
    const doc = parsed as { kind?: string; items?: unknown[] };
    const updated = (doc.kind === 'List' && Array.isArray(doc.items) ? doc.items : [doc]) as KubeObject[];
    let outcome: Outcome;
    try {
      outcome = patchAll(env, io, opts, res, originals, updated);
    } catch (e) {
      io.stderr.write(`A copy of your changes has been stored to ${JSON.stringify(file)}\n`);
      return fail(io, e);
    }
    if (outcome.retryable > 0) {
      io.stderr.write(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`);
      return 1;
    }
    if (outcome.notfound > 0) {
      io.stderr.write(`The edits you made on deleted resources have been saved to ${JSON.stringify(file)}\n`);
      return 1;
    }
    if (outcome.reasons.length === 0) {
      removeFile(io, file);
      return 0;
    }
    reasons = outcome.reasons;
    containsError = true;
  }
}

interface Outcome {
  reasons: Reason[];
  retryable: number;
  notfound: number;
}

function patchAll(
  env: KubectlEnv,
  io: CommandIO,
  opts: EditOptions & { resource: ResourceInfo },
  res: string,
  originals: KubeObject[],
  updated: KubeObject[],
): Outcome {
  const out: Outcome = { reasons: [], retryable: 0, notfound: 0 };
  const printName = (name: string): string =>
    `${opts.resource.kind.toLowerCase()}${opts.resource.group ? `.${opts.resource.group}` : ''}/${name}`;
  for (const obj of updated) {
    const uid = obj?.metadata?.uid;
    const orig = originals.find((o) => o.metadata.uid === uid);
    if (!orig) throw new Error(`no original object found for ${JSON.stringify(obj)}`);
    const name = orig.metadata.name ?? '';
    if (deepEqual(orig as unknown as JsonObject, obj as unknown as JsonObject)) {
      io.stdout.write(`${printName(name)} skipped\n`);
      continue;
    }
    let patch: JsonObject;
    try {
      patch = createTwoWayMergePatch(
        orig as unknown as JsonObject,
        obj as unknown as JsonObject,
        kindSchema(orig.apiVersion, orig.kind)?.type,
        typeSchema,
        [
          requireKeyUnchanged('apiVersion'),
          requireKeyUnchanged('kind'),
          requireMetadataKeyUnchanged('name'),
          requireKeyUnchanged('managedFields'),
        ],
      );
    } catch (e) {
      if (e instanceof PreconditionFailedError)
        throw new Error('At least one of apiVersion, kind and name was changed', { cause: e });
      throw e;
    }
    try {
      env.api.patch(opts.resource.plural, orig.metadata.namespace, name, patch, 'strategic', {
        fieldManager: 'kubectl-edit',
        fieldValidation: 'Strict',
      });
      io.stdout.write(`${printName(name)} edited\n`);
    } catch (e) {
      const q = `${res} ${JSON.stringify(name)}`;
      if (isStatusError(e) && e.reason === 'Invalid') {
        const causes = e.status.details?.causes ?? [];
        out.reasons.push({
          head: `${q} was not valid`,
          other: causes.map((c) => `${c.field}: ${c.message}`),
        });
        io.stderr.write(`error: ${q} is invalid\n`);
      } else if (isStatusError(e) && e.code === 404) {
        out.notfound++;
        io.stderr.write(`error: ${q} could not be found on the server\n`);
      } else {
        out.retryable++;
        const msg = isStatusError(e) ? (e.status.message ?? '') : e instanceof Error ? e.message : String(e);
        io.stderr.write(`error: ${q} could not be patched: ${msg}\n`);
      }
    }
  }
  return out;
}
