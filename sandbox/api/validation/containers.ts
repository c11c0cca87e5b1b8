/**
 * Containers (validateContainers / validateInitContainers / validateContainerCommon): name,
 * image, termination message policy, ports, env, volume mounts, pull policy, resources, security
 * context, probes and lifecycle, unique names and host ports; in upstream order.
 */
import {
  child,
  duplicateError,
  forbiddenError,
  index,
  invalidError,
  key,
  notFoundError,
  notSupportedError,
  requiredError,
  IS_NEGATIVE,
  type FieldError,
} from './field';
import { goInt, goString } from './gofmt';
import { isRecord, num, optNum, optRec, rec, recList, sortedKeys, str, type JsonMap } from './json';
import { validateLabelName } from './labels';
import {
  isConfigMapKey,
  isDNS1123Label,
  isDNS1123Subdomain,
  isRelaxedEnvVarName,
  isValidGroupID,
  isValidPortName,
  isValidPortNum,
  isValidUserID,
} from './names';
import {
  validateLifecycle,
  validateLivenessProbe,
  validateReadinessProbe,
  validateStartupProbe,
} from './probes';
import { compareQuantities, formatQuantity, parseQuantity } from './quantity';
import { validateLocalDescendingPath } from './volumes';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const MOUNT_PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];

const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
/** Field paths the downward API converts for apiVersion v1 (others: `field label not supported`). */
const CONVERTIBLE_FIELD_PATHS = [
  ...ENV_FIELD_PATHS,
  'metadata.annotations',
  'metadata.labels',
  'spec.restartPolicy',
  'spec.schedulerName',
  'status.phase',
];
const RESOURCE_FIELD_PATHS = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];

function validateContainerPorts(ports: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  recList(ports).forEach((port, i) => {
    const p = index(path, i);
    const name = str(port.name);
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length) for (const m of msgs) errs.push(invalidError(child(p, 'name'), goString(name), m));
      else if (names.has(name)) errs.push(duplicateError(child(p, 'name'), goString(name)));
      else names.add(name);
    }
    const containerPort = num(port.containerPort);
    if (containerPort === 0) errs.push(requiredError(child(p, 'containerPort')));
    else
      for (const m of isValidPortNum(containerPort))
        errs.push(invalidError(child(p, 'containerPort'), goInt(containerPort), m));
    const hostPort = num(port.hostPort);
    if (hostPort !== 0)
      for (const m of isValidPortNum(hostPort))
        errs.push(invalidError(child(p, 'hostPort'), goInt(hostPort), m));
    const protocol = str(port.protocol);
    if (!protocol) errs.push(requiredError(child(p, 'protocol')));
    else if (!PROTOCOLS.includes(protocol))
      errs.push(notSupportedError(child(p, 'protocol'), goString(protocol), PROTOCOLS));
  });
  return errs;
}

function validateNameRef(name: string, path: string): FieldError[] {
  return isDNS1123Subdomain(name).map((m) => invalidError(path, goString(name), m));
}

function validateKeySelector(sel: JsonMap, path: string): FieldError[] {
  const errs = validateNameRef(str(sel.name), child(path, 'name'));
  const k = str(sel.key);
  if (!k) errs.push(requiredError(child(path, 'key')));
  else for (const m of isConfigMapKey(k)) errs.push(invalidError(child(path, 'key'), goString(k), m));
  return errs;
}

function validateFieldRef(ref: JsonMap, path: string): FieldError[] {
  if (!str(ref.apiVersion)) return [requiredError(child(path, 'apiVersion'))];
  const fp = str(ref.fieldPath);
  if (!fp) return [requiredError(child(path, 'fieldPath'))];
  if (str(ref.apiVersion) !== 'v1') {
    return [
      invalidError(
        child(path, 'fieldPath'),
        goString(fp),
        `error converting fieldPath: unsupported pod version: ${str(ref.apiVersion)}`,
      ),
    ];
  }
  const sub = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(fp);
  if (sub) {
    const name = sub[1] === 'metadata.annotations' ? sub[2].toLowerCase() : sub[2];
    return validateLabelName(name, path);
  }
  if (!CONVERTIBLE_FIELD_PATHS.includes(fp)) {
    return [
      invalidError(
        child(path, 'fieldPath'),
        goString(fp),
        `error converting fieldPath: field label not supported: ${fp}`,
      ),
    ];
  }
  if (!ENV_FIELD_PATHS.includes(fp))
    return [notSupportedError(child(path, 'fieldPath'), goString(fp), [...ENV_FIELD_PATHS].sort())];
  return [];
}

