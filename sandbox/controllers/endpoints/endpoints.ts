/**
 * The Endpoints controller's sync of one Service: the core/v1 Endpoints named like the Service,
 * with ready pod addresses in `addresses` and the others in `notReadyAddresses`, grouped into
 * subsets by identical port sets (RepackSubsets). Selector-less and ExternalName Services are left
 * alone; a deleted Service's Endpoints are deleted.
 */
import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1';
import type { ClusterContext } from '../../cluster/context';
import type { KubeObject } from '../../api/types';
import { isStatusError } from '../../api/errors';
import { deepEqual } from '../../api/patch/equal';
import { splitKey } from '../runtime/queue';
import {
  asService,
  findPort,
  isHeadless,
  isPodReady,
  podIPv4,
  selectorMatches,
  serviceSelector,
  shouldPodBeInEndpoints,
} from './pods';
import { TRIGGER_TIME_ANNOTATION, type TriggerTimeTracker } from './trigger';

export const HEADLESS_LABEL = 'service.kubernetes.io/headless';
const OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';
const SOURCE = { component: 'endpoint-controller' };

interface Entry {
  address: EndpointAddress;
  ready: boolean;
  ports: EndpointPort[];
}

export function syncEndpoints(ctx: ClusterContext, tracker: TriggerTimeTracker, key: string): void {
  const [namespace, name] = splitKey(key);
  const svc = get(ctx, 'services', namespace, name);
  if (!svc) {
    tracker.forget(key);
    try {
      ctx.api.delete('endpoints', namespace, name, { shared: true });
    } catch (e) {
      if (!isStatusError(e) || e.code !== 404) throw e;
    }
    return;
  }
  const spec = asService(svc).spec ?? {};
  if (spec.type === 'ExternalName') return;
  const selector = serviceSelector(svc);
  if (!selector) return;

  // The pod lister: the stored objects themselves (a copy of every pod per sync made it quadratic).
  const pods = ctx.api.cache
    .list('pods', namespace)
    .filter((p) => selectorMatches(selector, p.metadata.labels));
  const publishNotReady = spec.publishNotReadyAddresses === true;
  const entries: Entry[] = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const address = addressOf(pod, svc);
    const ready = publishNotReady || isPodReady(pod);
    const ports: EndpointPort[] = [];
    for (const sp of spec.ports ?? []) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      const ep: EndpointPort = { port, protocol: sp.protocol ?? 'TCP' };
      if (sp.name) ep.name = sp.name;
      if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
      ports.push(ep);
    }
    if ((spec.ports ?? []).length === 0 && !isHeadless(svc)) continue;
    if ((spec.ports ?? []).length > 0 && ports.length === 0) continue;
    entries.push({ address, ready, ports });
  }
  const subsets = repack(entries);
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  if (isHeadless(svc)) labels[HEADLESS_LABEL] = '';
  const triggerTime = tracker.compute(key, svc, pods);

  const current = get(ctx, 'endpoints', namespace, name);
  if (
    current &&
    deepEqual((current.subsets ?? []) as never, subsets as never) &&
    deepEqual((current.metadata.labels ?? {}) as never, labels as never) &&
    !current.metadata.annotations?.[OVER_CAPACITY]
  ) {
    return;
  }
  const annotations: Record<string, string> = { ...(current?.metadata.annotations ?? {}) };
  if (triggerTime) annotations[TRIGGER_TIME_ANNOTATION] = triggerTime;
  else delete annotations[TRIGGER_TIME_ANNOTATION];
  delete annotations[OVER_CAPACITY];
  const metadata: KubeObject['metadata'] = { ...(current?.metadata ?? {}), name, namespace };
  metadata.labels = labels;
  if (Object.keys(labels).length === 0) delete metadata.labels;
  metadata.annotations = annotations;
  if (Object.keys(annotations).length === 0) delete metadata.annotations;
  const body: KubeObject = { apiVersion: 'v1', kind: 'Endpoints', metadata };
  if (subsets.length) body.subsets = subsets;
  write(ctx, svc, body, !current);
}

