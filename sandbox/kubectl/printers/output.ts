/** `-o` formats: parse the flag and print objects as yaml/json/name/jsonpath/custom-columns. */
import type { KubeObject } from '../../api/types';
import { resourceForKind } from '../../api/resources';
import { KubectlError } from '../errors';
import { objectName } from '../resolve';
import { toJson } from './json';
import { toYaml } from './yaml';
import { jsonpath, jsonpathValues } from './jsonpath';
import { goTemplate } from './go-template';
import { GET_TABS, tabwrite } from './tabwriter';

export type OutputKind =
  'table' | 'wide' | 'yaml' | 'json' | 'name' | 'jsonpath' | 'custom-columns' | 'go-template';

export interface OutputFormat {
  kind: OutputKind;
  arg: string;
}

const ALLOWED =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
/** What commands other than `get` accept (no table printers). */
const ALLOWED_GENERIC =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

export function parseOutput(o: string, allowTable = true): OutputFormat {
  if (o === '' && allowTable) return { kind: 'table', arg: '' };
  if (o === 'wide' && allowTable) return { kind: 'wide', arg: '' };
  if (o === 'yaml' || o === 'json' || o === 'name') return { kind: o, arg: '' };
  const eq = o.indexOf('=');
  const head = eq >= 0 ? o.slice(0, eq) : o;
  const arg = eq >= 0 ? o.slice(eq + 1) : '';
  if (head === 'jsonpath' && eq >= 0) return { kind: 'jsonpath', arg };
  if ((head === 'go-template' || head === 'template') && eq >= 0) return { kind: 'go-template', arg };
  const noMatch = new KubectlError(
    `unable to match a printer suitable for the output format "${o}", allowed formats are: ${allowTable ? ALLOWED : ALLOWED_GENERIC}`,
  );
  if (head === 'custom-columns' && eq >= 0) {
    if (!allowTable) throw noMatch;
    if (!arg) throw new KubectlError('custom-columns format specified but no custom columns given');
    return { kind: 'custom-columns', arg };
  }
  if (head === 'jsonpath' || head === 'go-template' || head === 'template') {
    throw new KubectlError('template format specified but no template given');
  }
  throw noMatch;
}

/** A copy without `metadata.managedFields` (kubectl hides them unless --show-managed-fields). */
export function withoutManagedFields<T extends KubeObject>(obj: T): T {
  if (!obj.metadata?.managedFields) return obj;
  const copy = { ...obj, metadata: { ...obj.metadata } };
  delete copy.metadata.managedFields;
  return copy;
}

export function listOf(items: KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

export function nameOf(obj: KubeObject): string {
  const r = resourceForKind(obj.apiVersion, obj.kind);
  if (!r) return `${obj.kind.toLowerCase()}/${obj.metadata.name ?? ''}`;
  return objectName(r, obj.metadata.name ?? '');
}

function customColumns(spec: string, items: KubeObject[], noHeaders: boolean): string {
  const cols = spec.split(',').map((c) => {
    const colon = c.indexOf(':');
    if (colon < 0) {
      throw new KubectlError(`unexpected custom-columns spec: ${c}, expected <header>:<json-path-expr>`);
    }
    return { header: c.slice(0, colon), path: c.slice(colon + 1) };
  });
  const lines: string[] = [];
  if (!noHeaders) lines.push(cols.map((c) => c.header).join('\t'));
  for (const item of items) {
    lines.push(
      cols
        .map((c) => {
          const values = jsonpathValues(c.path.replace(/^\./, '.'), item);
          if (values.length === 0 || values.every((v) => v === undefined || v === null)) return '<none>';
          return values.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(',');
        })
        .join('\t'),
    );
  }
  return `${tabwrite(lines.join('\n'), GET_TABS)}\n`;
}

/**
 * Print objects in a non-table format. `single`: one object asked by name (printed bare);
 * otherwise a `List` wrapper for yaml/json/jsonpath.
 */
export function formatObjects(
  format: OutputFormat,
  objects: KubeObject[],
  single: boolean,
  opts: { showManagedFields?: boolean; noHeaders?: boolean } = {},
): string {
  // Like kubectl's OmitManagedFieldsPrinter, which only wraps the JSON and YAML printers:
  // jsonpath, templates and custom columns see metadata.managedFields.
  const hide = !opts.showManagedFields && (format.kind === 'yaml' || format.kind === 'json');
  const objs = hide ? objects.map(withoutManagedFields) : objects;
  const data = single && objs.length === 1 ? objs[0] : listOf(objs);
  switch (format.kind) {
    case 'yaml':
      return toYaml(data);
    case 'json':
      return toJson(data);
    case 'name':
      return objs.map((o) => `${nameOf(o)}\n`).join('');
    case 'jsonpath':
      return jsonpath(format.arg, data);
    case 'go-template':
      return goTemplate(format.arg, data);
    case 'custom-columns':
      return customColumns(format.arg, objs, opts.noHeaders ?? false);
    default:
      return '';
  }
}
