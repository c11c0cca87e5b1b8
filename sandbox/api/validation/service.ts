/**
 * Service validation (ValidateService / ValidateServiceUpdate) in upstream order. The cluster IP
 * of an existing Service may not change: `spec.clusterIPs[0]: Invalid value: []string{"..."}:
 * may not change once set`. NodePort range and "already allocated" errors come from allocation
 * (the server), not from here.
 */
import type { KubeObject } from '../types';
import { normalizeServiceClusterIPs } from '../defaults/service';
import {
  child,
  duplicateError,
  forbiddenError,
  index,
  invalidError,
  notSupportedError,
  requiredError,
  type FieldError,
} from './field';
import {
  goInt,
  goIntOrString,
  goNil,
  goPtr,
  goString,
  goStringPtr,
  goStringSlice,
  goStruct,
  type GoValue,
} from './gofmt';
import { isRecord, num, optNum, rec, recList, str, strList, type JsonMap } from './json';
import { validateLabelName, validateLabels } from './labels';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isIP,
  isIPv6String,
  isValidPortNum,
  nameIsDNS1035Label,
  VALID_IP_MSG,
} from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectmeta';
import { validatePortNumOrName } from './probes';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const AFFINITIES = ['ClientIP', 'None'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const IP_FAMILIES = ['IPv4', 'IPv6'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
const KUBELET_PORT = 10250;
const MAX_AFFINITY_SECONDS = 86400;

function isHeadless(spec: JsonMap): boolean {
  const ips = strList(spec.clusterIPs);
  return ips.length === 1 && ips[0] === 'None';
}

function externallyAccessible(spec: JsonMap): boolean {
  const type = str(spec.type);
  return (
    type === 'LoadBalancer' ||
    type === 'NodePort' ||
    (type === 'ClusterIP' && strList(spec.externalIPs).length > 0)
  );
}

function goServicePort(p: { protocol: string; port: number }): GoValue {
  return goStruct('core.ServicePort', [
    ['Name', goString('')],
    ['Protocol', goString(p.protocol)],
    ['AppProtocol', goNil('*string')],
    ['Port', goInt(p.port)],
    ['TargetPort', goIntOrString(undefined)],
    ['NodePort', goInt(0)],
  ]);
}

function validateServicePort(
  sp: JsonMap,
  requireName: boolean,
  names: Set<string>,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(sp.name);
  if (requireName && !name) errs.push(requiredError(child(path, 'name')));
  else if (name) {
    for (const m of isDNS1123Label(name)) errs.push(invalidError(child(path, 'name'), goString(name), m));
    if (names.has(name)) errs.push(duplicateError(child(path, 'name'), goString(name)));
    else names.add(name);
  }
  const port = num(sp.port);
  for (const m of isValidPortNum(port)) errs.push(invalidError(child(path, 'port'), goInt(port), m));
  const protocol = str(sp.protocol);
  if (!protocol) errs.push(requiredError(child(path, 'protocol')));
  else if (!PROTOCOLS.includes(protocol))
    errs.push(notSupportedError(child(path, 'protocol'), goString(protocol), PROTOCOLS));
  errs.push(...validatePortNumOrName(sp.targetPort, child(path, 'targetPort')));
  if (typeof sp.appProtocol === 'string')
    errs.push(...validateLabelName(sp.appProtocol, child(path, 'appProtocol')));
  return errs;
}

function validateClusterIPsRelated(spec: JsonMap): FieldError[] {
  if (str(spec.type) === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const ipsPath = 'spec.clusterIPs';
  const clusterIP = str(spec.clusterIP);
  const ips = strList(spec.clusterIPs);
  if (clusterIP) {
    if (ips.length === 0) errs.push(requiredError(ipsPath));
    else if (ips[0] !== clusterIP)
      errs.push(invalidError(ipsPath, goStringSlice(spec.clusterIPs), 'first value must match `clusterIP`'));
  } else if (ips.length > 0) {
    errs.push(
      invalidError(
        ipsPath,
        goStringSlice(spec.clusterIPs),
        'must be empty when `clusterIP` is not specified',
      ),
    );
  }
  const seen = new Set<string>();
  strList(spec.ipFamilies).forEach((f, i) => {
    const p = index('spec.ipFamilies', i);
    if (!IP_FAMILIES.includes(f)) errs.push(notSupportedError(p, goString(f), IP_FAMILIES));
    if (seen.has(f)) errs.push(duplicateError(p, goString(f)));
    seen.add(f);
  });
  if (typeof spec.ipFamilyPolicy === 'string' && !IP_FAMILY_POLICIES.includes(spec.ipFamilyPolicy)) {
    errs.push(notSupportedError('spec.ipFamilyPolicy', goStringPtr(spec.ipFamilyPolicy), IP_FAMILY_POLICIES));
  }
  let invalidIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        invalidIPs = true;
        errs.push(
          invalidError(ipsPath, goStringSlice(spec.clusterIPs), "'None' must be the first and only value"),
        );
      }
      return;
    }
    if (!isIP(ip)) {
      invalidIPs = true;
      errs.push(invalidError(index(ipsPath, i), goString(ip), VALID_IP_MSG));
    }
  });
  if (ips.length > 2)
    errs.push(invalidError(ipsPath, goStringSlice(spec.clusterIPs), 'may only hold up to 2 values'));
  if (invalidIPs) return errs;
  if (ips.length > 1 && isIPv6String(ips[0]) === isIPv6String(ips[1])) {
    errs.push(
      invalidError(
        ipsPath,
        goStringSlice(spec.clusterIPs),
        'may specify no more than one IP for each IP family',
      ),
    );
  }
  const families = strList(spec.ipFamilies);
  if (!isHeadless(spec)) {
    ips.forEach((ip, i) => {
      if (i >= families.length) return;
      if (families[i] === 'IPv4' && isIPv6String(ip)) {
        errs.push(
          invalidError(
            index(ipsPath, i),
            goString(ip),
            `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``,
          ),
        );
      }
      if (families[i] === 'IPv6' && !isIPv6String(ip)) {
        errs.push(
          invalidError(
            index(ipsPath, i),
            goString(ip),
            `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``,
          ),
        );
      }
    });
  }
  return errs;
}

