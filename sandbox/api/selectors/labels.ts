/**
 * Label selectors: the string form (`app=kubia,env in (prod,dev),!canary`), the LabelSelector
 * object of apps/v1 (matchLabels + matchExpressions) and the plain map of a ReplicationController,
 * all compiled to one list of requirements. Mirrors apimachinery's `labels.Parse` grammar.
 */
import type { LabelSelector } from '../types';

export type Operator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  op: Operator;
  values: string[];
}

/** A compiled selector. `null` requirements means "matches nothing" (a nil LabelSelector). */
export interface Selector {
  requirements: Requirement[] | null;
}

export const EVERYTHING: Selector = { requirements: [] };
export const NOTHING: Selector = { requirements: null };

export class SelectorParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectorParseError';
  }
}

export type Labels = Readonly<Record<string, string>> | undefined;

export function matchesRequirement(r: Requirement, labels: Labels): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = has ? labels![r.key] : undefined;
  switch (r.op) {
    case '=':
    case '==':
    case 'in':
      return has && r.values.includes(v!);
    case '!=':
    case 'notin':
      return !has || !r.values.includes(v!);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || !/^-?\d+$/.test(v!)) return false;
      const n = parseInt(v!, 10);
      const bound = parseInt(r.values[0], 10);
      return r.op === 'gt' ? n > bound : n < bound;
    }
  }
}

export function matches(sel: Selector, labels: Labels): boolean {
  if (sel.requirements === null) return false;
  for (const r of sel.requirements) if (!matchesRequirement(r, labels)) return false;
  return true;
}

export function isEverything(sel: Selector): boolean {
  return sel.requirements !== null && sel.requirements.length === 0;
}

/** A ReplicationController / Service selector: a plain map. An empty or missing map selects nothing here;
 *  callers that treat empty as "everything" (list) pass EVERYTHING themselves. */
export function fromMap(map: Labels): Selector {
  if (!map) return NOTHING;
  const keys = Object.keys(map).sort();
  if (keys.length === 0) return NOTHING;
  return { requirements: keys.map((k) => ({ key: k, op: '=', values: [map[k]] })) };
}

/** metav1.LabelSelectorAsSelector: nil → nothing, {} → everything. */
export function fromLabelSelector(ls: LabelSelector | null | undefined): Selector {
  if (!ls) return NOTHING;
  // Controllers compile the selector of a stored (frozen) object on every sync: compiled once per
  // selector object. Only a selector frozen all the way down is remembered, so the cache cannot go
  // stale; the compiled selector is frozen too, as it is shared.
  const known = typeof ls === 'object' ? compiled.get(ls) : undefined;
  if (known) return known;
  const sel = compile(ls);
  if (frozenSelector(ls)) {
    for (const r of sel.requirements!) Object.freeze(Object.freeze(r).values);
    compiled.set(ls, Object.freeze(sel));
  }
  return sel;
}

const compiled = new WeakMap<LabelSelector, Selector>();

function frozenSelector(ls: LabelSelector): boolean {
  if (typeof ls !== 'object' || !Object.isFrozen(ls)) return false;
  if (ls.matchLabels && !Object.isFrozen(ls.matchLabels)) return false;
  const exprs = ls.matchExpressions;
  if (!exprs) return true;
  if (!Object.isFrozen(exprs)) return false;
  for (const e of exprs) if (!Object.isFrozen(e) || (e.values && !Object.isFrozen(e.values))) return false;
  return true;
}

function compile(ls: LabelSelector): Selector {
  const reqs: Requirement[] = [];
  for (const k of Object.keys(ls.matchLabels ?? {}).sort()) {
    reqs.push({ key: k, op: '=', values: [ls.matchLabels![k]] });
  }
  for (const e of ls.matchExpressions ?? []) {
    switch (e.operator) {
      case 'In':
        reqs.push({ key: e.key, op: 'in', values: [...(e.values ?? [])] });
        break;
      case 'NotIn':
        reqs.push({ key: e.key, op: 'notin', values: [...(e.values ?? [])] });
        break;
      case 'Exists':
        reqs.push({ key: e.key, op: 'exists', values: [] });
        break;
      case 'DoesNotExist':
        reqs.push({ key: e.key, op: '!', values: [] });
        break;
      default:
        throw new SelectorParseError(`"${e.operator}" is not a valid label selector operator`);
    }
  }
  return { requirements: reqs };
}

