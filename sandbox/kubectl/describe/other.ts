/** describe for namespaces and configmaps, and the generic describer for any other kind. */
import type { KubeObject } from '../../api/types';
import type { ConfigMap, Namespace, ResourceQuota } from 'kubernetes-types/core/v1';
import type { KubectlEnv } from '../env';
import { describeEvents, searchEvents } from './events';
import { PrefixWriter, cmp, printAnnotations, printLabels, rfc1123z } from './writer';

export function describeNamespace(env: KubectlEnv, obj: KubeObject): string {
  const ns = obj as unknown as Namespace;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  printLabels(w, 'Labels', obj.metadata.labels);
  printAnnotations(w, 'Annotations', obj.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`);
  const conds = ns.status?.conditions ?? [];
  if (conds.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conds)
      w.write(
        1,
        `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`,
      );
  }
  let quotas: ResourceQuota[] | undefined;
  try {
    quotas = env.api.list('resourcequotas', obj.metadata.name).items as unknown as ResourceQuota[];
  } catch {
    quotas = undefined;
  }
  if (quotas) {
    w.write(0, '\n');
    if (quotas.length === 0) w.write(0, 'No resource quota.\n');
    else {
      w.write(0, 'Resource Quotas\n');
      for (const q of [...quotas].sort((a, b) => cmp(a.metadata?.name ?? '', b.metadata?.name ?? ''))) {
        w.write(1, `Name:\t${q.metadata?.name}\n`);
        w.write(1, 'Resource\tUsed\tHard\n');
        w.write(1, '--------\t---\t---\n');
        const hard = q.status?.hard ?? {};
        for (const r of Object.keys(hard).sort(cmp))
          w.write(1, `${r}\t${String(q.status?.used?.[r] ?? '0')}\t${String(hard[r])}\n`);
      }
    }
  }
  // The sandbox serves no LimitRanges: kubectl then omits that section (the list answers 404).
  return w.toString();
}

export function describeConfigMap(env: KubectlEnv, obj: KubeObject): string {
  const cm = obj as unknown as ConfigMap;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
  printLabels(w, 'Labels', obj.metadata.labels);
  printAnnotations(w, 'Annotations', obj.metadata.annotations);
  w.write(0, '\nData\n====\n');
  // kubectl ranges over a Go map (random order); sorted keys keep the sandbox deterministic.
  for (const k of Object.keys(cm.data ?? {}).sort(cmp)) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${cm.data![k]}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  for (const k of Object.keys(cm.binaryData ?? {}).sort(cmp)) {
    const b64 = cm.binaryData![k].replace(/=+$/, '');
    w.write(0, `${k}: ${Math.floor((b64.length * 3) / 4)} bytes\n`);
  }
  w.write(0, '\n');
  describeEvents(w, searchEvents(env, obj), env.clock.now());
  return w.toString();
}

/** smartLabelFor: `podIP` → `Pod IP`, `apiVersion` → `API Version`; names with other characters unchanged. */
export function smartLabel(field: string): string {
  if (/[^A-Za-z-]/.test(field)) return field;
  const parts = field.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|-/g) ?? [field];
  const acronyms = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);
  return parts
    .map((p) => (acronyms.has(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

function content(
  w: PrefixWriter,
  level: number,
  obj: Record<string, unknown>,
  prefix: string,
  skip: Set<string>,
): void {
  for (const field of Object.keys(obj).sort(cmp)) {
    const path = `${prefix}.${field}`;
    if (skip.has(path)) continue;
    const v = obj[field];
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      w.write(level, `${smartLabel(field)}:\n`);
      content(w, level + 1, v as Record<string, unknown>, path, skip);
    } else if (Array.isArray(v)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of v) {
        if (child && typeof child === 'object' && !Array.isArray(child))
          content(w, level + 1, child as Record<string, unknown>, path, skip);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabel(field)}:\t${goValue(v)}\n`);
    }
  }
}

function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  return String(v);
}

/** The generic describer: every field of the object, then its events. */
export function describeGeneric(env: KubectlEnv, obj: KubeObject): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  printLabels(w, 'Labels', obj.metadata.labels);
  printAnnotations(w, 'Annotations', obj.metadata.annotations);
  const skip = new Set([
    '.metadata.managedFields',
    '.metadata.name',
    '.metadata.namespace',
    '.metadata.labels',
    '.metadata.annotations',
  ]);
  content(w, 0, obj as unknown as Record<string, unknown>, '', skip);
  describeEvents(w, searchEvents(env, obj), env.clock.now());
  return w.toString();
}