function validateEnv(env: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  recList(env).forEach((ev, i) => {
    const p = index(path, i);
    const name = str(ev.name);
    if (!name) errs.push(requiredError(child(p, 'name')));
    else
      for (const m of isRelaxedEnvVarName(name)) errs.push(invalidError(child(p, 'name'), goString(name), m));
    const from = optRec(ev.valueFrom);
    if (!from) return;
    const fromPath = child(p, 'valueFrom');
    let sources = 0;
    const fieldRef = optRec(from.fieldRef);
    if (fieldRef) {
      sources++;
      errs.push(...validateFieldRef(fieldRef, child(fromPath, 'fieldRef')));
    }
    const resourceRef = optRec(from.resourceFieldRef);
    if (resourceRef) {
      sources++;
      const r = str(resourceRef.resource);
      if (!r) errs.push(requiredError(child(fromPath, 'resourceFieldRef', 'resource')));
      else if (!RESOURCE_FIELD_PATHS.includes(r) && !/^(requests|limits)\.hugepages-/.test(r)) {
        errs.push(
          notSupportedError(
            child(fromPath, 'resourceFieldRef', 'resource'),
            goString(r),
            RESOURCE_FIELD_PATHS,
          ),
        );
      }
    }
    for (const kind of ['configMapKeyRef', 'secretKeyRef']) {
      const sel = optRec(from[kind]);
      if (!sel) continue;
      sources++;
      errs.push(...validateKeySelector(sel, child(fromPath, kind)));
    }
    if (sources === 0) {
      errs.push(
        invalidError(
          fromPath,
          goString(''),
          'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
        ),
      );
    } else if (str(ev.value)) {
      errs.push(invalidError(fromPath, goString(''), 'may not be specified when `value` is not empty'));
    } else if (sources > 1) {
      errs.push(invalidError(fromPath, goString(''), 'may not have more than one field specified at a time'));
    }
  });
  return errs;
}

function validateEnvFrom(envFrom: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  recList(envFrom).forEach((ev, i) => {
    const p = index(path, i);
    const prefix = str(ev.prefix);
    if (prefix)
      for (const m of isRelaxedEnvVarName(prefix))
        errs.push(invalidError(child(p, 'prefix'), goString(prefix), m));
    let sources = 0;
    for (const kind of ['configMapRef', 'secretRef']) {
      const ref = optRec(ev[kind]);
      if (!ref) continue;
      sources++;
      const name = str(ref.name);
      if (!name) errs.push(requiredError(child(p, kind, 'name')));
      else
        errs.push(
          ...isDNS1123Subdomain(name).map((m) => invalidError(child(p, kind, 'name'), goString(name), m)),
        );
    }
    if (sources === 0)
      errs.push(invalidError(path, goString(''), 'must specify one of: `configMapRef` or `secretRef`'));
    else if (sources > 1)
      errs.push(invalidError(path, goString(''), 'may not have more than one field specified at a time'));
  });
  return errs;
}

function validateVolumeMounts(
  mounts: unknown,
  volumes: Set<string>,
  container: JsonMap,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  recList(mounts).forEach((m, i) => {
    const p = index(path, i);
    const name = str(m.name);
    const mountPath = str(m.mountPath);
    if (!name) errs.push(requiredError(child(p, 'name')));
    if (!volumes.has(name)) errs.push(notFoundError(child(p, 'name'), goString(name)));
    if (!mountPath) errs.push(requiredError(child(p, 'mountPath')));
    if (mountPoints.has(mountPath))
      errs.push(invalidError(child(p, 'mountPath'), goString(mountPath), 'must be unique'));
    mountPoints.add(mountPath);
    const subPath = str(m.subPath);
    if (subPath) errs.push(...validateLocalDescendingPath(subPath, child(path, 'subPath')));
    const subPathExpr = str(m.subPathExpr);
    if (subPathExpr) {
      if (subPath) {
        errs.push(
          invalidError(
            child(p, 'subPathExpr'),
            goString(subPathExpr),
            'subPathExpr and subPath are mutually exclusive',
          ),
        );
      }
      errs.push(...validateLocalDescendingPath(subPathExpr, child(path, 'subPathExpr')));
    }
    if (typeof m.mountPropagation === 'string') {
      const mp = m.mountPropagation;
      const propPath = child(path, 'mountPropagation');
      if (!MOUNT_PROPAGATIONS.includes(mp))
        errs.push(notSupportedError(propPath, goString(mp), MOUNT_PROPAGATIONS));
      const privileged = rec(container.securityContext).privileged === true;
      if (mp === 'Bidirectional' && !privileged) {
        errs.push(
          forbiddenError(
            propPath,
            'Bidirectional mount propagation is available only to privileged containers',
          ),
        );
      }
    }
  });
  return errs;
}

