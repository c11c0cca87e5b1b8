/**
 * The EndpointSlice controller's sync of one Service: discovery.k8s.io/v1 slices named
 * `<service>-<5 random>`, one per distinct set of resolved ports, at most 100 endpoints each,
 * with ready/serving/terminating conditions. Terminating pods stay in (ready=false,
 * terminating=true). With no endpoints at all a placeholder slice (no ports, no endpoints) exists.
 * Slices of a deleted Service go with it through the garbage collector (owner reference).
 */
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import type { ClusterContext } from '../../cluster/context';
import type { KubeObject } from '../../api/types';
import { isStatusError } from '../../api/errors';
import { deepEqual } from '../../api/patch/equal';
import { splitKey } from '../runtime/queue';
import { get, HEADLESS_LABEL } from './endpoints';
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

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const MAX_ENDPOINTS_PER_SLICE = 100;
const ZONE_LABEL = 'topology.kubernetes.io/zone';

interface Desired {
  ports: EndpointPort[];
  endpoints: Endpoint[];
}

/** Thrown after writing what could be written, so the Service is retried (a pod's node is missing). */
export class SkippedPodsError extends Error {}

export function syncSlices(ctx: ClusterContext, tracker: TriggerTimeTracker, key: string): void {
  const [namespace, name] = splitKey(key);
  const svc = get(ctx, 'services', namespace, name);
  if (!svc) {
    tracker.forget(key);
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
  const desired = new Map<string, Desired>();
  const skipped: string[] = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
    const node = nodeName ? get(ctx, 'nodes', undefined, nodeName) : undefined;
    if (nodeName && !node && !spec.publishNotReadyAddresses) {
      skipped.push(
        `skipping Pod ${pod.metadata.name} for Service ${namespace}/${name}: Node ${nodeName} Not Found`,
      );
      continue;
    }
    const ports = endpointPorts(pod, svc);
    const k = JSON.stringify(ports);
    let d = desired.get(k);
    if (!d) desired.set(k, (d = { ports, endpoints: [] }));
    d.endpoints.push(endpointOf(pod, svc, node));
  }

  const triggerTime = tracker.compute(key, svc, pods);
  const labelled = ctx.api.cache.list('endpointslices', namespace, {
    labelSelector: `${SERVICE_NAME_LABEL}=${name},${MANAGED_BY_LABEL}=${CONTROLLER_NAME}`,
  });
  // Slices left over from an earlier Service of the same name (another UID) are deleted.
  const owned = (s: KubeObject): boolean =>
    (s.metadata.ownerReferences ?? []).some((r) => r.uid === svc.metadata.uid && r.kind === 'Service');
  for (const s of labelled) if (!owned(s)) remove(ctx, s);
  const existing = labelled.filter(owned);
  const labels = sliceLabels(svc);
  const used = new Set<string>();
  for (const [k, d] of desired) {
    const mine = existing.filter((s) => JSON.stringify(normalizePorts(s.ports)) === k);
    reconcilePortMap(ctx, svc, d, mine, labels, triggerTime);
    for (const s of mine) used.add(s.metadata.name!);
  }
  const stale = existing.filter((s) => !used.has(s.metadata.name!));
  if (desired.size === 0) {
    // The placeholder: kept when it is the only slice left, created when there is none.
    const placeholder = stale.find((s) => isPlaceholder(s));
    if (placeholder) stale.splice(stale.indexOf(placeholder), 1);
    else create(ctx, svc, { ports: [], endpoints: [] }, labels, triggerTime, true);
  }
  for (const s of stale) remove(ctx, s);
  if (skipped.length) throw new SkippedPodsError(skipped.join('; '));
}

function reconcilePortMap(
  ctx: ClusterContext,
  svc: KubeObject,
  d: Desired,
  slices: KubeObject[],
  labels: Record<string, string>,
  triggerTime: string | undefined,
): void {
  const byPod = new Map(d.endpoints.map((e) => [e.targetRef?.uid ?? e.addresses[0], e]));
  const placed = new Set<string>();
  const updates: Array<[KubeObject, Endpoint[]]> = [];
  for (const s of slices) {
    const kept: Endpoint[] = [];
    for (const e of (s.endpoints ?? []) as Endpoint[]) {
      const id = e.targetRef?.uid ?? e.addresses[0];
      const next = byPod.get(id);
      if (next && !placed.has(id)) {
        kept.push(next);
        placed.add(id);
      }
    }
    updates.push([s, kept]);
  }
  const fresh = d.endpoints.filter((e) => !placed.has(e.targetRef?.uid ?? e.addresses[0]));
  // New endpoints fill existing slices first, then new slices of at most 100.
  for (const u of updates) {
    while (fresh.length && u[1].length < MAX_ENDPOINTS_PER_SLICE) u[1].push(fresh.shift()!);
  }
  for (const [s, eps] of updates) {
    if (eps.length === 0) {
      remove(ctx, s);
      continue;
    }
    const sameLabels = deepEqual((s.metadata.labels ?? {}) as never, labels as never);
    if (sameLabels && deepEqual((s.endpoints ?? []) as never, eps as never)) continue;
    const next: KubeObject = { ...s, metadata: { ...s.metadata, labels }, endpoints: eps, ports: d.ports };
    setTrigger(next, triggerTime);
    ctx.api.update(next, { shared: true });
  }
  while (fresh.length) {
    create(
      ctx,
      svc,
      { ports: d.ports, endpoints: fresh.splice(0, MAX_ENDPOINTS_PER_SLICE) },
      labels,
      triggerTime,
    );
  }
}

