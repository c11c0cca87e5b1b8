/**
 * A small draft-07 validator (the subset the generated schemas use: $ref, type, enum, properties,
 * additionalProperties, required, items, allOf, oneOf), so the tests can check what the editor's
 * YAML language server will flag without a browser. Returns the paths of the problems found.
 */
type Schema = { [key: string]: unknown };

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function resolve(root: Schema, s: Schema): Schema {
  const ref = s.$ref;
  if (typeof ref !== 'string') return s;
  const name = ref.replace('#/definitions/', '');
  const target = (root.definitions as Record<string, Schema>)[name];
  if (!target) throw new Error(`unresolved ${ref}`);
  return resolve(root, target);
}

export function validate(root: Schema, value: unknown, schema: Schema = root, path = ''): string[] {
  const s = resolve(root, schema);
  const problems: string[] = [];
  for (const sub of (s.allOf as Schema[] | undefined) ?? [])
    problems.push(...validate(root, value, sub, path));
  if (Array.isArray(s.oneOf)) {
    const results = (s.oneOf as Schema[]).map((sub) => validate(root, value, sub, path));
    const ok = results.filter((r) => r.length === 0).length;
    if (ok !== 1) {
      // Report the alternative with the fewest problems, as the language server does.
      const best = results.reduce((a, b) => (b.length < a.length ? b : a));
      problems.push(...(best.length > 0 ? best : [`${path}: matches ${ok} alternatives`]));
    }
  }
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    const t = typeOf(value);
    if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) {
      problems.push(`${path}: expected ${types.join('|')}, got ${t}`);
      return problems;
    }
  }
  if (Array.isArray(s.enum) && !s.enum.includes(value))
    problems.push(`${path}: not one of ${s.enum.join(',')}`);
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (s.properties as Record<string, Schema> | undefined) ?? {};
    for (const key of (s.required as string[] | undefined) ?? []) {
      if (!(key in obj)) problems.push(`${path}.${key}: required`);
    }
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) problems.push(...validate(root, v, props[k], `${path}.${k}`));
      else if (s.additionalProperties === false) problems.push(`${path}.${k}: unknown field`);
      else if (typeof s.additionalProperties === 'object')
        problems.push(...validate(root, v, s.additionalProperties as Schema, `${path}.${k}`));
    }
  }
  if (Array.isArray(value) && s.items) {
    value.forEach((v, i) => problems.push(...validate(root, v, s.items as Schema, `${path}[${i}]`)));
  }
  return problems;
}
