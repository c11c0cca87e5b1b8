/** describe node: conditions, addresses, capacity, system info, non-terminated pods, allocation. */
import type { KubeObject } from '../../api/types';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubectlEnv } from '../env';
import { canonicalQuantity } from '../../api/tables/quantity';
import { isBinaryQuantity, quantityValue } from '../../api/quantity';
import { translateTimestampSince } from '../../api/tables/duration';
import { describeEvents, searchEvents } from './events';
import { PrefixWriter, cmp, printAnnotations, printLabels, printTaints, rfc1123z } from './writer';

interface Amount {
  value: number;
  binary: boolean;
}

function parseQ(q: unknown): Amount {
  const value = quantityValue(q);
  return { value: Number.isNaN(value) ? 0 : value, binary: isBinaryQuantity(q) };
}

function formatQ(name: string, a: Amount): string {
  if (a.value === 0) return '0';
  if (name === 'cpu') return canonicalQuantity(`${Math.round(a.value * 1000)}m`);
  if (a.binary && a.value % 1024 === 0) return canonicalQuantity(`${a.value / 1024}Ki`);
  return canonicalQuantity(String(Math.round(a.value)));
}

type Totals = Map<string, Amount>;

function podTotals(pod: Pod): { req: Totals; lim: Totals } {
  const req: Totals = new Map();
  const lim: Totals = new Map();
  const add = (t: Totals, list: Record<string, unknown> | undefined): void => {
    for (const [k, v] of Object.entries(list ?? {})) {
      const a = parseQ(v);
      const prev = t.get(k);
      t.set(k, prev ? { value: prev.value + a.value, binary: prev.binary } : a);
    }
  };
  for (const c of pod.spec?.containers ?? []) {
    add(req, c.resources?.requests as Record<string, unknown>);
    add(lim, c.resources?.limits as Record<string, unknown>);
  }
  return { req, lim };
}

function pct(a: Amount | undefined, of: Amount | undefined): number {
  if (!a || !of || of.value === 0) return 0;
  return Math.trunc((a.value / of.value) * 100);
}

export function describeNode(env: KubectlEnv, obj: KubeObject): string {
  const node = obj as unknown as Node;
  const name = obj.metadata.name ?? '';
  const now = env.clock.now();
  let pods: Pod[];
  try {
    pods = env.api.list('pods', undefined, {
      fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`,
    }).items as unknown as Pod[];
  } catch {
    pods = [];
  }
  const events = [
    ...searchEvents(env, obj),
    ...searchEvents(env, { ...obj, metadata: { ...obj.metadata, uid: name } }),
  ];
  const w = new PrefixWriter();
  w.write(0, `Name:\t${name}\n`);
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(obj.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/') && k.length > 24) roles.add(k.slice(24));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  w.write(0, `Roles:\t${[...roles].sort(cmp).join(',') || '<none>'}\n`);
  printLabels(w, 'Labels', obj.metadata.labels);
  printAnnotations(w, 'Annotations', obj.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`);
  printTaints(w, 'Taints', node.spec?.taints);
  w.write(0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
  // The kubelet renews its Lease every 10 seconds.
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${name}\n`);
  w.write(1, 'AcquireTime:\t<unset>\n');
  w.write(1, `RenewTime:\t${rfc1123z(new Date(Math.floor(now / 10000) * 10000).toISOString())}\n`);
  const conds = node.status?.conditions ?? [];
  if (conds.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conds) {
      w.write(
        1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      );
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of node.status?.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [
    ['Capacity', node.status?.capacity],
    ['Allocatable', node.status?.allocatable],
  ] as const) {
    const keys = Object.keys(list ?? {}).sort(cmp);
    if (keys.length === 0) continue;
    w.write(0, `${title}:\n`);
    for (const k of keys) w.write(0, `  ${k}:\t${String(list![k])}\n`);
  }
  const info = node.status?.nodeInfo;
  w.write(0, 'System Info:\n');
  const rows: Array<[string, string | undefined]> = [
    ['Machine ID', info?.machineID],
    ['System UUID', info?.systemUUID],
    ['Boot ID', info?.bootID],
    ['Kernel Version', info?.kernelVersion],
    ['OS Image', info?.osImage],
    ['Operating System', info?.operatingSystem],
    ['Architecture', info?.architecture],
    ['Container Runtime Version', info?.containerRuntimeVersion],
    ['Kubelet Version', info?.kubeletVersion],
    ['Kube-Proxy Version', info?.kubeProxyVersion],
  ];
  for (const [k, v] of rows) w.write(0, `  ${k}:\t${v ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if ((node.spec?.podCIDRs ?? []).length > 0) w.write(0, `PodCIDRs:\t${node.spec!.podCIDRs!.join(',')}\n`);
  if (node.spec?.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`);
  nodeResources(w, node, pods, now);
  describeEvents(w, events, now);
  return w.toString();
}

function nodeResources(w: PrefixWriter, node: Node, pods: Pod[], now: number): void {
  const allocList = Object.keys(node.status?.allocatable ?? {}).length
    ? node.status?.allocatable
    : node.status?.capacity;
  const alloc = (k: string): Amount | undefined =>
    allocList?.[k] !== undefined ? parseQ(allocList[k]) : undefined;
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const total = { req: new Map<string, Amount>(), lim: new Map<string, Amount>() };
  for (const p of pods) {
    const t = podTotals(p);
    const cell = (m: Totals, k: string): string => {
      const a = m.get(k) ?? { value: 0, binary: false };
      return `${formatQ(k, a)} (${pct(a, alloc(k))}%)`;
    };
    w.write(
      1,
      `${p.metadata?.namespace}\t${p.metadata?.name}\t\t${cell(t.req, 'cpu')}\t${cell(t.lim, 'cpu')}\t${cell(t.req, 'memory')}\t${cell(t.lim, 'memory')}\t${translateTimestampSince(p.metadata?.creationTimestamp, now)}\n`,
    );
    for (const [dst, src] of [
      [total.req, t.req],
      [total.lim, t.lim],
    ] as const) {
      for (const [k, a] of src) {
        const prev = dst.get(k);
        dst.set(k, prev ? { value: prev.value + a.value, binary: prev.binary } : a);
      }
    }
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  for (const k of ['cpu', 'memory', 'ephemeral-storage']) {
    const r = total.req.get(k) ?? { value: 0, binary: false };
    const l = total.lim.get(k) ?? { value: 0, binary: false };
    w.write(1, `${k}\t${formatQ(k, r)} (${pct(r, alloc(k))}%)\t${formatQ(k, l)} (${pct(l, alloc(k))}%)\n`);
  }
  for (const k of Object.keys(allocList ?? {})
    .filter((x) => x.startsWith('hugepages-'))
    .sort(cmp)) {
    w.write(1, `${k}\t0 (0%)\t0 (0%)\n`);
  }
}
