/**
 * The Filter plugins the simulated scheduler runs, in the default profile's order (first failure
 * decides a node's reason): NodeUnschedulable, TaintToleration (a NotReady node carries the
 * not-ready taint), NodeAffinity (nodeSelector only), NodeResourcesFit. And the FitError text:
 * `0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: ...`.
 */
import type { Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import { quantityValue, type Requests } from './resources';

export interface NodeLoad {
  pods: number;
  cpu: number;
  memory: number;
}

export interface FilterResult {
  ok: boolean;
  reason?: string;
  /** Whether preemption could help (resources) or not (everything else). */
  resource?: boolean;
}

/** What the filters read of a node, once per node version (stored nodes are frozen). */
export interface NodeFacts {
  ready: boolean;
  pods: number;
  cpu: number;
  memory: number;
}

const facts = new WeakMap<Node, NodeFacts>();

export function factsOf(node: Node): NodeFacts {
  let f = facts.get(node);
  if (f) return f;
  const alloc = (node.status?.allocatable ?? {}) as Record<string, string>;
  f = {
    ready: (node.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
    pods: quantityValue(alloc.pods ?? '110'),
    cpu: quantityValue(alloc.cpu ?? '0') * 1000,
    memory: quantityValue(alloc.memory ?? '0'),
  };
  if (Object.isFrozen(node)) facts.set(node, f);
  return f;
}

function tolerates(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

/** TaintToleration for one taint (a plain function: filterNode runs for every node per pod). */
function untolerated(pod: Pod, taint: Taint): FilterResult | undefined {
  return taint.effect !== 'PreferNoSchedule' && !tolerates(pod.spec?.tolerations ?? [], taint)
    ? { ok: false, reason: `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}` }
    : undefined;
}

/** The filters for one node; `nf` is `factsOf(node)` when the caller keeps it. */
export function filterNode(
  pod: Pod,
  node: Node,
  load: NodeLoad,
  req: Requests,
  nf: NodeFacts = factsOf(node),
): FilterResult {
  if (node.spec?.unschedulable) {
    const tolerated = tolerates(pod.spec?.tolerations ?? [], {
      key: 'node.kubernetes.io/unschedulable',
      effect: 'NoSchedule',
    });
    if (!tolerated) return { ok: false, reason: 'node(s) were unschedulable' };
  }
  for (const taint of node.spec?.taints ?? []) {
    const r = untolerated(pod, taint);
    if (r) return r;
  }
  if (!nf.ready) {
    const r = untolerated(pod, NOT_READY);
    if (r) return r;
  }
  const selector = pod.spec?.nodeSelector;
  if (selector) {
    const labels = node.metadata?.labels ?? {};
    for (const k in selector) {
      if (labels[k] !== selector[k])
        return { ok: false, reason: "node(s) didn't match Pod's node affinity/selector" };
    }
  }
  if (load.pods + 1 > nf.pods) return { ok: false, reason: 'Too many pods', resource: true };
  if (req.cpu > 0 && load.cpu + req.cpu > nf.cpu) {
    return { ok: false, reason: 'Insufficient cpu', resource: true };
  }
  if (req.memory > 0 && load.memory + req.memory > nf.memory) {
    return { ok: false, reason: 'Insufficient memory', resource: true };
  }
  return FITS;
}

/** The taint a node that is not Ready carries. */
const NOT_READY: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' };
const FITS: FilterResult = Object.freeze({ ok: true });

function histogram(counts: Map<string, number>): string {
  return [...counts.entries()]
    .map(([reason, n]) => `${n} ${reason}`)
    .sort()
    .join(', ');
}

/** The FailedScheduling message for per-node failures. */
export function fitErrorMessage(total: number, failures: FilterResult[]): string {
  if (total === 0) return 'no nodes available to schedule pods';
  const reasons = new Map<string, number>();
  const preemption = new Map<string, number>();
  for (const f of failures) {
    reasons.set(f.reason!, (reasons.get(f.reason!) ?? 0) + 1);
    const p = f.resource
      ? 'No preemption victims found for incoming pod'
      : 'Preemption is not helpful for scheduling';
    preemption.set(p, (preemption.get(p) ?? 0) + 1);
  }
  return `0/${total} nodes are available: ${histogram(reasons)}. preemption: 0/${total} nodes are available: ${histogram(preemption)}.`;
}
