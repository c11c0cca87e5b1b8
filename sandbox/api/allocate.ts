/**
 * Service address allocation, as the service registry does it: a ClusterIP from the service CIDR
 * (10.96.0.0/12; 10.96.0.1 is the `kubernetes` Service) and NodePorts from 30000-32767, chosen at
 * random (seeded) among the free ones. User-chosen values are checked against those in use.
 */
import type { KubeObject } from './types';
import type { FieldError } from './errors';
import type { SeededRandom } from '../clock/random';

const CIDR_BASE = (10 << 24) | (96 << 16); // 10.96.0.0
const CIDR_SIZE = 1 << 20; // /12
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

interface ServicePort {
  name?: string;
  port?: number;
  nodePort?: number;
  protocol?: string;
}
interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  ports?: ServicePort[];
}

export function ipToString(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function ipToNumber(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

function inUse(services: readonly KubeObject[]): { ips: Set<string>; ports: Set<number> } {
  const ips = new Set<string>();
  const ports = new Set<number>();
  for (const s of services) {
    const spec = s.spec as ServiceSpec | undefined;
    for (const ip of spec?.clusterIPs ?? (spec?.clusterIP ? [spec.clusterIP] : [])) ips.add(ip);
    for (const p of spec?.ports ?? []) if (p.nodePort) ports.add(p.nodePort);
  }
  return { ips, ports };
}

/**
 * Fill in spec.clusterIP(s) and nodePorts of a Service being created, or return field errors for
 * user-chosen values that are taken or out of range. `existing` are all Services in the cluster.
 */
export function allocateServiceAddresses(
  svc: KubeObject,
  existing: readonly KubeObject[],
  random: SeededRandom,
): FieldError[] {
  const spec = (svc.spec ?? {}) as ServiceSpec;
  const errs: FieldError[] = [];
  const used = inUse(existing);
  if (spec.type !== 'ExternalName') {
    if (spec.clusterIP === 'None') {
      spec.clusterIPs = ['None'];
    } else if (spec.clusterIP) {
      const n = ipToNumber(spec.clusterIP);
      if (n === undefined || n < CIDR_BASE || n >= CIDR_BASE + CIDR_SIZE) {
        errs.push({
          type: 'FieldValueInvalid',
          field: 'spec.clusterIPs',
          body: `Invalid value: []string{"${spec.clusterIP}"}: failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is 10.96.0.0/12`,
        });
      } else if (used.ips.has(spec.clusterIP)) {
        errs.push({
          type: 'FieldValueInvalid',
          field: 'spec.clusterIPs',
          body: `Invalid value: []string{"${spec.clusterIP}"}: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`,
        });
      } else spec.clusterIPs = [spec.clusterIP];
    } else {
      let ip = '';
      for (let tries = 0; tries < 64 && !ip; tries++) {
        const candidate = ipToString(CIDR_BASE + 2 + random.int(CIDR_SIZE - 3));
        if (!used.ips.has(candidate)) ip = candidate;
      }
      spec.clusterIP = ip;
      spec.clusterIPs = [ip];
    }
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    (spec.ports ?? []).forEach((p, i) => {
      if (p.nodePort) {
        if (used.ports.has(p.nodePort)) {
          errs.push({
            type: 'FieldValueInvalid',
            field: `spec.ports[${i}].nodePort`,
            body: `Invalid value: ${p.nodePort}: provided port is already allocated`,
          });
        } else if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
          errs.push({
            type: 'FieldValueInvalid',
            field: `spec.ports[${i}].nodePort`,
            body: `Invalid value: ${p.nodePort}: provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`,
          });
        }
        used.ports.add(p.nodePort);
        return;
      }
      for (let tries = 0; tries < 256; tries++) {
        const candidate = NODE_PORT_MIN + random.int(NODE_PORT_MAX - NODE_PORT_MIN + 1);
        if (!used.ports.has(candidate)) {
          p.nodePort = candidate;
          used.ports.add(candidate);
          break;
        }
      }
    });
  }
  svc.spec = spec as KubeObject['spec'];
  return errs;
}