function create(
  ctx: ClusterContext,
  svc: KubeObject,
  d: Desired,
  labels: Record<string, string>,
  triggerTime: string | undefined,
  placeholder = false,
): void {
  // No new slices for a Service pending deletion (the garbage collector is removing them).
  if (svc.metadata.deletionTimestamp) return;
  const body: KubeObject = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: `${svc.metadata.name}-`,
      namespace: svc.metadata.namespace,
      labels,
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'Service',
          name: svc.metadata.name!,
          uid: svc.metadata.uid!,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    addressType: 'IPv4',
    ports: d.ports,
  };
  if (!placeholder) body.endpoints = d.endpoints;
  setTrigger(body, triggerTime);
  try {
    ctx.api.create(body, { shared: true });
  } catch (e) {
    // The namespace is being terminated: nothing to publish any more.
    if (isStatusError(e) && e.code === 403) return;
    throw e;
  }
}

function remove(ctx: ClusterContext, slice: KubeObject): void {
  try {
    ctx.api.delete('endpointslices', slice.metadata.namespace, slice.metadata.name!, { shared: true });
  } catch (e) {
    if (!isStatusError(e) || e.code !== 404) throw e;
  }
}

function setTrigger(slice: KubeObject, triggerTime: string | undefined): void {
  const annotations = { ...(slice.metadata.annotations ?? {}) };
  if (triggerTime) annotations[TRIGGER_TIME_ANNOTATION] = triggerTime;
  else delete annotations[TRIGGER_TIME_ANNOTATION];
  if (Object.keys(annotations).length) slice.metadata.annotations = annotations;
  else delete slice.metadata.annotations;
}

function isPlaceholder(slice: KubeObject): boolean {
  return (
    ((slice.endpoints as unknown[] | undefined) ?? []).length === 0 &&
    normalizePorts(slice.ports).length === 0
  );
}

/** The Service's labels plus the two the controller owns (and the headless marker). */
export function sliceLabels(svc: KubeObject): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) {
    if (k !== SERVICE_NAME_LABEL && k !== MANAGED_BY_LABEL) labels[k] = v;
  }
  labels[SERVICE_NAME_LABEL] = svc.metadata.name!;
  labels[MANAGED_BY_LABEL] = CONTROLLER_NAME;
  if (isHeadless(svc)) labels[HEADLESS_LABEL] = '';
  return labels;
}

function endpointPorts(pod: KubeObject, svc: KubeObject): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const sp of asService(svc).spec?.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const ep: EndpointPort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
    out.push(ep);
  }
  return out;
}

function normalizePorts(ports: unknown): EndpointPort[] {
  return ((ports as EndpointPort[] | undefined) ?? []).map((p) => {
    const ep: EndpointPort = { name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' };
    if (p.appProtocol) ep.appProtocol = p.appProtocol;
    return ep;
  });
}

/** `podToEndpoint`: serving = pod Ready, terminating = deletionTimestamp set, ready = serving && !terminating. */
function endpointOf(pod: KubeObject, svc: KubeObject, node: KubeObject | undefined): Endpoint {
  const spec = (pod.spec ?? {}) as { nodeName?: string; hostname?: string; subdomain?: string };
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready = asService(svc).spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const ep: Endpoint = {
    addresses: [podIPv4(pod)!],
    conditions: { ready, serving, terminating },
  };
  if (spec.hostname && spec.subdomain === svc.metadata.name) ep.hostname = spec.hostname;
  ep.targetRef = {
    kind: 'Pod',
    namespace: pod.metadata.namespace,
    name: pod.metadata.name,
    uid: pod.metadata.uid,
  };
  if (spec.nodeName) ep.nodeName = spec.nodeName;
  const zone = node?.metadata.labels?.[ZONE_LABEL];
  if (zone) ep.zone = zone;
  return ep;
}
