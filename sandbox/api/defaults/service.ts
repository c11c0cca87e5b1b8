/**
 * Service (v1) defaulting: type ClusterIP, sessionAffinity None (ClientIP gets a 10800s timeout),
 * port protocol TCP, targetPort = port when unset/0/"", externalTrafficPolicy Cluster for
 * externally reachable types, internalTrafficPolicy Cluster, allocateLoadBalancerNodePorts true
 * for LoadBalancer, and the IP family fields the registry fills in on a single-stack IPv4 cluster
 * (SingleStack/[IPv4]; headless selectorless: RequireDualStack/[IPv4, IPv6]). Cluster IPs
 * and node ports are allocated by the server, not here.
 *
 * Also the registry's ClusterIP/ClusterIPs bookkeeping (`normalizeServiceClusterIPs`, run before
 * validation on create and update) and `patchServiceAllocatedValues` (an update that omits the
 * allocated clusterIP/nodePorts keeps the stored ones).
 */
import { ensureMap, isMap, maps, setIfEmpty, setIfUnset, type JsonMap } from './json';

export const DEFAULT_CLIENT_IP_TIMEOUT_SECONDS = 10800;

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function isHeadless(spec: JsonMap): boolean {
  return spec.clusterIP === 'None' || strings(spec.clusterIPs)[0] === 'None';
}

function externallyAccessible(spec: JsonMap): boolean {
  return (
    spec.type === 'LoadBalancer' ||
    spec.type === 'NodePort' ||
    (spec.type === 'ClusterIP' && strings(spec.externalIPs).length > 0)
  );
}

export function defaultService(obj: JsonMap): void {
  const spec = ensureMap(obj, 'spec');
  setIfEmpty(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const config = spec.sessionAffinityConfig;
    const clientIP = isMap(config) ? config.clientIP : undefined;
    if (!isMap(clientIP) || typeof clientIP.timeoutSeconds !== 'number') {
      spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_TIMEOUT_SECONDS } };
    }
  }
  setIfEmpty(spec, 'type', 'ClusterIP');
  for (const port of maps(spec.ports)) {
    setIfEmpty(port, 'protocol', 'TCP');
    if (
      port.targetPort === undefined ||
      port.targetPort === null ||
      port.targetPort === 0 ||
      port.targetPort === ''
    ) {
      port.targetPort = port.port;
    }
  }
  if (externallyAccessible(spec)) setIfEmpty(spec, 'externalTrafficPolicy', 'Cluster');
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP') {
    setIfUnset(spec, 'internalTrafficPolicy', 'Cluster');
  }
  if (spec.type === 'LoadBalancer') setIfUnset(spec, 'allocateLoadBalancerNodePorts', true);
  if (spec.type !== 'ExternalName') {
    const selectorless = !isMap(spec.selector) || Object.keys(spec.selector).length === 0;
    const headlessSelectorless = isHeadless(spec) && selectorless;
    setIfUnset(spec, 'ipFamilyPolicy', headlessSelectorless ? 'RequireDualStack' : 'SingleStack');
    if (strings(spec.ipFamilies).length === 0) spec.ipFamilies = ['IPv4'];
    // Headless and selectorless: even a single-stack cluster lists both families unless SingleStack.
    const families = strings(spec.ipFamilies);
    if (headlessSelectorless && spec.ipFamilyPolicy !== 'SingleStack' && families.length === 1) {
      spec.ipFamilies = [...families, families[0] === 'IPv6' ? 'IPv4' : 'IPv6'];
    }
  }
}

/**
 * NormalizeClusterIPs (the service strategy): keep spec.clusterIP and spec.clusterIPs in step.
 * On create (`old` undefined) a lone clusterIP seeds clusterIPs; on update an omitted clusterIPs
 * is taken from the stored object, clearing clusterIP clears both, and changing clusterIP alone
 * changes clusterIPs[0] (which validation then rejects).
 */
export function normalizeServiceClusterIPs(svc: JsonMap, old?: JsonMap): void {
  const spec = ensureMap(svc, 'spec');
  const clusterIP = typeof spec.clusterIP === 'string' ? spec.clusterIP : '';
  const clusterIPs = strings(spec.clusterIPs);
  if (!old) {
    if (clusterIP && clusterIPs.length === 0) spec.clusterIPs = [clusterIP];
    return;
  }
  const oldSpec = isMap(old.spec) ? old.spec : {};
  const oldIP = typeof oldSpec.clusterIP === 'string' ? oldSpec.clusterIP : '';
  const oldIPs = strings(oldSpec.clusterIPs);
  if (oldIPs.length > 0 && clusterIPs.length === 0 && oldIP === clusterIP) spec.clusterIPs = [...oldIPs];
  if (oldIP !== clusterIP) {
    if (oldIP && !clusterIP) {
      delete spec.clusterIPs;
      return;
    }
    const now = strings(spec.clusterIPs);
    const same = now.length === oldIPs.length && now.every((ip, i) => ip === oldIPs[i]);
    if (oldIPs.length > 0 && now.length > 0 && same) spec.clusterIPs = [clusterIP, ...now.slice(1)];
  }
}

function needsNodePort(spec: JsonMap): boolean {
  return (
    spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false)
  );
}

/**
 * patchAllocatedValues (service REST update): values the client left out but the stored object
 * has allocated are carried over (clusterIP/clusterIPs, nodePorts by port name, healthCheckNodePort).
 */
export function patchServiceAllocatedValues(svc: JsonMap, old: JsonMap): void {
  const spec = ensureMap(svc, 'spec');
  const oldSpec = isMap(old.spec) ? old.spec : {};
  if (spec.type !== 'ExternalName' && oldSpec.type !== 'ExternalName') {
    if (!spec.clusterIP && oldSpec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
    if (strings(spec.clusterIPs).length === 0 && strings(oldSpec.clusterIPs).length > 0)
      spec.clusterIPs = [...strings(oldSpec.clusterIPs)];
  }
  if (needsNodePort(oldSpec) && needsNodePort(spec)) {
    const used = (s: JsonMap): Set<number> =>
      new Set(
        maps(s.ports)
          .map((p) => (typeof p.nodePort === 'number' ? p.nodePort : 0))
          .filter((n) => n !== 0),
      );
    const newUsed = used(spec);
    const taken = new Set([...used(oldSpec)].filter((n) => newUsed.has(n)));
    const byName = new Map<string, unknown>();
    for (const p of maps(oldSpec.ports)) byName.set(typeof p.name === 'string' ? p.name : '', p.nodePort);
    for (const p of maps(spec.ports)) {
      if (p.nodePort) continue;
      const oldVal = byName.get(typeof p.name === 'string' ? p.name : '');
      if (typeof oldVal === 'number' && !taken.has(oldVal)) p.nodePort = oldVal;
    }
  }
  const needsHC = (s: JsonMap): boolean => s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local';
  if (needsHC(oldSpec) && needsHC(spec) && !spec.healthCheckNodePort)
    spec.healthCheckNodePort = oldSpec.healthCheckNodePort;
}
