/**
 * The pod QoS class (qos.ComputePodQOS): BestEffort with no cpu/memory requests or limits,
 * Guaranteed when every container limits cpu and memory and requests equal limits, else Burstable.
 */
import { isRecord, rec, recList } from './json';
import { parseQuantity } from './quantity';

const QOS_RESOURCES = ['cpu', 'memory'];

export type QOSClass = 'BestEffort' | 'Burstable' | 'Guaranteed';

export function computePodQOS(spec: unknown): QOSClass {
  const s = rec(spec);
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  for (const c of [...recList(s.initContainers), ...recList(s.containers)]) {
    const resources = rec(c.resources);
    const req = isRecord(resources.requests) ? resources.requests : {};
    const lim = isRecord(resources.limits) ? resources.limits : {};
    for (const [name, raw] of Object.entries(req)) {
      const q = parseQuantity(raw);
      if (!QOS_RESOURCES.includes(name) || !q || q.value <= 0) continue;
      requests.set(name, (requests.get(name) ?? 0) + q.value);
    }
    const found = new Set<string>();
    for (const [name, raw] of Object.entries(lim)) {
      const q = parseQuantity(raw);
      if (!QOS_RESOURCES.includes(name) || !q || q.value === 0) continue;
      found.add(name);
      limits.set(name, (limits.get(name) ?? 0) + q.value);
    }
    if (!QOS_RESOURCES.every((r) => found.has(r))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, value] of requests) if (limits.get(name) !== value) guaranteed = false;
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

/** qos.GetPodQOS: the recorded status.qosClass, else computed. */
export function podQOS(pod: unknown): string {
  const recorded = rec(rec(pod).status).qosClass;
  return typeof recorded === 'string' && recorded ? recorded : computePodQOS(rec(pod).spec);
}
