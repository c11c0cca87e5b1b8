/**
 * PodSpec validation (ValidatePodSpec) in upstream order: grace period, volumes, containers, init
 * containers, host network ports, restartPolicy, dnsPolicy, nodeSelector, security context,
 * DNS config, readiness/scheduling gates, service account, node name, activeDeadlineSeconds,
 * hostname/subdomain, tolerations, host aliases, priority class, runtime class, preemption policy.
 */
import {
  child,
  duplicateError,
  index,
  invalidError,
  notSupportedError,
  requiredError,
  type FieldError,
} from './field';
import { goInt, goNil, goPtr, goString, goStringSlice, goStruct, type GoValue } from './gofmt';
import { isRecord, num, optNum, optRec, rec, recList, str, strList, type JsonMap } from './json';
import { validateLabelName, validateLabels } from './labels';
import {
  inclusiveRangeError,
  isDNS1123Label,
  isDNS1123Subdomain,
  isIP,
  isValidGroupID,
  isValidLabelValue,
  isValidUserID,
  VALID_IP_MSG,
} from './names';
import { validateContainers, validateInitContainers } from './containers';
import { validateVolumes } from './volumes';

export interface PodValidationOptions {
  /** The spec is a Pod's (not a template's): host ports must equal container ports with hostNetwork. */
  resourceIsPod: boolean;
}

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const FS_GROUP_CHANGE_POLICIES = ['Always', 'OnRootMismatch'];
const MAX_INT32 = 2147483647;

function subdomainErrors(value: string, path: string): FieldError[] {
  return isDNS1123Subdomain(value).map((m) => invalidError(path, goString(value), m));
}

function labelErrors(value: string, path: string): FieldError[] {
  return isDNS1123Label(value).map((m) => invalidError(path, goString(value), m));
}

function validateHostNetworkDeps(spec: JsonMap, path: string, opts: PodValidationOptions): FieldError[] {
  if (spec.hostNetwork !== true) return [];
  const errs: FieldError[] = [];
  recList(spec.containers).forEach((c, ci) => {
    recList(c.ports).forEach((port, pi) => {
      const hp = num(port.hostPort);
      const cp = num(port.containerPort);
      if ((opts.resourceIsPod || hp !== 0) && hp !== cp) {
        const p = child(index(child(index(child(path, 'containers'), ci), 'ports'), pi), 'hostPort');
        errs.push(invalidError(p, goInt(hp), 'must match `containerPort` when `hostNetwork` is true'));
      }
    });
  });
  return errs;
}

function validateRestartPolicy(policy: unknown, path: string): FieldError[] {
  const p = str(policy);
  if (!p) return [requiredError(path)];
  return RESTART_POLICIES.includes(p) ? [] : [notSupportedError(path, goString(p), RESTART_POLICIES)];
}

function validateDNSPolicy(policy: unknown, path: string): FieldError[] {
  const p = str(policy);
  if (!p) return [requiredError(path)];
  return DNS_POLICIES.includes(p) ? [] : [notSupportedError(path, goString(p), DNS_POLICIES)];
}

function validatePodSecurityContext(sc: unknown, path: string): FieldError[] {
  const s = optRec(sc);
  if (!s) return [];
  const errs: FieldError[] = [];
  const ids: Array<[string, (n: number) => string[]]> = [
    ['fsGroup', isValidGroupID],
    ['runAsUser', isValidUserID],
    ['runAsGroup', isValidGroupID],
  ];
  for (const [f, check] of ids) {
    const v = optNum(s[f]);
    if (v !== undefined) for (const m of check(v)) errs.push(invalidError(child(path, f), goInt(v), m));
  }
  (Array.isArray(s.supplementalGroups) ? s.supplementalGroups : []).forEach((g, i) => {
    for (const m of isValidGroupID(num(g)))
      errs.push(invalidError(index(child(path, 'supplementalGroups'), i), goInt(num(g)), m));
  });
  if (
    typeof s.fsGroupChangePolicy === 'string' &&
    !FS_GROUP_CHANGE_POLICIES.includes(s.fsGroupChangePolicy)
  ) {
    errs.push(
      notSupportedError(
        child(path, 'fsGroupChangePolicy'),
        goString(s.fsGroupChangePolicy),
        FS_GROUP_CHANGE_POLICIES,
      ),
    );
  }
  return errs;
}

