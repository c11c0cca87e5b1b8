/**
 * The subset of kubectl's JSONPath templates lessons use: `{.a.b}`, `[n]`, `[*]`, `['key']`,
 * `[?(@.k=="v")]`, `{range …}{end}`, quoted literals and plain text around expressions.
 */
import { compactJson } from './json';
import { KubectlError } from '../errors';

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'expr'; steps: Step[] }
  | { kind: 'range'; steps: Step[]; body: Node[] };

type Step =
  | { kind: 'field'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'all' }
  | { kind: 'slice'; start?: number; end?: number }
  | { kind: 'filter'; path: Step[]; op: string; value: string | number | undefined };

function parseSteps(expr: string, template: string): Step[] {
  const steps: Step[] = [];
  let s = expr.trim();
  if (s.startsWith('$')) s = s.slice(1);
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '.') {
      const { name, end } = fieldName(s, i + 1);
      if (name) steps.push({ kind: 'field', name });
      i = end;
      continue;
    }
    if (c === '[') {
      const end = s.indexOf(']', i);
      if (end < 0) throw new KubectlError(`error parsing jsonpath ${template}, unclosed [`);
      const inner = s.slice(i + 1, end).trim();
      i = end + 1;
      if (inner === '*') steps.push({ kind: 'all' });
      else if (/^-?\d+$/.test(inner)) steps.push({ kind: 'index', index: Number(inner) });
      else if (/^-?\d*:-?\d*$/.test(inner)) {
        const [a, b] = inner.split(':');
        steps.push({ kind: 'slice', start: a ? Number(a) : undefined, end: b ? Number(b) : undefined });
      } else if (/^'.*'$|^".*"$/.test(inner)) {
        // kubectl's parser splits a quoted key at unescaped dots too: `['a.b']` is `.a.b`, so
        // `['kubernetes.io/x']` finds nothing and `['kubernetes\.io/x']` finds the annotation.
        const quoted = inner.slice(1, -1);
        for (let k = 0; k <= quoted.length;) {
          const { name, end } = fieldName(quoted, k);
          steps.push({ kind: 'field', name });
          k = end + 1;
        }
      } else if (inner.startsWith('?(')) {
        const m = /^\?\(@((?:\.[^.=!<> ]+)+)\s*(==|!=)?\s*(.*)\)$/.exec(inner);
        if (!m) throw new KubectlError(`error parsing jsonpath ${template}, unrecognized filter ${inner}`);
        const raw = m[3]?.trim();
        const value = raw ? (/^["'].*["']$/.test(raw) ? raw.slice(1, -1) : Number(raw)) : undefined;
        steps.push({ kind: 'filter', path: parseSteps(m[1], template), op: m[2] ?? '', value });
      } else steps.push({ kind: 'field', name: inner });
      continue;
    }
    const { name, end } = fieldName(s, i);
    steps.push({ kind: 'field', name });
    i = end;
  }
  return steps;
}

/** A field name up to the next unescaped `.` or `[`; `\.` is a literal dot (`kubernetes\.io/x`). */
function fieldName(s: string, from: number): { name: string; end: number } {
  let name = '';
  let j = from;
  while (j < s.length && s[j] !== '.' && s[j] !== '[') {
    if (s[j] === '\\' && j + 1 < s.length) j++;
    name += s[j++];
  }
  return { name, end: j };
}

function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1].push({ kind: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].push({ kind: 'text', text: template.slice(i, open) });
    const close = template.indexOf('}', open);
    if (close < 0) throw new KubectlError(`error parsing jsonpath ${template}, unclosed action`);
    const inner = template.slice(open + 1, close).trim();
    i = close + 1;
    if (/^".*"$|^'.*'$/.test(inner)) {
      const text = inner.slice(1, -1).replace(/\\n/g, '\n').replace(/\\t/g, '\t');
      stack[stack.length - 1].push({ kind: 'text', text });
    } else if (inner.startsWith('range ')) {
      const body: Node[] = [];
      stack[stack.length - 1].push({ kind: 'range', steps: parseSteps(inner.slice(6), template), body });
      stack.push(body);
    } else if (inner === 'end') {
      if (stack.length === 1) throw new KubectlError(`error parsing jsonpath ${template}, not in range`);
      stack.pop();
    } else {
      stack[stack.length - 1].push({ kind: 'expr', steps: parseSteps(inner, template) });
    }
  }
  return root;
}

function evalSteps(values: unknown[], steps: Step[]): unknown[] {
  let cur = values;
  for (const step of steps) {
    const next: unknown[] = [];
    for (const v of cur) {
      if (step.kind === 'field') {
        if (v && typeof v === 'object' && !Array.isArray(v) && step.name in v) {
          next.push((v as Record<string, unknown>)[step.name]);
        }
      } else if (Array.isArray(v)) {
        if (step.kind === 'all') next.push(...v);
        else if (step.kind === 'index') {
          const k = step.index < 0 ? v.length + step.index : step.index;
          if (k >= 0 && k < v.length) next.push(v[k]);
        } else if (step.kind === 'slice') next.push(...v.slice(step.start, step.end));
        else if (step.kind === 'filter') {
          for (const item of v) {
            const got = evalSteps([item], step.path);
            const ok =
              step.op === '' ? got.length > 0 : got.some((g) => g === step.value) === (step.op === '==');
            if (ok) next.push(item);
          }
        }
      } else if (step.kind === 'all' && v && typeof v === 'object') {
        next.push(...Object.values(v));
      }
    }
    cur = next;
  }
  return cur;
}

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  // Go's json.Marshal: maps with sorted keys.
  if (typeof v === 'object') return compactJson(v);
  return String(v);
}

function run(nodes: Node[], data: unknown): string {
  let out = '';
  for (const n of nodes) {
    if (n.kind === 'text') out += n.text;
    else if (n.kind === 'expr') out += evalSteps([data], n.steps).map(show).join(' ');
    else for (const item of evalSteps([data], n.steps)) out += run(n.body, item);
  }
  return out;
}

/** Execute `template` (with or without braces, as `-o jsonpath=` accepts) on `data`. */
export function jsonpath(template: string, data: unknown): string {
  const t = template.includes('{') ? template : `{${template}}`;
  return run(parseTemplate(t), data);
}

/** One value for `--sort-by` / custom-columns: the first match or undefined. */
export function jsonpathValues(expr: string, data: unknown): unknown[] {
  const inner = expr.replace(/^\{|\}$/g, '');
  return evalSteps([data], parseSteps(inner, expr));
}