/** The string form, as `labels.Selector.String()` prints it (requirements sorted by key). */
export function selectorString(sel: Selector): string {
  if (sel.requirements === null) return '<none>';
  return sel.requirements
    .map((r) => {
      switch (r.op) {
        case '=':
        case '==':
        case '!=':
          return `${r.key}${r.op}${r.values[0]}`;
        case 'in':
        case 'notin':
          return `${r.key} ${r.op} (${[...r.values].sort().join(',')})`;
        case 'exists':
          return r.key;
        case '!':
          return `!${r.key}`;
        case 'gt':
          return `${r.key}>${r.values[0]}`;
        case 'lt':
          return `${r.key}<${r.values[0]}`;
      }
    })
    .join(',');
}

// ---- the string grammar -------------------------------------------------------------------

type Tok =
  | { t: 'id'; v: string }
  | { t: 'op'; v: '=' | '==' | '!=' | '!' | '>' | '<' | ',' | '(' | ')' }
  | { t: 'in' }
  | { t: 'notin' }
  | { t: 'end' };

const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);

function lex(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (SPECIAL.has(c)) {
      if (c === '=' && s[i + 1] === '=') {
        out.push({ t: 'op', v: '==' });
        i += 2;
      } else if (c === '!' && s[i + 1] === '=') {
        out.push({ t: 'op', v: '!=' });
        i += 2;
      } else {
        out.push({ t: 'op', v: c as '=' });
        i++;
      }
      continue;
    }
    let j = i;
    while (j < s.length && !SPECIAL.has(s[j]) && !' \t\n\r'.includes(s[j])) j++;
    const word = s.slice(i, j);
    if (word === 'in') out.push({ t: 'in' });
    else if (word === 'notin') out.push({ t: 'notin' });
    else out.push({ t: 'id', v: word });
    i = j;
  }
  out.push({ t: 'end' });
  return out;
}

function tokText(t: Tok): string {
  switch (t.t) {
    case 'id':
    case 'op':
      return t.v;
    case 'in':
      return 'in';
    case 'notin':
      return 'notin';
    case 'end':
      return '';
  }
}

/**
 * Parse the string form. Errors read like apimachinery's
 * (`unable to parse requirement: found '=', expected: identifier`).
 */
