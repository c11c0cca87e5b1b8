/**
 * Field selectors: `metadata.name=kubia,status.phase!=Running`. Only `=`, `==` and `!=`, and only
 * the field labels each resource supports (others are a 400 `field label not supported`).
 */
import type { KubeObject } from '../types';

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

export class FieldSelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldSelectorError';
  }
}

const META = ['metadata.name', 'metadata.namespace'];

/** Field labels each resource accepts, as the real registries declare them. */
const SUPPORTED: Record<string, string[]> = {
  pods: [
    ...META,
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.podIPs',
    'status.nominatedNodeName',
  ],
  events: [
    ...META,
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  namespaces: [...META, 'status.phase'],
  nodes: [...META, 'spec.unschedulable'],
  replicasets: [...META, 'status.replicas'],
  replicationcontrollers: [...META, 'status.replicas'],
  services: [...META, 'spec.clusterIP', 'spec.type'],
};

export function parseFieldSelector(input: string, resource: string): FieldRequirement[] {
  const out: FieldRequirement[] = [];
  const trimmed = input.trim();
  if (trimmed === '') return out;
  const allowed = SUPPORTED[resource] ?? META;
  for (const part of splitTerms(trimmed)) {
    const m = /^([^=!]*?)\s*(==|!=|=)\s*(.*)$/.exec(part);
    if (!m) throw new FieldSelectorError(`invalid selector: '${input}'; can't understand '${part}'`);
    const field = m[1].trim();
    if (!allowed.includes(field)) throw new FieldSelectorError(`field label not supported: ${field}`);
    out.push({ field, op: m[2] === '!=' ? '!=' : '=', value: unescape(m[3].trim()) });
  }
  return out;
}

/** Terms are separated by unescaped commas (a value may contain `\,`). */
function splitTerms(s: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) {
      cur += s[i] + s[i + 1];
      i++;
    } else if (s[i] === ',') {
      parts.push(cur);
      cur = '';
    } else cur += s[i];
  }
  parts.push(cur);
  return parts.map((p) => p.trim());
}

function unescape(v: string): string {
  return v.replace(/\\(.)/g, '$1');
}

/** The value of a field label on an object, as the registries' field-set functions compute it. */
/** `spec.nodeName` → `['spec', 'nodeName']`, once per field: every pod write is offered to each node's watch. */
const segments = new Map<string, readonly string[]>();

function segmentsOf(field: string): readonly string[] {
  let segs = segments.get(field);
  if (!segs) {
    segs = field.split('.');
    if (segments.size < 1000) segments.set(field, segs);
  }
  return segs;
}

export function fieldValue(obj: KubeObject, field: string): string {
  if (field === 'metadata.name') return obj.metadata.name ?? '';
  if (field === 'metadata.namespace') return obj.metadata.namespace ?? '';
  if (field === 'source') {
    const src = (obj as { source?: { component?: string } }).source;
    return src?.component ?? '';
  }
  if (field === 'status.podIPs') {
    const ips = ((obj.status as { podIPs?: Array<{ ip: string }> } | undefined)?.podIPs ?? []).map(
      (p) => p.ip,
    );
    return ips.join(',');
  }
  let cur: unknown = obj;
  for (const seg of segmentsOf(field)) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[seg];
  }
  if (cur === undefined || cur === null) {
    if (field === 'spec.unschedulable' || field === 'spec.hostNetwork') return 'false';
    return '';
  }
  return String(cur);
}

export function matchesFields(reqs: readonly FieldRequirement[], obj: KubeObject): boolean {
  for (const r of reqs) {
    const v = fieldValue(obj, r.field);
    if (r.op === '=' ? v !== r.value : v === r.value) return false;
  }
  return true;
}
