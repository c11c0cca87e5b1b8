/** Typed views of the fields of ReplicaSets/RCs and pods this controller reads. */
import type { KubeObject, ObjectMeta } from '../../api/types';
import { fromLabelSelector, type Selector } from '../../api/selectors/labels';
import type { ControllerKind } from './kinds';

export interface PodTemplate {
  metadata?: Pick<ObjectMeta, 'labels' | 'annotations' | 'finalizers'>;
  spec?: Record<string, unknown>;
}

interface OwnerSpec {
  replicas?: number;
  minReadySeconds?: number;
  template?: PodTemplate;
}

function specOf(rs: KubeObject): OwnerSpec {
  return (rs.spec ?? {}) as OwnerSpec;
}

export function desiredReplicas(rs: KubeObject): number {
  return specOf(rs).replicas ?? 1;
}

export function minReadySeconds(rs: KubeObject): number {
  return specOf(rs).minReadySeconds ?? 0;
}

export function templateOf(rs: KubeObject): PodTemplate {
  return specOf(rs).template ?? {};
}

/** metav1.LabelSelectorAsSelector of the owner; undefined when the selector cannot be converted. */
export function selectorOf(kind: ControllerKind, rs: KubeObject): Selector | undefined {
  try {
    return fromLabelSelector(kind.labelSelector(rs));
  } catch {
    return undefined;
  }
}

/** `labels.Selector.Empty()`: selects everything (no requirements). */
export function isEmptySelector(sel: Selector): boolean {
  return sel.requirements !== null && sel.requirements.length === 0;
}

/** controller.PodKey: `namespace/name`. */
export function podKey(pod: KubeObject): string {
  return `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;
}

/** Epoch ms of an RFC 3339 time, or undefined for a missing or unreadable one (Go's zero time). */
/** Parsed timestamps (there are few distinct ones: second precision); the ranking sort asks a lot. */
const parsed = new Map<string, number | undefined>();

export function timeOf(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (parsed.has(value)) return parsed.get(value);
  const ms = Date.parse(value);
  const out = Number.isNaN(ms) ? undefined : ms;
  if (parsed.size > 100_000) parsed.clear();
  parsed.set(value, out);
  return out;
}
