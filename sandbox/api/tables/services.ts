/**
 * Services: `printService`. The API server prints wide (`GenerateOptions{Wide: true}` in
 * pkg/printers/storage), so load-balancer addresses are never truncated in a server-side Table;
 * the 16-character truncation only exists in kubectl's own (non-wide) printing path.
 */
import type { LoadBalancerStatus, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import {
  SERVICE_SPEC_CLUSTER_IP,
  SERVICE_SPEC_EXTERNAL_IPS,
  SERVICE_SPEC_PORTS,
  SERVICE_SPEC_SELECTOR,
  SERVICE_SPEC_TYPE,
} from './descriptions';
import { translateTimestampSince } from './duration';
import type { PrintContext, PrintedRow, Printer } from './printer';
import { formatLabels } from './selectors';
import { compareStrings } from './sort';

export const SERVICE_COLUMNS = [
  NAME_COLUMN,
  column('Type', 'string', SERVICE_SPEC_TYPE),
  column('Cluster-IP', 'string', SERVICE_SPEC_CLUSTER_IP),
  column('External-IP', 'string', SERVICE_SPEC_EXTERNAL_IPS),
  column('Port(s)', 'string', SERVICE_SPEC_PORTS),
  AGE_COLUMN,
  column('Selector', 'string', SERVICE_SPEC_SELECTOR, 1),
];

/** `loadBalancerWidth` of printers.go: longer lists are cut to 13 characters + `...` when not wide. */
export const LOAD_BALANCER_WIDTH = 16;

/** `loadBalancerStatusStringer`: ingress IPs (else hostnames), de-duplicated, sorted, comma-joined. */
export function loadBalancerAddresses(lb: LoadBalancerStatus | undefined, wide: boolean): string {
  const set = new Set<string>();
  for (const ing of lb?.ingress ?? []) {
    if (ing.ip) set.add(ing.ip);
    else if (ing.hostname) set.add(ing.hostname);
  }
  let r = [...set].sort(compareStrings).join(',');
  if (!wide && r.length > LOAD_BALANCER_WIDTH) r = r.slice(0, LOAD_BALANCER_WIDTH - 3) + '...';
  return r;
}

/** `getServiceExternalIP` */
export function externalIP(svc: Service, wide: boolean): string {
  const spec = svc.spec ?? {};
  const externalIPs = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lbIPs = loadBalancerAddresses(svc.status?.loadBalancer, wide);
      if (externalIPs.length > 0) return [...(lbIPs ? lbIPs.split(',') : []), ...externalIPs].join(',');
      return lbIPs || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
  }
  return '<unknown>';
}

/** `makePortString`: `port/PROTO` or `port:nodePort/PROTO`, comma-joined. */
export function portString(ports: readonly ServicePort[] | undefined): string {
  return (ports ?? [])
    .map((p) =>
      p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`,
    )
    .join(',');
}

/** The internal type's ClusterIPs[0]; a stored v1 object always has `clusterIPs` next to `clusterIP`. */
function clusterIP(svc: Service): string {
  return svc.spec?.clusterIPs?.[0] || svc.spec?.clusterIP || '<none>';
}

export function printService(obj: KubeObject, ctx: PrintContext): PrintedRow {
  const svc = obj as unknown as Service;
  return {
    cells: [
      svc.metadata?.name ?? '',
      svc.spec?.type ?? '',
      clusterIP(svc),
      externalIP(svc, true),
      portString(svc.spec?.ports) || '<none>',
      translateTimestampSince(svc.metadata?.creationTimestamp, ctx.now),
      formatLabels(svc.spec?.selector),
    ],
  };
}

export const servicePrinter: Printer = { columns: SERVICE_COLUMNS, print: printService };