export function parseSelector(input: string): Selector {
  const toks = lex(input);
  let p = 0;
  const peek = (): Tok => toks[p];
  const next = (): Tok => toks[p++];
  const reqs: Requirement[] = [];
  if (peek().t === 'end') return EVERYTHING;

  for (;;) {
    let negate = false;
    const first = peek();
    if (!(
      first.t === 'id' ||
      first.t === 'in' ||
      first.t === 'notin' ||
      (first.t === 'op' && first.v === '!')
    )) {
      throw new SelectorParseError(`found '${tokText(first)}', expected: !, identifier, or 'end of string'`);
    }
    let tok = next();
    if (tok.t === 'in' || tok.t === 'notin') tok = { t: 'id', v: tokText(tok) };
    if (tok.t === 'op' && tok.v === '!') {
      negate = true;
      tok = next();
    }
    if (tok.t !== 'id') {
      throw new SelectorParseError(
        `unable to parse requirement: found '${tokText(tok)}', expected: identifier`,
      );
    }
    const key = tok.v;
    checkKey(key);
    if (negate) {
      reqs.push({ key, op: '!', values: [] });
    } else {
      const opTok = peek();
      if (opTok.t === 'end' || (opTok.t === 'op' && opTok.v === ',')) {
        reqs.push({ key, op: 'exists', values: [] });
      } else if (opTok.t === 'in' || opTok.t === 'notin') {
        next();
        const open = next();
        if (!(open.t === 'op' && open.v === '(')) {
          throw new SelectorParseError(`unable to parse requirement: found '${tokText(open)}' expected: '('`);
        }
        const values: string[] = [];
        for (;;) {
          const v = next();
          if (v.t === 'op' && v.v === ')') {
            if (values.length === 0) values.push('');
            break;
          }
          if (v.t === 'op' && v.v === ',') {
            values.push('');
            continue;
          }
          if (v.t !== 'id' && v.t !== 'in' && v.t !== 'notin') {
            throw new SelectorParseError(
              `unable to parse requirement: found '${tokText(v)}', expected: ',', ')' or identifier`,
            );
          }
          values.push(tokText(v));
          const sep = next();
          if (sep.t === 'op' && sep.v === ')') break;
          if (!(sep.t === 'op' && sep.v === ',')) {
            throw new SelectorParseError(
              `unable to parse requirement: found '${tokText(sep)}', expected: ',' or ')'`,
            );
          }
        }
        values.forEach((v, i) => checkValue(key, v, i));
        reqs.push({ key, op: opTok.t, values: [...new Set(values)] });
      } else if (opTok.t === 'op' && ['=', '==', '!=', '>', '<'].includes(opTok.v)) {
        next();
        const v = peek();
        let value = '';
        if (v.t === 'id' || v.t === 'in' || v.t === 'notin') {
          value = tokText(v);
          next();
        } else if (!(v.t === 'end' || (v.t === 'op' && v.v === ','))) {
          throw new SelectorParseError(
            `unable to parse requirement: found '${tokText(v)}', expected: identifier`,
          );
        }
        if (opTok.v === '>' || opTok.v === '<') {
          if (!/^[-+]?\d+$/.test(value)) {
            throw new SelectorParseError(
              `unable to parse requirement: values[0]: Invalid value: "${value}": for 'Gt', 'Lt' operators, the value must be an integer`,
            );
          }
          reqs.push({ key, op: opTok.v === '>' ? 'gt' : 'lt', values: [value] });
        } else {
          checkValue(key, value, 0);
          reqs.push({ key, op: opTok.v as '=' | '==' | '!=', values: [value] });
        }
      } else {
        throw new SelectorParseError(
          `unable to parse requirement: found '${tokText(opTok)}', expected: in, notin, =, ==, !=, gt, lt`,
        );
      }
    }
    const sep = next();
    if (sep.t === 'end') break;
    if (!(sep.t === 'op' && sep.v === ',')) {
      throw new SelectorParseError(`found '${tokText(sep)}', expected: ',' or 'end of string'`);
    }
    if (peek().t === 'end') throw new SelectorParseError(`found '', expected: identifier after ','`);
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { requirements: reqs };
}

const NAME_RE = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const PREFIX_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const PREFIX_MSG =
  "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

/** validation.IsQualifiedName, as the selector parser reports it. */
function checkKey(key: string): void {
  const parts = key.split('/');
  const problems: string[] = [];
  let name = key;
  if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) problems.push('prefix part must be non-empty');
    else if (prefix.length > 253) problems.push('prefix part must be no more than 253 characters');
    else if (!PREFIX_RE.test(prefix)) problems.push(PREFIX_MSG);
  } else if (parts.length > 2) {
    problems.push(
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    );
  }
  if (parts.length <= 2) {
    if (name.length === 0) problems.push('name part must be non-empty');
    else if (name.length > 63) problems.push('name part must be no more than 63 characters');
    if (name.length > 0 && !NAME_RE.test(name)) problems.push(NAME_PART_MSG);
  }
  if (problems.length) {
    throw new SelectorParseError(
      `unable to parse requirement: : Invalid value: "${key}": ${problems.join('; ')}`,
    );
  }
}

function checkValue(key: string, v: string, i: number): void {
  if (v === '') return;
  if (v.length > 63) {
    throw new SelectorParseError(
      `unable to parse requirement: values[${i}][${key}]: Invalid value: "${v}": must be no more than 63 characters`,
    );
  }
  if (!NAME_RE.test(v)) {
    throw new SelectorParseError(
      `unable to parse requirement: values[${i}][${key}]: Invalid value: "${v}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
  }
}
