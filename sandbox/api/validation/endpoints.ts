/**
 * Endpoints validation (ValidateEndpoints): every subset needs addresses, addresses are valid
 * non-special IPs, ports are named when there are several, in range, with a known protocol.
 */
import type { KubeObject } from '../types';
import { child, index, invalidError, notSupportedError, requiredError, type FieldError } from './field';
import { goInt, goString } from './gofmt';
import { num, recList, str, type JsonMap } from './json';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isIP,
  isValidPortNum,
  nameIsDNSSubdomain,
  VALID_IP_MSG,
} from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectmeta';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function validateAddress(a: JsonMap, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const ip = str(a.ip);
  const ipPath = child(path, 'ip');
  if (!isIP(ip)) errs.push(invalidError(ipPath, goString(ip), VALID_IP_MSG));
  const hostname = str(a.hostname);
  if (hostname)
    for (const m of isDNS1123Label(hostname))
      errs.push(invalidError(child(path, 'hostname'), goString(hostname), m));
  if (typeof a.nodeName === 'string') {
    for (const m of isDNS1123Subdomain(a.nodeName))
      errs.push(invalidError(child(path, 'nodeName'), goString(a.nodeName), m));
  }
  errs.push(...nonSpecialIP(ip, ipPath));
  return errs;
}

/** ValidateNonSpecialIP. */
function nonSpecialIP(ip: string, path: string): FieldError[] {
  if (!isIP(ip)) return [invalidError(path, goString(ip), 'must be a valid IP address')];
  const errs: FieldError[] = [];
  if (ip === '0.0.0.0' || ip === '::')
    errs.push(invalidError(path, goString(ip), `may not be unspecified (${ip})`));
  if (/^127\./.test(ip) || ip === '::1') {
    errs.push(invalidError(path, goString(ip), 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  }
  if (/^169\.254\./.test(ip) || /^fe[89ab]/i.test(ip)) {
    errs.push(
      invalidError(path, goString(ip), 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'),
    );
  }
  if (/^224\.0\.0\./.test(ip) || /^ff02:/i.test(ip)) {
    errs.push(
      invalidError(
        path,
        goString(ip),
        'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)',
      ),
    );
  }
  return errs;
}

function validateSubsets(subsets: unknown): FieldError[] {
  const errs: FieldError[] = [];
  recList(subsets).forEach((ss, i) => {
    const p = index('subsets', i);
    const addresses = recList(ss.addresses);
    const notReady = recList(ss.notReadyAddresses);
    if (addresses.length === 0 && notReady.length === 0)
      errs.push(requiredError(p, 'must specify `addresses` or `notReadyAddresses`'));
    addresses.forEach((a, j) => errs.push(...validateAddress(a, index(child(p, 'addresses'), j))));
    notReady.forEach((a, j) => errs.push(...validateAddress(a, index(child(p, 'notReadyAddresses'), j))));
    const ports = recList(ss.ports);
    ports.forEach((port, j) => {
      const pp = index(child(p, 'ports'), j);
      const name = str(port.name);
      if (ports.length > 1 && !name) errs.push(requiredError(child(pp, 'name')));
      else if (name)
        for (const m of isDNS1123Label(name)) errs.push(invalidError(child(pp, 'name'), goString(name), m));
      for (const m of isValidPortNum(num(port.port)))
        errs.push(invalidError(child(pp, 'port'), goInt(num(port.port)), m));
      const protocol = str(port.protocol);
      if (!protocol) errs.push(requiredError(child(pp, 'protocol')));
      else if (!PROTOCOLS.includes(protocol))
        errs.push(notSupportedError(child(pp, 'protocol'), goString(protocol), PROTOCOLS));
    });
  });
  return errs;
}

export function validateEndpoints(ep: KubeObject): FieldError[] {
  return [...validateObjectMeta(ep.metadata, true, nameIsDNSSubdomain), ...validateSubsets(ep.subsets)];
}

export function validateEndpointsUpdate(ep: KubeObject, old: KubeObject): FieldError[] {
  return [...validateObjectMetaUpdate(ep.metadata, old.metadata), ...validateEndpoints(ep)];
}
