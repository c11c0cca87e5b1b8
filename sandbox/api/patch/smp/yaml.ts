/**
 * A small YAML printer for the conflict messages of three-way patches, close to what
 * sigs.k8s.io/yaml (go-yaml v2) prints: keys sorted, two-space indent, list items at their
 * parent key's indent, strings quoted when they would read as something else.
 */
import type { JsonValue } from '../../types';
import { formatGoFloat } from '../go-format';
import { compareStrings, isJsonObject } from '../json-value';

const PLAIN = /^[A-Za-z_/.][A-Za-z0-9_/.-]*$/;
const KEYWORDS =
  /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;

function scalar(v: JsonValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return PLAIN.test(v) && !KEYWORDS.test(v) ? v : JSON.stringify(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : formatGoFloat(v);
  return String(v);
}

function lines(v: JsonValue, indent: string): string[] {
  if (isJsonObject(v)) {
    const keys = Object.keys(v).sort(compareStrings);
    if (keys.length === 0) return [`${indent}{}`];
    return keys.flatMap((k) => {
      const x = v[k];
      const head = `${indent}${scalar(k)}:`;
      if (isJsonObject(x) && Object.keys(x).length > 0) return [head, ...lines(x, `${indent}  `)];
      if (Array.isArray(x) && x.length > 0) return [head, ...lines(x, indent)];
      return [`${head} ${inline(x)}`];
    });
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return [`${indent}[]`];
    return v.flatMap((x) => {
      const sub = isJsonObject(x) || Array.isArray(x) ? lines(x, `${indent}  `) : [`${indent}  ${inline(x)}`];
      return [`${indent}- ${sub[0].slice(indent.length + 2)}`, ...sub.slice(1)];
    });
  }
  return [`${indent}${scalar(v)}`];
}

function inline(v: JsonValue): string {
  if (isJsonObject(v)) return '{}';
  if (Array.isArray(v)) return '[]';
  return scalar(v);
}

export function toYaml(v: JsonValue): string {
  return `${lines(v, '').join('\n')}\n`;
}
