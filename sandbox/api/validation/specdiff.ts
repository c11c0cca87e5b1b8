/**
 * The diff appended to `spec: Forbidden: pod updates may not change fields other than ...`.
 * Upstream prints go-cmp's `cmp.Diff(oldSpec, newSpec)` of the internal core.PodSpec, whose exact
 * text is deliberately unstable (go-cmp randomises some spacing). This is a [MODEL] in the same
 * shape: `  core.PodSpec{`, `- \tField: old,` / `+ \tField: new,` lines, nested structs opened
 * with their type, and runs of unchanged fields folded into `... // N identical fields`.
 */
import { goQuote } from './gofmt';
import { isRecord, semanticEqual } from './json';

const GO_NAMES: Record<string, string> = {
  dnsPolicy: 'DNSPolicy',
  dnsConfig: 'DNSConfig',
  hostIPC: 'HostIPC',
  hostPID: 'HostPID',
  hostIP: 'HostIP',
  httpGet: 'HTTPGet',
  tcpSocket: 'TCPSocket',
  grpc: 'GRPC',
  tty: 'TTY',
  os: 'OS',
  ip: 'IP',
  uid: 'UID',
  apiVersion: 'APIVersion',
  serviceAccount: 'DeprecatedServiceAccount',
  fsGroup: 'FSGroup',
  fsGroupChangePolicy: 'FSGroupChangePolicy',
  seLinuxOptions: 'SELinuxOptions',
};

/** Types of the fields whose values are structs or lists of structs, as cmp names them. */
const FIELD_TYPES: Record<string, string> = {
  containers: '[]core.Container',
  initContainers: '[]core.Container',
  ephemeralContainers: '[]core.EphemeralContainer',
  volumes: '[]core.Volume',
  tolerations: '[]core.Toleration',
  ports: '[]core.ContainerPort',
  env: '[]core.EnvVar',
  envFrom: '[]core.EnvFromSource',
  volumeMounts: '[]core.VolumeMount',
  resources: 'core.ResourceRequirements',
  securityContext: '&core.PodSecurityContext',
  livenessProbe: '&core.Probe',
  readinessProbe: '&core.Probe',
  startupProbe: '&core.Probe',
  lifecycle: '&core.Lifecycle',
  affinity: '&core.Affinity',
  dnsConfig: '&core.PodDNSConfig',
};

/** Fields whose values are Go maps (printed `{"k": "v"}`), not structs. */
const MAP_FIELDS = new Set([
  'nodeSelector',
  'limits',
  'requests',
  'labels',
  'annotations',
  'matchLabels',
  'overhead',
]);

/** Declaration order of core.PodSpec and core.Container (cmp walks fields in this order). */
const ORDER: Record<string, string[]> = {
  'core.PodSpec': [
    'volumes',
    'initContainers',
    'containers',
    'ephemeralContainers',
    'restartPolicy',
    'terminationGracePeriodSeconds',
    'activeDeadlineSeconds',
    'dnsPolicy',
    'nodeSelector',
    'serviceAccountName',
    'automountServiceAccountToken',
    'nodeName',
    'securityContext',
    'imagePullSecrets',
    'hostname',
    'subdomain',
    'setHostnameAsFQDN',
    'affinity',
    'schedulerName',
    'tolerations',
    'hostAliases',
    'priorityClassName',
    'priority',
    'preemptionPolicy',
    'dnsConfig',
    'readinessGates',
    'runtimeClassName',
    'overhead',
    'enableServiceLinks',
    'topologySpreadConstraints',
    'os',
    'schedulingGates',
    'resourceClaims',
  ],
  'core.Container': [
    'name',
    'image',
    'command',
    'args',
    'workingDir',
    'ports',
    'envFrom',
    'env',
    'resources',
    'resizePolicy',
    'restartPolicy',
    'volumeMounts',
    'volumeDevices',
    'livenessProbe',
    'readinessProbe',
    'startupProbe',
    'lifecycle',
    'terminationMessagePath',
    'terminationMessagePolicy',
    'imagePullPolicy',
    'securityContext',
    'stdin',
    'stdinOnce',
    'tty',
  ],
};