function validatePullPolicy(policy: unknown, path: string): FieldError[] {
  const p = str(policy);
  if (!p) return [requiredError(path)];
  return PULL_POLICIES.includes(p) ? [] : [notSupportedError(path, goString(p), PULL_POLICIES)];
}

const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];

function validateResourceName(name: string, path: string): FieldError[] {
  const errs = validateLabelName(name, path);
  if (!name.includes('/') && !STANDARD_CONTAINER_RESOURCES.includes(name) && !name.startsWith('hugepages-')) {
    errs.push(invalidError(path, goString(name), 'must be a standard resource for containers'));
  }
  return errs;
}

function validateQuantityValue(raw: unknown, path: string): FieldError[] {
  const q = parseQuantity(raw);
  return q && q.value < 0 ? [invalidError(path, goString(formatQuantity(q)), IS_NEGATIVE)] : [];
}

function validateResources(resources: unknown, path: string): FieldError[] {
  const r = rec(resources);
  const limits = isRecord(r.limits) ? r.limits : undefined;
  const requests = isRecord(r.requests) ? r.requests : undefined;
  const errs: FieldError[] = [];
  const limPath = child(path, 'limits');
  const reqPath = child(path, 'requests');
  for (const name of sortedKeys(limits)) {
    errs.push(...validateResourceName(name, key(limPath, name)));
    errs.push(...validateQuantityValue(limits![name], key(limPath, name)));
  }
  for (const name of sortedKeys(requests)) {
    errs.push(...validateResourceName(name, key(reqPath, name)));
    errs.push(...validateQuantityValue(requests![name], key(reqPath, name)));
    const req = parseQuantity(requests![name]);
    const hasLimit = !!limits && name in limits;
    const lim = hasLimit ? parseQuantity(limits![name]) : undefined;
    const overcommit =
      (!name.includes('/') || name.includes('kubernetes.io/')) && !name.startsWith('hugepages-');
    if (!hasLimit && !overcommit)
      errs.push(requiredError(limPath, 'Limit must be set for non overcommitable resources'));
    if (req && lim) {
      if (compareQuantities(req, lim) !== 0 && !overcommit) {
        errs.push(
          invalidError(
            reqPath,
            goString(formatQuantity(req)),
            `must be equal to ${name} limit of ${formatQuantity(lim)}`,
          ),
        );
      } else if (compareQuantities(req, lim) > 0) {
        errs.push(
          invalidError(
            reqPath,
            goString(formatQuantity(req)),
            `must be less than or equal to ${name} limit of ${formatQuantity(lim)}`,
          ),
        );
      }
    }
  }
  return errs;
}

function validateSecurityContext(sc: unknown, path: string): FieldError[] {
  const s = optRec(sc);
  if (!s) return [];
  const errs: FieldError[] = [];
  const runAsUser = optNum(s.runAsUser);
  if (runAsUser !== undefined)
    for (const m of isValidUserID(runAsUser))
      errs.push(invalidError(child(path, 'runAsUser'), goInt(runAsUser), m));
  const runAsGroup = optNum(s.runAsGroup);
  if (runAsGroup !== undefined) {
    for (const m of isValidGroupID(runAsGroup))
      errs.push(invalidError(child(path, 'runAsGroup'), goInt(runAsGroup), m));
  }
  return errs;
}

/** validateContainerCommon: what regular, init and ephemeral containers share. */
function validateContainerCommon(c: JsonMap, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(c.name);
  if (!name) errs.push(requiredError(child(path, 'name')));
  else for (const m of isDNS1123Label(name)) errs.push(invalidError(child(path, 'name'), goString(name), m));
  if (!str(c.image)) errs.push(requiredError(child(path, 'image')));
  const tmp = str(c.terminationMessagePolicy);
  if (!tmp) errs.push(requiredError(child(path, 'terminationMessagePolicy')));
  else if (!TERMINATION_MESSAGE_POLICIES.includes(tmp)) {
    errs.push(
      notSupportedError(child(path, 'terminationMessagePolicy'), goString(tmp), TERMINATION_MESSAGE_POLICIES),
    );
  }
  errs.push(...validateContainerPorts(c.ports, child(path, 'ports')));
  errs.push(...validateEnv(c.env, child(path, 'env')));
  errs.push(...validateEnvFrom(c.envFrom, child(path, 'envFrom')));
  errs.push(...validateVolumeMounts(c.volumeMounts, volumes, c, child(path, 'volumeMounts')));
  errs.push(...validatePullPolicy(c.imagePullPolicy, child(path, 'imagePullPolicy')));
  errs.push(...validateResources(c.resources, child(path, 'resources')));
  errs.push(...validateSecurityContext(c.securityContext, child(path, 'securityContext')));
  return errs;
}

