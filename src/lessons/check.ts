/**
 * Evaluate a lesson check against the cluster state (through the API server only, never the
 * commands the reader typed).
 */
import type { ApiServer, KubeObject } from '../../sandbox/index';
import type { Check, Matcher, ObjectCheck } from './schema';

export interface CheckResult {
  pass: boolean;
  /** Why it failed, for authors and tests (English, not shown as a hint). */
  detail?: string;
}

type Segment = { key: string } | { index: number } | { field: string; value: string };

/** Split `a.b[0].c['x.y'][type=Ready]` into segments. */
export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]|\[([^=\]]+)=([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(path))) {
    const gap = path.slice(last, m.index);
    if (gap !== '' && gap !== '.') throw new Error(`bad field path "${path}"`);
    last = re.lastIndex;
    if (m[1] !== undefined) out.push({ key: m[1] });
    else if (m[2] !== undefined) out.push({ index: Number(m[2]) });
    else if (m[3] !== undefined) out.push({ key: m[3] });
    else out.push({ field: m[4], value: m[5] });
  }
  if (last !== path.length || out.length === 0) throw new Error(`bad field path "${path}"`);
  return out;
}

export function readPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const seg of parsePath(path)) {
    if (cur === null || cur === undefined) return undefined;
    if ('key' in seg) {
      if (typeof cur !== 'object' || Array.isArray(cur)) return undefined;
      cur = (cur as Record<string, unknown>)[seg.key];
    } else if ('index' in seg) {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[seg.index];
    } else {
      if (!Array.isArray(cur)) return undefined;
      cur = cur.find(
        (e) =>
          e !== null &&
          typeof e === 'object' &&
          String((e as Record<string, unknown>)[seg.field]) === seg.value,
      );
    }
  }
  return cur;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || a === null) return b === null;
  // Quantities and ports are often typed as numbers in checks and strings in objects (or back).
  return (typeof a === 'number' || typeof a === 'string') && (typeof b === 'number' || typeof b === 'string')
    ? String(a) === String(b)
    : false;
}

export function matches(value: unknown, m: Matcher): boolean {
  if (m === null || typeof m !== 'object') return same(value, m);
  if (m.exists !== undefined && (value !== undefined && value !== null) !== m.exists) return false;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (m.gte !== undefined && !(n >= m.gte)) return false;
  if (m.lte !== undefined && !(n <= m.lte)) return false;
  if (
    m.contains !== undefined &&
    (value === undefined || value === null || !String(value).includes(m.contains))
  )
    return false;
  if (m.in !== undefined && !m.in.some((v) => same(value, v))) return false;
  if (m.not !== undefined && same(value, m.not)) return false;
  return true;
}

function fieldsMatch(obj: KubeObject, fields: Record<string, Matcher> | undefined): string | undefined {
  for (const [path, m] of Object.entries(fields ?? {})) {
    const v = readPath(obj, path);
    if (!matches(v, m)) return `${path} is ${JSON.stringify(v)}, wanted ${JSON.stringify(m)}`;
  }
  return undefined;
}

function objects(api: ApiServer, c: ObjectCheck): readonly KubeObject[] {
  const ns = c.namespace ?? 'default';
  if (c.name !== undefined) {
    const one = api.cache.get(c.resource, ns, c.name);
    return one ? [api.visible(one)] : [];
  }
  // A check may read any field, managedFields included: as kubectl would see the objects.
  return api.cache
    .list(c.resource, ns, c.selector ? { labelSelector: c.selector } : {})
    .map((o) => api.visible(o));
}

function evaluateObjects(api: ApiServer, c: ObjectCheck): CheckResult {
  let found: readonly KubeObject[];
  try {
    found = objects(api, c);
  } catch (e) {
    return { pass: false, detail: `cannot list ${c.resource}: ${(e as Error).message}` };
  }
  const what = `${c.resource}${c.name ? `/${c.name}` : ''}${c.selector ? ` -l ${c.selector}` : ''}`;
  const kept = found.filter((o) => fieldsMatch(o, c.where) === undefined);
  if (typeof c.count === 'number' && kept.length !== c.count)
    return { pass: false, detail: `${what}: ${kept.length} objects, wanted ${c.count}` };
  if (typeof c.count === 'object') {
    if (c.count.min !== undefined && kept.length < c.count.min)
      return { pass: false, detail: `${what}: ${kept.length} objects, wanted at least ${c.count.min}` };
    if (c.count.max !== undefined && kept.length > c.count.max)
      return { pass: false, detail: `${what}: ${kept.length} objects, wanted at most ${c.count.max}` };
  }
  if (c.count === undefined && kept.length === 0) return { pass: false, detail: `${what}: no such object` };
  for (const o of kept) {
    const why = fieldsMatch(o, c.expect);
    if (why) return { pass: false, detail: `${what} ${o.metadata?.name}: ${why}` };
  }
  return { pass: true };
}

export function evaluateCheck(api: ApiServer, c: Check): CheckResult {
  if ('all' in c) {
    for (const sub of c.all) {
      const r = evaluateCheck(api, sub);
      if (!r.pass) return r;
    }
    return { pass: true };
  }
  if ('any' in c) {
    const fails: string[] = [];
    for (const sub of c.any) {
      const r = evaluateCheck(api, sub);
      if (r.pass) return r;
      if (r.detail) fails.push(r.detail);
    }
    return { pass: false, detail: `none of: ${fails.join('; ')}` };
  }
  if ('not' in c) {
    const r = evaluateCheck(api, c.not);
    return r.pass ? { pass: false, detail: 'the negated check passes' } : { pass: true };
  }
  return evaluateObjects(api, c);
}