export function goFieldName(jsonKey: string): string {
  return GO_NAMES[jsonKey] ?? jsonKey.charAt(0).toUpperCase() + jsonKey.slice(1);
}

function isAbsent(v: unknown): boolean {
  return semanticEqual(v, undefined);
}

function render(v: unknown, asMap: boolean): string {
  if (v === undefined || v === null) return 'nil';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `{${v.map((x) => render(x, false)).join(', ')}}`;
  if (isRecord(v)) {
    const entries = Object.entries(v).filter(([, x]) => !isAbsent(x));
    if (asMap) return `{${entries.map(([k, x]) => `${goQuote(k)}: ${render(x, false)}`).join(', ')}}`;
    return `{${entries.map(([k, x]) => `${goFieldName(k)}: ${render(x, MAP_FIELDS.has(k))}`).join(', ')}}`;
  }
  return String(v);
}

function orderedKeys(type: string, a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const known = ORDER[type] ?? [];
  const rest = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !known.includes(k)).sort();
  return [...known, ...rest];
}

function elementType(type: string): string {
  return type.startsWith('[]') ? type.slice(2) : type.replace(/^&/, '');
}

class Writer {
  readonly lines: string[] = [];
  line(mark: ' ' | '-' | '+', depth: number, text: string): void {
    this.lines.push(`${mark} ${'\t'.repeat(depth)}${text}`);
  }
}

function flush(w: Writer, depth: number, count: number, what: string): void {
  if (count > 0) w.line(' ', depth, `... // ${count} identical ${what}${count === 1 ? '' : 's'}`);
}

function diffStruct(
  w: Writer,
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  type: string,
  depth: number,
): void {
  let same = 0;
  for (const k of orderedKeys(type, a, b)) {
    if (semanticEqual(a[k], b[k])) {
      same++;
      continue;
    }
    flush(w, depth, same, 'field');
    same = 0;
    diffField(w, goFieldName(k), a[k], b[k], FIELD_TYPES[k] ?? '', MAP_FIELDS.has(k), depth);
  }
  flush(w, depth, same, 'field');
}

function diffField(
  w: Writer,
  name: string,
  a: unknown,
  b: unknown,
  type: string,
  asMap: boolean,
  depth: number,
): void {
  if (!asMap && isRecord(a) && isRecord(b)) {
    w.line(' ', depth, `${name}: ${type}{`);
    diffStruct(w, a, b, elementType(type), depth + 1);
    w.line(' ', depth, '},');
    return;
  }
  if (
    Array.isArray(a) &&
    Array.isArray(b) &&
    a.length === b.length &&
    a.every(isRecord) &&
    b.every(isRecord)
  ) {
    w.line(' ', depth, `${name}: ${type}{`);
    let same = 0;
    a.forEach((x, i) => {
      if (semanticEqual(x, b[i])) {
        same++;
        return;
      }
      flush(w, depth + 1, same, 'element');
      same = 0;
      w.line(' ', depth + 1, '{');
      diffStruct(w, x, b[i] as Record<string, unknown>, elementType(type), depth + 2);
      w.line(' ', depth + 1, '},');
    });
    flush(w, depth + 1, same, 'element');
    w.line(' ', depth, '},');
    return;
  }
  if (!isAbsent(a)) w.line('-', depth, `${name}: ${render(a, asMap)},`);
  if (!isAbsent(b)) w.line('+', depth, `${name}: ${render(b, asMap)},`);
  if (isAbsent(a) && isAbsent(b)) w.line(' ', depth, `${name}: nil,`);
}

/** cmp.Diff(oldSpec, newSpec)-like text for two pod specs. */
export function podSpecDiff(oldSpec: unknown, newSpec: unknown): string {
  const w = new Writer();
  w.line(' ', 0, 'core.PodSpec{');
  diffStruct(w, isRecord(oldSpec) ? oldSpec : {}, isRecord(newSpec) ? newSpec : {}, 'core.PodSpec', 1);
  w.line(' ', 0, '}');
  return w.lines.join('\n') + '\n';
}