function validateServiceSpec(spec: JsonMap): FieldError[] {
  const errs: FieldError[] = [];
  const type = str(spec.type);
  const ports = recList(spec.ports);
  if (ports.length === 0 && !isHeadless(spec) && type !== 'ExternalName')
    errs.push(requiredError('spec.ports'));
  if (type === 'LoadBalancer') {
    ports.forEach((p, i) => {
      if (num(p.port) === KUBELET_PORT) {
        errs.push(
          invalidError(
            index('spec.ports', i),
            goInt(KUBELET_PORT),
            `may not expose port ${KUBELET_PORT} externally since it is used by kubelet`,
          ),
        );
      }
    });
    if (isHeadless(spec))
      errs.push(
        invalidError(
          'spec.clusterIPs[0]',
          goString('None'),
          "may not be set to 'None' for LoadBalancer services",
        ),
      );
  } else if (type === 'NodePort') {
    if (isHeadless(spec))
      errs.push(
        invalidError(
          'spec.clusterIPs[0]',
          goString('None'),
          "may not be set to 'None' for NodePort services",
        ),
      );
  } else if (type === 'ExternalName') {
    if (strList(spec.clusterIPs).length > 0)
      errs.push(forbiddenError('spec.clusterIPs', 'may not be set for ExternalName services'));
    if (strList(spec.ipFamilies).length > 0)
      errs.push(forbiddenError('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (typeof spec.ipFamilyPolicy === 'string')
      errs.push(forbiddenError('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    const cname = str(spec.externalName).replace(/\.$/, '');
    if (cname)
      errs.push(
        ...isDNS1123Subdomain(cname).map((m) => invalidError('spec.externalName', goString(cname), m)),
      );
    else errs.push(requiredError('spec.externalName'));
  }

  const names = new Set<string>();
  ports.forEach((p, i) =>
    errs.push(...validateServicePort(p, ports.length > 1, names, index('spec.ports', i))),
  );
  if (isRecord(spec.selector)) errs.push(...validateLabels(spec.selector, 'spec.selector'));

  const affinity = str(spec.sessionAffinity);
  if (!affinity) errs.push(requiredError('spec.sessionAffinity'));
  else if (!AFFINITIES.includes(affinity))
    errs.push(notSupportedError('spec.sessionAffinity', goString(affinity), AFFINITIES));
  const configPath = 'spec.sessionAffinityConfig';
  if (affinity === 'ClientIP') {
    const config = spec.sessionAffinityConfig;
    const clientIP = rec(config).clientIP;
    const timeout = optNum(rec(clientIP).timeoutSeconds);
    const when = 'when session affinity type is ClientIP';
    if (!isRecord(config)) errs.push(requiredError(configPath, when));
    else if (!isRecord(clientIP)) errs.push(requiredError(child(configPath, 'clientIP'), when));
    else if (timeout === undefined)
      errs.push(requiredError(child(configPath, 'clientIP', 'timeoutSeconds'), when));
    else if (timeout <= 0 || timeout > MAX_AFFINITY_SECONDS) {
      errs.push(
        invalidError(
          child(configPath, 'clientIP', 'timeoutSeconds'),
          goPtr('*int32', goInt(timeout)),
          `must be greater than 0 and less than ${MAX_AFFINITY_SECONDS}`,
        ),
      );
    }
  } else if (affinity === 'None' && isRecord(spec.sessionAffinityConfig)) {
    errs.push(forbiddenError(configPath, 'must not be set when session affinity is None'));
  }

  errs.push(...validateClusterIPsRelated(spec));
  strList(spec.externalIPs).forEach((ip, i) => {
    if (!isIP(ip)) errs.push(invalidError(index('spec.externalIPs', i), goString(ip), VALID_IP_MSG));
  });

  if (!type) errs.push(requiredError('spec.type'));
  else if (!TYPES.includes(type)) errs.push(notSupportedError('spec.type', goString(type), TYPES));
  if (type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (num(p.nodePort) !== 0)
        errs.push(
          forbiddenError(
            child(index('spec.ports', i), 'nodePort'),
            "may not be used when `type` is 'ClusterIP'",
          ),
        );
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    const np = num(p.nodePort);
    if (np === 0) return;
    const k = `${str(p.protocol)}/${np}`;
    if (nodePorts.has(k)) errs.push(duplicateError(child(index('spec.ports', i), 'nodePort'), goInt(np)));
    nodePorts.add(k);
  });
  const portKeys = new Set<string>();
  ports.forEach((p, i) => {
    const k = `${str(p.protocol)}/${num(p.port)}`;
    if (portKeys.has(k))
      errs.push(
        duplicateError(
          index('spec.ports', i),
          goServicePort({ protocol: str(p.protocol), port: num(p.port) }),
        ),
      );
    portKeys.add(k);
  });

  const ranges = strList(spec.loadBalancerSourceRanges);
  if (ranges.length > 0 && type !== 'LoadBalancer') {
    errs.push(
      forbiddenError('spec.LoadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'"),
    );
  }
  if (typeof spec.allocateLoadBalancerNodePorts === 'boolean' && type !== 'LoadBalancer') {
    errs.push(
      forbiddenError('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"),
    );
  }
  if (type === 'LoadBalancer' && typeof spec.allocateLoadBalancerNodePorts !== 'boolean') {
    errs.push(requiredError('allocateLoadBalancerNodePorts'));
  }
  if (typeof spec.loadBalancerClass === 'string' && type !== 'LoadBalancer') {
    errs.push(forbiddenError('spec.loadBalancerClass', "may only be used when `type` is 'LoadBalancer'"));
  }

  const etp = str(spec.externalTrafficPolicy);
  if (!externallyAccessible(spec)) {
    if (etp)
      errs.push(
        invalidError(
          'spec.externalTrafficPolicy',
          goString(etp),
          'may only be set for externally-accessible services',
        ),
      );
  } else if (!etp) {
    errs.push(requiredError('spec.externalTrafficPolicy'));
  } else if (!TRAFFIC_POLICIES.includes(etp)) {
    errs.push(notSupportedError('spec.externalTrafficPolicy', goString(etp), TRAFFIC_POLICIES));
  }
  const hc = num(spec.healthCheckNodePort);
  const needsHealthCheck = type === 'LoadBalancer' && etp === 'Local';
  if (!needsHealthCheck && hc !== 0) {
    errs.push(
      invalidError(
        'spec.healthCheckNodePort',
        goInt(hc),
        "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
      ),
    );
  } else if (needsHealthCheck && hc !== 0) {
    for (const m of isValidPortNum(hc)) errs.push(invalidError('spec.healthCheckNodePort', goInt(hc), m));
  }

  const itp = spec.internalTrafficPolicy;
  if (typeof itp !== 'string') {
    if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP')
      errs.push(requiredError('spec.internalTrafficPolicy'));
  } else if (!TRAFFIC_POLICIES.includes(itp)) {
    errs.push(notSupportedError('spec.internalTrafficPolicy', goString(itp), TRAFFIC_POLICIES));
  }
  if (typeof spec.trafficDistribution === 'string' && spec.trafficDistribution !== 'PreferClose') {
    errs.push(
      notSupportedError('spec.trafficDistribution', goString(spec.trafficDistribution), ['PreferClose']),
    );
  }
  return errs;
}

function normalized(svc: KubeObject, old?: KubeObject): JsonMap {
  const copy = JSON.parse(JSON.stringify(svc)) as KubeObject;
  normalizeServiceClusterIPs(copy, old);
  return rec(copy.spec);
}

export function validateService(svc: KubeObject): FieldError[] {
  return [
    ...validateObjectMeta(svc.metadata, true, nameIsDNS1035Label),
    ...validateServiceSpec(normalized(svc)),
  ];
}

function validateClusterIPsUpdate(spec: JsonMap, oldSpec: JsonMap): FieldError[] {
  if (str(spec.type) === 'ExternalName' || str(oldSpec.type) === 'ExternalName') return [];
  if (isHeadless(spec) && isHeadless(oldSpec)) return [];
  const ips = strList(spec.clusterIPs);
  const oldIPs = strList(oldSpec.clusterIPs);
  const value = goStringSlice(spec.clusterIPs);
  const errs: FieldError[] = [];
  if (oldIPs.length === ips.length) {
    oldIPs.forEach((ip, i) => {
      if (ip !== ips[i])
        errs.push(invalidError(index('spec.clusterIPs', i), value, 'may not change once set'));
    });
  } else if (oldIPs.length > ips.length) {
    if (ips.length === 0)
      errs.push(invalidError('spec.clusterIPs[0]', value, 'primary clusterIP can not be unset'));
    if (ips.length > 0 && ips[0] !== oldIPs[0])
      errs.push(invalidError('spec.clusterIPs[0]', value, 'may not change once set'));
    if (ips.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
      errs.push(
        invalidError(
          'spec.ipFamilyPolicy',
          goStringPtr(spec.ipFamilyPolicy),
          "must be set to 'SingleStack' when releasing the secondary clusterIP",
        ),
      );
    }
  } else if (oldIPs.length > 0 && ips[0] !== oldIPs[0]) {
    errs.push(invalidError('spec.clusterIPs[0]', value, 'may not change once set'));
  }
  return errs;
}

function validateIPFamiliesUpdate(spec: JsonMap, oldSpec: JsonMap): FieldError[] {
  if (str(spec.type) === 'ExternalName' || str(oldSpec.type) === 'ExternalName') return [];
  if (isHeadless(spec) !== isHeadless(oldSpec) || isHeadless(spec)) return [];
  const families = strList(spec.ipFamilies);
  const oldFamilies = strList(oldSpec.ipFamilies);
  const value = goStringSlice(spec.ipFamilies, '[]core.IPFamily');
  const errs: FieldError[] = [];
  if (families.length === oldFamilies.length) {
    oldFamilies.forEach((f, i) => {
      if (f !== families[i]) errs.push(invalidError('spec.ipFamilies[0]', value, 'may not change once set'));
    });
  } else if (oldFamilies.length > families.length && families.length === 0) {
    errs.push(invalidError('spec.ipFamilies[0]', value, 'primary ipFamily can not be unset'));
  }
  return errs;
}

export function validateServiceUpdate(svc: KubeObject, old: KubeObject): FieldError[] {
  const spec = normalized(svc, old);
  const oldSpec = rec(old.spec);
  const errs = validateObjectMetaUpdate(svc.metadata, old.metadata);
  errs.push(...validateClusterIPsUpdate(spec, oldSpec));
  errs.push(...validateIPFamiliesUpdate(spec, oldSpec));
  if (
    str(oldSpec.type) === 'LoadBalancer' &&
    str(spec.type) === 'LoadBalancer' &&
    spec.loadBalancerClass !== oldSpec.loadBalancerClass
  ) {
    errs.push(
      invalidError('spec.loadBalancerClass', goStringPtr(spec.loadBalancerClass), 'may not change once set'),
    );
  }
  const needsHC = (s: JsonMap): boolean =>
    str(s.type) === 'LoadBalancer' && str(s.externalTrafficPolicy) === 'Local';
  if (
    needsHC(oldSpec) &&
    needsHC(spec) &&
    num(spec.healthCheckNodePort) !== num(oldSpec.healthCheckNodePort)
  ) {
    errs.push(forbiddenError('spec.healthCheckNodePort', 'field is immutable'));
  }
  // ValidateService again, in full (metadata included).
  errs.push(...validateObjectMeta(svc.metadata, true, nameIsDNS1035Label), ...validateServiceSpec(spec));
  return errs;
}
