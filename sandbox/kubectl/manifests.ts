/** `-f FILE|DIR|-`: read manifests (YAML multi-document or JSON) into objects with their source. */
import { parseAllDocuments, type Tags, type YAMLError } from 'yaml';
import type { CommandIO } from '../shell/types';
import type { KubeObjectInput } from '../api/types';
import { resourceForKind, type ResourceInfo } from '../api/resources';
import { KubectlError } from './errors';

export interface ManifestInfo {
  /** The file name as the user typed it (`STDIN` for `-`). */
  source: string;
  object: KubeObjectInput;
  resource: ResourceInfo;
  name: string;
  /** The namespace the object goes to (manifest, else -n, else the context). */
  namespace: string;
}

async function readSources(
  io: CommandIO,
  paths: readonly string[],
): Promise<Array<{ source: string; text: string }>> {
  const out: Array<{ source: string; text: string }> = [];
  for (const p of paths) {
    if (p === '-') {
      out.push({ source: 'STDIN', text: await io.stdin.readAll() });
      continue;
    }
    const abs = io.fs.resolve(io.cwd, p);
    if (!io.fs.exists(abs)) throw new KubectlError(`the path "${p}" does not exist`);
    if (io.fs.isDirectory(abs)) {
      for (const entry of io.fs.readdir(abs)) {
        if (!/\.(ya?ml|json)$/.test(entry)) continue;
        const full = `${abs.replace(/\/$/, '')}/${entry}`;
        if (io.fs.isDirectory(full)) continue;
        out.push({ source: `${p.replace(/\/$/, '')}/${entry}`, text: io.fs.readFile(full) });
      }
      continue;
    }
    out.push({ source: p, text: io.fs.readFile(abs) });
  }
  return out;
}

/**
 * YAML 1.1 like go-yaml v2 (`yes` is a boolean, `0755` octal), but timestamps stay strings as
 * go-yaml leaves them when decoding into interface{}.
 */
export const YAML_OPTIONS = {
  version: '1.1' as const,
  uniqueKeys: false,
  customTags: (tags: Tags): Tags =>
    tags.filter((t) => typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:timestamp'),
};

/** Split at `---` lines like the apimachinery YAML reader. */
function splitDocuments(text: string): string[] {
  const docs: string[] = [];
  let cur: string[] = [];
  for (const line of text.split('\n')) {
    if (/^---\s*$/.test(line) || /^--- /.test(line)) {
      docs.push(cur.join('\n'));
      cur = [];
      continue;
    }
    cur.push(line);
  }
  docs.push(cur.join('\n'));
  return docs;
}

/**
 * go-yaml v2's wording for the common mistakes. Scanner errors report 1-based lines; parser errors
 * (a key at the wrong indentation) report the 0-based line, one less.
 */
function goYamlMessage(e: YAMLError): string {
  const line = e.linePos?.[0]?.line ?? 1;
  switch (e.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `yaml: line ${line}: mapping values are not allowed in this context`;
    case 'TAB_AS_INDENT':
      return `yaml: line ${line}: found character that cannot start any token`;
    case 'MISSING_CHAR':
      return /quote/.test(e.message)
        ? `yaml: line ${line}: found unexpected end of stream`
        : `yaml: line ${line}: did not find expected node content`;
    case 'UNEXPECTED_TOKEN':
      // `ports: - port: 80`: a `-` right after a key's colon is a scanner error in go-yaml.
      if (/block-seq-ind on same line/.test(e.message))
        return `yaml: ${line > 1 ? `line ${line}: ` : ''}block sequence entries are not allowed in this context`;
      return `yaml: line ${line}: did not find expected key`;
    case 'BAD_INDENT':
      return /Flow sequence/.test(e.message)
        ? `yaml: line ${line - 1}: did not find expected ',' or ']'`
        : `yaml: line ${line - 1}: did not find expected key`;
    default:
      return `yaml: line ${line}: did not find expected key`;
  }
}

function parseDocuments(source: string, text: string): KubeObjectInput[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const v = JSON.parse(text) as unknown;
      return Array.isArray(v) ? (v as KubeObjectInput[]) : [v as KubeObjectInput];
    } catch {
      // fall through to YAML, which reports the error
    }
  }
  const out: KubeObjectInput[] = [];
  for (const doc of splitDocuments(text)) {
    if (!doc.trim()) continue;
    const parsed = parseAllDocuments(doc, YAML_OPTIONS);
    const docs = Array.isArray(parsed) ? parsed : [parsed];
    for (const d of docs) {
      if (d.errors.length) {
        throw new KubectlError(
          `error parsing ${source}: error converting YAML to JSON: ${goYamlMessage(d.errors[0])}`,
        );
      }
      const v = d.toJS() as unknown;
      if (v === null || v === undefined) continue;
      if (typeof v !== 'object' || Array.isArray(v)) {
        throw new KubectlError(
          `error parsing ${source}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : 'number'} into Go value of type map[string]interface {}`,
        );
      }
      out.push(v as KubeObjectInput);
    }
  }
  return out;
}

function expandLists(objs: KubeObjectInput[]): KubeObjectInput[] {
  return objs.flatMap((o) =>
    o.kind === 'List' && Array.isArray(o.items) ? expandLists(o.items as KubeObjectInput[]) : [o],
  );
}

export interface ReadOptions {
  paths: readonly string[];
  namespace: string;
  /** `-n` given: a different namespace in a manifest is an error. */
  enforceNamespace: boolean;
  validate: boolean;
}

export async function readManifests(io: CommandIO, opts: ReadOptions): Promise<ManifestInfo[]> {
  const out: ManifestInfo[] = [];
  for (const { source, text } of await readSources(io, opts.paths)) {
    for (const object of expandLists(parseDocuments(source, text))) {
      if (opts.validate) {
        const missing = [
          ...(object.apiVersion ? [] : ['apiVersion not set']),
          ...(object.kind ? [] : ['kind not set']),
        ];
        if (missing.length) {
          const what = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
          throw new KubectlError(
            `error validating "${source}": error validating data: ${what}; if you choose to ignore these errors, turn validation off with --validate=false`,
          );
        }
      }
      const name = object.metadata?.name ?? '';
      const manifestNs = object.metadata?.namespace ?? '';
      const resource = resourceForKind(object.apiVersion ?? '', object.kind ?? '');
      if (!resource) {
        throw new KubectlError(
          `resource mapping not found for name: "${name}" namespace: "${manifestNs}" from "${source}": no matches for kind "${object.kind ?? ''}" in version "${object.apiVersion ?? ''}"\nensure CRDs are installed first`,
        );
      }
      if (resource.namespaced && manifestNs && opts.enforceNamespace && manifestNs !== opts.namespace) {
        throw new KubectlError(
          `the namespace from the provided object "${manifestNs}" does not match the namespace "${opts.namespace}". You must pass '--namespace=${manifestNs}' to perform this operation.`,
        );
      }
      const namespace = resource.namespaced ? manifestNs || opts.namespace : '';
      out.push({ source, object, resource, name, namespace });
    }
  }
  return out;
}
