/**
 * The Endpoints and EndpointSlice controllers. Both are driven by the same triggers (upstream:
 * Service add/update/delete; pod add/update/delete for every Service whose selector matches the
 * pod's old or new labels) and each keeps its own work queue.
 */
import type { ClusterContext, Stop } from '../../cluster/context';
import type { KubeObject, WatchEvent } from '../../api/types';
import { WorkQueue, keyOf } from '../runtime/queue';
import { syncEndpoints } from './endpoints';
import { syncSlices, SkippedPodsError } from './slices';
import { selectorMatches, serviceSelector } from './pods';
import { TriggerTimeTracker } from './trigger';

/** Delay before a Service whose pods sit on an unknown node is synced again. */
const SKIPPED_RETRY_MS = 1000;

export function start(ctx: ClusterContext): Stop {
  const endpointsTracker = new TriggerTimeTracker();
  const slicesTracker = new TriggerTimeTracker();
  const endpoints = new WorkQueue(ctx.clock, {
    name: 'endpoint',
    sync: (key) => syncEndpoints(ctx, endpointsTracker, key),
  });
  const slices: WorkQueue = new WorkQueue(ctx.clock, {
    name: 'endpoint_slice',
    sync: (key) => {
      try {
        syncSlices(ctx, slicesTracker, key);
      } catch (e) {
        if (e instanceof SkippedPodsError) slices.addAfter(key, SKIPPED_RETRY_MS);
        else throw e;
      }
    },
  });
  const enqueue = (key: string): void => {
    endpoints.add(key);
    slices.add(key);
  };

  // The last labels seen per pod, by namespace then name: the stored versions of a pod share their
  // name strings, so the lookups hash nothing new (a `namespace/name` key built per event would).
  const podLabels = new Map<string, Map<string, Record<string, string>>>();
  const onService = (e: WatchEvent): void => enqueue(keyOf(e.object));
  const onPod = (e: WatchEvent): void => {
    const pod = e.object;
    const ns = pod.metadata.namespace ?? '';
    const name = pod.metadata.name ?? '';
    let inNs = podLabels.get(ns);
    const old = inNs?.get(name);
    if (e.type === 'DELETED') {
      inNs?.delete(name);
      if (inNs?.size === 0) podLabels.delete(ns);
    } else {
      if (!inNs) podLabels.set(ns, (inNs = new Map()));
      inNs.set(name, pod.metadata.labels ?? {});
    }
    for (const svc of servicesFor(ctx, pod, old)) enqueue(keyOf(svc));
  };

  const services = ctx.api.watch('services', undefined, { shared: true }, onService);
  const pods = ctx.api.watch('pods', undefined, { shared: true }, onPod);
  // A node appearing lets slices include the pods placed on it.
  const nodes = ctx.api.watch('nodes', undefined, { shared: true }, (e) => {
    if (e.type !== 'ADDED') return;
    for (const svc of ctx.api.cache.list('services')) slices.add(keyOf(svc));
  });
  return () => {
    services.stop();
    pods.stop();
    nodes.stop();
    endpoints.stop();
    slices.stop();
  };
}

function servicesFor(
  ctx: ClusterContext,
  pod: KubeObject,
  oldLabels: Record<string, string> | undefined,
): KubeObject[] {
  return ctx.api.cache.list('services', pod.metadata.namespace).filter((svc) => {
    const sel = serviceSelector(svc);
    if (!sel) return false;
    return (
      selectorMatches(sel, pod.metadata.labels) ||
      (oldLabels !== undefined && selectorMatches(sel, oldLabels))
    );
  });
}
