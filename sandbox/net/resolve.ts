/**
 * Where a connection goes: cluster DNS names (inside pods only, with the pod's resolv.conf search
 * list `<ns>.svc.cluster.local svc.cluster.local cluster.local`), then the address itself —
 * LoadBalancer ingress IPs (reachable from anywhere), ClusterIPs, node IPs and pod IPs (only from
 * inside the cluster's network).
 */
import type { ServicePort } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../api/server';
import type { KubeObject } from '../api/types';
import { asService, clusterIPs, getObject, loadBalancerIPs, nodeIPs, podByIP, tcpPort } from './lookup';
import { isIPv4 } from './url';

export type Route =
  | {
      kind: 'service';
      svc: KubeObject;
      port: ServicePort;
      via: 'loadBalancer' | 'clusterIP' | 'nodePort';
      nodeName?: string;
    }
  | { kind: 'pod'; pod: KubeObject }
  /** Nothing answers: SYNs are dropped (curl waits for the timeout). */
  | { kind: 'blackhole' }
  /** A host answers with RST: nothing listens there. */
  | { kind: 'refused' };

export interface Caller {
  /** Inside the cluster network (a pod), or the reader's laptop on the internet. */
  inside: boolean;
  namespace: string;
  pod?: KubeObject;
}

const SVC_FQDN = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.svc\.cluster\.local$/;

/** DNS: the IP a name resolves to, or undefined (NXDOMAIN). IP literals resolve to themselves. */
export function resolveName(
  api: ApiServer,
  host: string,
  caller: Caller,
  pick: (ips: string[]) => string,
): string | undefined {
  const name = host.replace(/\.$/, '');
  if (isIPv4(name)) return name;
  if (name === 'localhost') return '127.0.0.1';
  if (!caller.inside) return undefined;
  const candidates = host.endsWith('.')
    ? [name]
    : [
        `${name}.${caller.namespace}.svc.cluster.local`,
        `${name}.svc.cluster.local`,
        `${name}.cluster.local`,
        name,
      ];
  for (const fqdn of candidates) {
    const m = SVC_FQDN.exec(fqdn);
    if (!m) continue;
    const svc = getObject(api, 'services', m[3], m[1]);
    if (!svc || asService(svc).spec?.type === 'ExternalName') continue;
    const ips = clusterIPs(svc);
    if (ips.length) return ips[0];
    // Headless: the A records are the ready endpoints' addresses.
    const ready = readyAddresses(api, svc);
    if (ready.length) return pick(ready);
  }
  return undefined;
}

function readyAddresses(api: ApiServer, svc: KubeObject): string[] {
  const slices = api.cache.list('endpointslices', svc.metadata.namespace, {
    labelSelector: `kubernetes.io/service-name=${svc.metadata.name}`,
  });
  const out: string[] = [];
  for (const s of slices) {
    for (const ep of (s.endpoints ?? []) as Array<{
      addresses: string[];
      conditions?: { ready?: boolean };
    }>) {
      if (ep.conditions?.ready !== false && ep.addresses[0]) out.push(ep.addresses[0]);
    }
  }
  return out;
}

/** Routing of a TCP connection to ip:port. */
export function route(api: ApiServer, ip: string, port: number, caller: Caller): Route {
  if (ip.startsWith('127.')) return caller.pod ? { kind: 'pod', pod: caller.pod } : { kind: 'refused' };
  const services = api.cache.list('services');
  for (const svc of services) {
    if (!loadBalancerIPs(svc).includes(ip)) continue;
    // The forwarding rule only carries the Service's ports; anything else is dropped.
    const p = tcpPort(svc, (sp) => sp.port === port);
    return p ? { kind: 'service', svc, port: p, via: 'loadBalancer' } : { kind: 'blackhole' };
  }
  // Everything below is private (RFC 1918) address space: unreachable from the internet.
  if (!caller.inside) return { kind: 'blackhole' };
  for (const svc of services) {
    if (!clusterIPs(svc).includes(ip)) continue;
    const p = tcpPort(svc, (sp) => sp.port === port);
    // No kube-proxy rule for that port: the virtual IP answers nothing.
    return p ? { kind: 'service', svc, port: p, via: 'clusterIP' } : { kind: 'blackhole' };
  }
  for (const [nodeName, nodeIP] of nodeIPs(api)) {
    if (nodeIP !== ip) continue;
    for (const svc of services) {
      const type = asService(svc).spec?.type;
      if (type !== 'NodePort' && type !== 'LoadBalancer') continue;
      const p = tcpPort(svc, (sp) => sp.nodePort === port);
      if (p) return { kind: 'service', svc, port: p, via: 'nodePort', nodeName };
    }
    return { kind: 'refused' };
  }
  const pod = podByIP(api, ip);
  if (pod) return { kind: 'pod', pod };
  return { kind: 'blackhole' };
}
