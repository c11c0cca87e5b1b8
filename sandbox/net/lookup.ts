/**
 * Cluster state the network reads: Services by address or name, pods by IP, node addresses, and
 * the ready backends of a Service port from its EndpointSlices (what kube-proxy programs).
 */
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import type { ApiServer } from '../api/server';
import type { KubeObject } from '../api/types';
import { isStatusError } from '../api/errors';

export type ServiceView = Service & { metadata: KubeObject['metadata'] };

export function asService(obj: KubeObject): ServiceView {
  return obj as unknown as ServiceView;
}

export function getObject(
  api: ApiServer,
  plural: string,
  namespace: string | undefined,
  name: string,
): KubeObject | undefined {
  try {
    return api.get(plural, namespace, name);
  } catch (e) {
    if (isStatusError(e) && e.code === 404) return undefined;
    throw e;
  }
}

export function loadBalancerIPs(svc: KubeObject): string[] {
  return (asService(svc).status?.loadBalancer?.ingress ?? [])
    .map((i) => i.ip)
    .filter((ip): ip is string => !!ip);
}

export function clusterIPs(svc: KubeObject): string[] {
  const spec = asService(svc).spec ?? {};
  const ips = spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : []);
  return ips.filter((ip) => ip && ip !== 'None');
}

export function tcpPort(svc: KubeObject, match: (p: ServicePort) => boolean): ServicePort | undefined {
  return (asService(svc).spec?.ports ?? []).find((p) => (p.protocol ?? 'TCP') === 'TCP' && match(p));
}

export function podIP(pod: KubeObject): string | undefined {
  return (pod.status as { podIP?: string } | undefined)?.podIP || undefined;
}

/** A running-or-pending pod that holds this IP (terminal pods have given their IP back). */
export function podByIP(api: ApiServer, ip: string): KubeObject | undefined {
  return api.cache.list('pods').find((p) => {
    const phase = (p.status as { phase?: string } | undefined)?.phase;
    return podIP(p) === ip && phase !== 'Succeeded' && phase !== 'Failed';
  });
}

/** InternalIP of each node. */
export function nodeIPs(api: ApiServer): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of api.cache.list('nodes')) {
    const addrs = (n.status as { addresses?: Array<{ type: string; address: string }> } | undefined)
      ?.addresses;
    const ip = addrs?.find((a) => a.type === 'InternalIP')?.address;
    if (ip) out.set(n.metadata.name!, ip);
  }
  return out;
}

export interface Backend {
  ip: string;
  port: number;
  namespace: string;
  pod: string;
  nodeName?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** Every endpoint of the Service that carries this Service port (matched by port name). */
export function backendsOf(api: ApiServer, svc: KubeObject, port: ServicePort): Backend[] {
  const namespace = svc.metadata.namespace!;
  const slices = api.cache.list('endpointslices', namespace, {
    labelSelector: `kubernetes.io/service-name=${svc.metadata.name}`,
  });
  const out: Backend[] = [];
  const seen = new Set<string>();
  for (const slice of slices) {
    const ports = (slice.ports ?? []) as EndpointPort[];
    const sp = ports.find(
      (p) => (p.name ?? '') === (port.name ?? '') && (p.protocol ?? 'TCP') === (port.protocol ?? 'TCP'),
    );
    if (!sp || sp.port === undefined) continue;
    for (const ep of (slice.endpoints ?? []) as Endpoint[]) {
      const ip = ep.addresses[0];
      if (!ip || seen.has(ip)) continue;
      seen.add(ip);
      const c = ep.conditions ?? {};
      // kube-proxy reads an unset condition as ready/serving, an unset terminating as false.
      const ready = c.ready !== false;
      out.push({
        ip,
        port: sp.port,
        namespace: ep.targetRef?.namespace ?? namespace,
        pod: ep.targetRef?.name ?? '',
        nodeName: ep.nodeName,
        ready,
        serving: c.serving ?? ready,
        terminating: c.terminating ?? false,
      });
    }
  }
  return out;
}

/**
 * The endpoints kube-proxy sends new connections to: the ready ones, else (terminating-endpoint
 * fallback) the serving-and-terminating ones.
 */
export function usableBackends(all: Backend[]): Backend[] {
  const ready = all.filter((b) => b.ready);
  if (ready.length) return ready;
  return all.filter((b) => b.serving && b.terminating);
}