/** checkHostPortConflicts: `<protocol>/<hostIP>/<hostPort>` must be unique. */
function hostPortConflicts(containers: JsonMap[], path: string, seen = new Set<string>()): FieldError[] {
  const errs: FieldError[] = [];
  containers.forEach((c, ci) => {
    recList(c.ports).forEach((port, pi) => {
      const hostPort = num(port.hostPort);
      if (hostPort === 0) return;
      const k = `${str(port.protocol)}/${str(port.hostIP)}/${hostPort}`;
      if (seen.has(k))
        errs.push(duplicateError(child(index(child(index(path, ci), 'ports'), pi), 'hostPort'), goString(k)));
      else seen.add(k);
    });
  });
  return errs;
}

export function validateContainers(
  containers: unknown,
  volumes: Set<string>,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  const list = recList(containers);
  if (list.length === 0) return [requiredError(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list.forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, p));
    const name = str(c.name);
    if (names.has(name)) errs.push(duplicateError(child(p, 'name'), goString(name)));
    else names.add(name);
    if (isRecord(c.lifecycle))
      errs.push(...validateLifecycle(c.lifecycle, gracePeriod, child(p, 'lifecycle')));
    errs.push(...validateLivenessProbe(c.livenessProbe, gracePeriod, child(p, 'livenessProbe')));
    errs.push(...validateReadinessProbe(c.readinessProbe, gracePeriod, child(p, 'readinessProbe')));
    errs.push(...validateStartupProbe(c.startupProbe, gracePeriod, child(p, 'startupProbe')));
    if (c.restartPolicy !== undefined && c.restartPolicy !== null) {
      errs.push(forbiddenError(child(p, 'restartPolicy'), 'may not be set for non-init containers'));
    }
  });
  errs.push(...hostPortConflicts(list, path));
  return errs;
}

export function validateInitContainers(
  initContainers: unknown,
  containers: unknown,
  volumes: Set<string>,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(recList(containers).map((c) => str(c.name)));
  recList(initContainers).forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, p));
    let restartAlways = false;
    if (typeof c.restartPolicy === 'string') {
      if (c.restartPolicy !== 'Always')
        errs.push(notSupportedError(child(p, 'restartPolicy'), goString(c.restartPolicy), ['Always']));
      restartAlways = c.restartPolicy === 'Always';
    }
    const name = str(c.name);
    if (names.has(name)) errs.push(duplicateError(child(p, 'name'), goString(name)));
    else if (name) names.add(name);
    errs.push(...hostPortConflicts([c], path));
    if (restartAlways) {
      if (isRecord(c.lifecycle))
        errs.push(...validateLifecycle(c.lifecycle, gracePeriod, child(p, 'lifecycle')));
      errs.push(...validateLivenessProbe(c.livenessProbe, gracePeriod, child(p, 'livenessProbe')));
      errs.push(...validateReadinessProbe(c.readinessProbe, gracePeriod, child(p, 'readinessProbe')));
      errs.push(...validateStartupProbe(c.startupProbe, gracePeriod, child(p, 'startupProbe')));
    } else {
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (isRecord(c[f]))
          errs.push(
            forbiddenError(child(p, f), 'may not be set for init containers without restartPolicy=Always'),
          );
      }
    }
    if (recList(c.resizePolicy).length > 0) {
      errs.push(invalidError(child(p, 'resizePolicy'), goString(''), 'must not be set for init containers'));
    }
  });
  return errs;
}

/** validateContainersOnlyForPod: a pod's images may not have surrounding whitespace. */
export function validateContainersOnlyForPod(containers: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  recList(containers).forEach((c, i) => {
    const image = str(c.image);
    if (image !== image.trim()) {
      errs.push(
        invalidError(
          child(index(path, i), 'image'),
          goString(image),
          'must not have leading or trailing whitespace',
        ),
      );
    }
  });
  return errs;
}
