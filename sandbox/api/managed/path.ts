/**
 * Path elements as FieldsV1 writes them — `f:name`, `k:{"name":"kubia"}` (key fields sorted by
 * name), `v:"x"`, `i:0` — and as conflict messages print a path (`.spec.containers[name="kubia"].image`).
 */
const fieldElements = new Map<string, string>();

/** `f:name`, interned: the same few hundred field names are formatted on every write. */
export function fieldElement(name: string): string {
  let e = fieldElements.get(name);
  if (e === undefined) {
    e = 'f:' + name;
    if (fieldElements.size < 10000) fieldElements.set(name, e);
  }
  return e;
}

const PLAIN = /^[A-Za-z0-9 ._:/-]*$/;

/** JSON text of a key value (Go's encoding/json output for strings, numbers and booleans). */
function json(v: unknown): string {
  if (typeof v === 'string' && PLAIN.test(v)) return '"' + v + '"';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/**
 * Key fields with a default in the OpenAPI (`protocol` of container and service ports is `TCP`):
 * an item that omits one is keyed by the default, as structured-merge-diff does.
 */
const KEY_DEFAULTS: Record<string, unknown> = { protocol: 'TCP' };

/** `k:{"type":"Ready"}` by key name and value: the same few condition types and names come back on every write. */
const singleKeys = new Map<string, Map<unknown, string>>();

/** `k:{…}` of an associative-list item; undefined when a key field is missing (the item cannot be addressed). */
export function keyElement(item: Record<string, unknown>, keys: readonly string[]): string | undefined {
  if (keys.length === 1) {
    const v = item[keys[0]] ?? KEY_DEFAULTS[keys[0]];
    if (typeof v !== 'string' && typeof v !== 'number')
      return v === undefined || v === null ? undefined : build(item, keys);
    let byValue = singleKeys.get(keys[0]);
    if (!byValue) singleKeys.set(keys[0], (byValue = new Map()));
    let e = byValue.get(v);
    if (e === undefined) {
      e = build(item, keys)!;
      if (byValue.size < 4096) byValue.set(v, e);
    }
    return e;
  }
  return build(item, keys);
}

function build(item: Record<string, unknown>, keys: readonly string[]): string | undefined {
  const names = keys.length > 1 ? [...keys].sort() : keys;
  let text = '';
  for (const k of names) {
    const v = item[k] ?? KEY_DEFAULTS[k];
    if (v === undefined || v === null) return undefined;
    text += (text ? ',"' : '"') + k + '":' + json(v);
  }
  return `k:{${text}}`;
}

export function valueElement(value: unknown): string {
  return 'v:' + JSON.stringify(value);
}

export function indexElement(i: number): string {
  return 'i:' + i;
}

/** A path as SMD's `Path.String()` prints it in conflicts. */
export function pathString(elements: readonly string[]): string {
  let out = '';
  for (const e of elements) {
    const body = e.slice(2);
    switch (e[0]) {
      case 'f':
        out += '.' + body;
        break;
      case 'k': {
        const key = JSON.parse(body) as Record<string, unknown>;
        out +=
          '[' +
          Object.entries(key)
            .map(([k, v]) => `${k}=${goValue(v)}`)
            .join(',') +
          ']';
        break;
      }
      case 'v':
        out += `[=${goValue(JSON.parse(body))}]`;
        break;
      default:
        out += `[${body}]`;
    }
  }
  return out;
}

/** value.ToString: strings quoted, numbers and booleans bare. */
function goValue(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}