function write(ctx: ClusterContext, svc: KubeObject, body: KubeObject, create: boolean): void {
  try {
    // The answers are not read: no copies of them.
    if (create) ctx.api.create(body, { shared: true });
    else ctx.api.update(body, { shared: true });
  } catch (e) {
    // A namespace being deleted refuses new content: nothing to do, as upstream.
    if (isStatusError(e) && e.code === 403 && create) return;
    const id = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const msg = e instanceof Error ? e.message : String(e);
    if (create) {
      ctx.events.record(
        SOURCE,
        svc,
        'Warning',
        'FailedToCreateEndpoint',
        `Failed to create endpoint for service ${id}: ${msg}`,
      );
    } else {
      ctx.events.record(
        SOURCE,
        svc,
        'Warning',
        'FailedToUpdateEndpoint',
        `Failed to update endpoint ${id}: ${msg}`,
      );
    }
    throw e;
  }
}

function addressOf(pod: KubeObject, svc: KubeObject): EndpointAddress {
  const spec = (pod.spec ?? {}) as { nodeName?: string; hostname?: string; subdomain?: string };
  const address: EndpointAddress = {
    ip: podIPv4(pod)!,
    targetRef: {
      kind: 'Pod',
      namespace: pod.metadata.namespace,
      name: pod.metadata.name,
      uid: pod.metadata.uid,
    },
  };
  if (spec.hostname && spec.subdomain === svc.metadata.name) address.hostname = spec.hostname;
  if (spec.nodeName) address.nodeName = spec.nodeName;
  return address;
}

/**
 * RepackSubsets + SortSubsets: addresses with identical port sets share a subset; addresses are
 * sorted by IP then pod UID. Upstream orders ports and subsets by a hash of their contents; here
 * ports sort by (name, port, protocol) and subsets by their first address (a documented deviation).
 */
export function repack(entries: Entry[]): EndpointSubset[] {
  const groups = new Map<
    string,
    { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }
  >();
  for (const e of entries) {
    const ports = [...e.ports].sort(comparePorts);
    const k = JSON.stringify(ports);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { ports, ready: [], notReady: [] }));
    const list = e.ready ? g.ready : g.notReady;
    if (!list.some((a) => a.ip === e.address.ip && a.targetRef?.uid === e.address.targetRef?.uid))
      list.push(e.address);
  }
  const subsets: EndpointSubset[] = [];
  for (const g of groups.values()) {
    const s: EndpointSubset = {};
    if (g.ready.length) s.addresses = g.ready.sort(compareAddresses);
    if (g.notReady.length) s.notReadyAddresses = g.notReady.sort(compareAddresses);
    if (g.ports.length) s.ports = g.ports;
    subsets.push(s);
  }
  return subsets.sort((a, b) => compareAddresses(firstAddress(a), firstAddress(b)));
}

function firstAddress(s: EndpointSubset): EndpointAddress {
  return (s.addresses ?? s.notReadyAddresses ?? [{ ip: '' }])[0];
}

function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  // Upstream compares the IP strings byte by byte (so 10.244.1.10 sorts before 10.244.1.9).
  const x = a.ip;
  const y = b.ip;
  if (x !== y) return x < y ? -1 : 1;
  const u = a.targetRef?.uid ?? '';
  const v = b.targetRef?.uid ?? '';
  return u < v ? -1 : u > v ? 1 : 0;
}

function comparePorts(a: EndpointPort, b: EndpointPort): number {
  const x = `${a.name ?? ''}\u0000${String(a.port).padStart(5, '0')}\u0000${a.protocol ?? ''}`;
  const y = `${b.name ?? ''}\u0000${String(b.port).padStart(5, '0')}\u0000${b.protocol ?? ''}`;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A lister's get: the stored object itself (read only), undefined when there is none. */
export function get(
  ctx: ClusterContext,
  plural: string,
  namespace: string | undefined,
  name: string,
): KubeObject | undefined {
  return ctx.api.cache.get(plural, namespace, name);
}