function validateDNSConfig(config: unknown, dnsPolicy: string, path: string): FieldError[] {
  const c = optRec(config);
  if (dnsPolicy === 'None') {
    if (!c) return [requiredError(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (strList(c.nameservers).length === 0) {
      return [
        requiredError(
          child(path, 'nameservers'),
          'must provide at least one DNS nameserver when `dnsPolicy` is None',
        ),
      ];
    }
  }
  if (!c) return [];
  const errs: FieldError[] = [];
  const nameservers = strList(c.nameservers);
  if (nameservers.length > 3) {
    errs.push(
      invalidError(
        child(path, 'nameservers'),
        goStringSlice(nameservers),
        'must not have more than 3 nameservers',
      ),
    );
  }
  nameservers.forEach((ns, i) => {
    if (!isIP(ns)) errs.push(invalidError(index(child(path, 'nameservers'), i), goString(ns), VALID_IP_MSG));
  });
  const searches = strList(c.searches);
  if (searches.length > 32) {
    errs.push(
      invalidError(
        child(path, 'searches'),
        goStringSlice(searches),
        'must not have more than 32 search paths',
      ),
    );
  }
  if (searches.join(' ').length > 2048) {
    errs.push(
      invalidError(
        child(path, 'searches'),
        goStringSlice(searches),
        'must not have more than 2048 characters (including spaces) in the search list',
      ),
    );
  }
  searches.forEach((s, i) =>
    errs.push(...subdomainErrors(s.replace(/\.$/, ''), index(child(path, 'searches'), i))),
  );
  recList(c.options).forEach((o, i) => {
    if (!str(o.name)) errs.push(requiredError(index(child(path, 'options'), i), 'must not be empty'));
  });
  return errs;
}

function goToleration(t: JsonMap): GoValue {
  return goStruct('core.Toleration', [
    ['Key', goString(str(t.key))],
    ['Operator', goString(str(t.operator))],
    ['Value', goString(str(t.value))],
    ['Effect', goString(str(t.effect))],
    [
      'TolerationSeconds',
      typeof t.tolerationSeconds === 'number' ? goPtr('*int64', goInt(t.tolerationSeconds)) : goNil('*int64'),
    ],
  ]);
}

export function validateTolerations(tolerations: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  recList(tolerations).forEach((t, i) => {
    const p = index(path, i);
    const k = str(t.key);
    const op = str(t.operator);
    const effect = str(t.effect);
    if (k) errs.push(...validateLabelName(k, child(p, 'key')));
    if (!k && op !== 'Exists') {
      errs.push(
        invalidError(
          child(p, 'operator'),
          goString(op),
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    }
    if (typeof t.tolerationSeconds === 'number' && effect !== 'NoExecute') {
      errs.push(
        invalidError(
          child(p, 'effect'),
          goString(effect),
          "effect must be 'NoExecute' when `tolerationSeconds` is set",
        ),
      );
    }
    if (op === 'Equal' || op === '') {
      const msgs = isValidLabelValue(str(t.value));
      if (msgs.length) errs.push(invalidError(child(p, 'operator'), goString(str(t.value)), msgs.join(';')));
    } else if (op === 'Exists') {
      if (str(t.value))
        errs.push(
          invalidError(
            child(p, 'operator'),
            goToleration(t),
            "value must be empty when `operator` is 'Exists'",
          ),
        );
    } else {
      errs.push(notSupportedError(child(p, 'operator'), goString(op), ['Equal', 'Exists']));
    }
    if (effect && !TAINT_EFFECTS.includes(effect))
      errs.push(notSupportedError(child(p, 'effect'), goString(effect), TAINT_EFFECTS));
  });
  return errs;
}

function validateHostAliases(aliases: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  recList(aliases).forEach((a, i) => {
    const p = index(path, i);
    const ip = str(a.ip);
    if (!isIP(ip)) errs.push(invalidError(child(p, 'ip'), goString(ip), VALID_IP_MSG));
    strList(a.hostnames).forEach((h, j) => errs.push(...subdomainErrors(h, index(child(p, 'hostnames'), j))));
  });
  return errs;
}

function validateSchedulingGates(gates: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  recList(gates).forEach((g, i) => {
    const name = str(g.name);
    errs.push(...validateLabelName(name, index(path, i)));
    if (seen.has(name)) errs.push(duplicateError(index(path, i), goString(name)));
    seen.add(name);
  });
  return errs;
}

function validateOS(os: JsonMap, path: string): FieldError[] {
  const name = str(os.name);
  if (!name) return [requiredError(child(path, 'name'))];
  return name === 'linux' || name === 'windows'
    ? []
    : [notSupportedError(child(path, 'name'), goString(name), ['linux', 'windows'])];
}

/** ValidatePodSpec. `gracePeriod` for probes and lifecycle hooks is spec.terminationGracePeriodSeconds. */
export function validatePodSpec(specIn: unknown, path: string, opts: PodValidationOptions): FieldError[] {
  const spec = rec(specIn);
  const errs: FieldError[] = [];
  const gracePeriod = optNum(spec.terminationGracePeriodSeconds);
  if (gracePeriod === undefined) errs.push(requiredError(child(path, 'terminationGracePeriodSeconds')));
  const volumes = validateVolumes(spec.volumes, child(path, 'volumes'));
  errs.push(...volumes.errors);
  errs.push(...validateContainers(spec.containers, volumes.names, gracePeriod, child(path, 'containers')));
  errs.push(
    ...validateInitContainers(
      spec.initContainers,
      spec.containers,
      volumes.names,
      gracePeriod,
      child(path, 'initContainers'),
    ),
  );
  errs.push(...validateHostNetworkDeps(spec, path, opts));
  errs.push(...validateRestartPolicy(spec.restartPolicy, child(path, 'restartPolicy')));
  errs.push(...validateDNSPolicy(spec.dnsPolicy, child(path, 'dnsPolicy')));
  errs.push(...validateLabels(spec.nodeSelector, child(path, 'nodeSelector')));
  errs.push(...validatePodSecurityContext(spec.securityContext, child(path, 'securityContext')));
  errs.push(...validateDNSConfig(spec.dnsConfig, str(spec.dnsPolicy), child(path, 'dnsConfig')));
  recList(spec.readinessGates).forEach((g, i) => {
    errs.push(
      ...validateLabelName(
        str(g.conditionType),
        child(index(child(path, 'readinessGates'), i), 'conditionType'),
      ),
    );
  });
  errs.push(...validateSchedulingGates(spec.schedulingGates, child(path, 'schedulingGates')));
  const sa = str(spec.serviceAccountName);
  if (sa) errs.push(...subdomainErrors(sa, child(path, 'serviceAccountName')));
  const nodeName = str(spec.nodeName);
  if (nodeName) errs.push(...subdomainErrors(nodeName, child(path, 'nodeName')));
  const ads = optNum(spec.activeDeadlineSeconds);
  if (ads !== undefined && (ads < 1 || ads > MAX_INT32)) {
    errs.push(
      invalidError(child(path, 'activeDeadlineSeconds'), goInt(ads), inclusiveRangeError(1, MAX_INT32)),
    );
  }
  const hostname = str(spec.hostname);
  if (hostname) errs.push(...labelErrors(hostname, child(path, 'hostname')));
  const subdomain = str(spec.subdomain);
  if (subdomain) errs.push(...labelErrors(subdomain, child(path, 'subdomain')));
  errs.push(...validateTolerations(spec.tolerations, child(path, 'tolerations')));
  errs.push(...validateHostAliases(spec.hostAliases, child(path, 'hostAliases')));
  const pcn = str(spec.priorityClassName);
  if (pcn) errs.push(...subdomainErrors(pcn, child(path, 'priorityClassName')));
  if (typeof spec.runtimeClassName === 'string')
    errs.push(...subdomainErrors(spec.runtimeClassName, child(path, 'runtimeClassName')));
  if (typeof spec.preemptionPolicy === 'string') {
    const pp = spec.preemptionPolicy;
    if (!pp) errs.push(requiredError(child(path, 'preemptionPolicy')));
    else if (!PREEMPTION_POLICIES.includes(pp)) {
      errs.push(notSupportedError(child(path, 'preemptionPolicy'), goString(pp), PREEMPTION_POLICIES));
    }
  }
  if (isRecord(spec.os)) errs.push(...validateOS(spec.os, child(path, 'os')));
  return errs;
}
