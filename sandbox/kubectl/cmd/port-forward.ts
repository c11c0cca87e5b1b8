/**
 * `kubectl port-forward TYPE/NAME [LOCAL:]REMOTE...` (kubectl pkg/cmd/portforward and client-go
 * tools/portforward): pick the pod, translate Service and named ports, listen on the reader's
 * machine (`sandbox/net/forwards.ts`) and carry each connection into the pod, until Ctrl+C, `kill`,
 * or a connection that cannot reach the pod ("lost connection to pod").
 */
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import type { RunContext } from '../commands/types';
import { localPortsOf, type ForwardNotice, type Listener } from '../../net/forwards';
import { KubectlError, usageError } from '../errors';
import { klogLine } from '../klog';
import { md5Hex } from '../rollout/md5';
import { activePodsOf, podSelectorOf, workloadOf } from '../ops/target';
import { durationSeconds } from './wired';
import { catchInterrupt } from '../interrupt';

interface ForwardedPort {
  local: number;
  remote: number;
}

interface ListenAddress {
  address: string;
  protocol: 'tcp4' | 'tcp6';
  failureMode: 'all' | 'any';
}

/** splitPort: `L:R` → [L, R]; anything else → [p, p] (a third part is silently dropped, as in kubectl). */
function splitPort(port: string): [string, string] {
  const parts = port.split(':');
  return parts.length === 2 ? [parts[0], parts[1]] : [parts[0], parts[0]];
}

function isNumber(s: string): boolean {
  return /^[+-]?\d+$/.test(s);
}

function containerPortByName(pod: Pod, name: string): number {
  for (const c of pod.spec?.containers ?? [])
    for (const p of c.ports ?? []) if ((p.name ?? '') === name) return p.containerPort;
  throw new KubectlError(`Pod '${pod.metadata?.name ?? ''}' does not have a named port '${name}'`);
}

function servicePortByName(svc: Service, name: string): number {
  // An unnamed port has the name "": `8082:` finds it.
  const port = (svc.spec?.ports ?? []).find((p) => (p.name ?? '') === name);
  if (!port)
    throw new KubectlError(`Service '${svc.metadata?.name ?? ''}' does not have a named port '${name}'`);
  return port.port;
}

/**
 * checkUDPPorts, which runs first: a named remote port must exist, and a port served only over
 * UDP cannot be forwarded.
 */
function checkUDP(
  args: readonly string[],
  ports: Array<{ port: number; protocol?: string }>,
  byName: (n: string) => number,
): void {
  const proto = (p: { protocol?: string }): string => p.protocol ?? 'TCP';
  const udp = new Set(ports.filter((p) => proto(p) === 'UDP').map((p) => p.port));
  for (const p of ports) if (proto(p) === 'TCP') udp.delete(p.port);
  for (const spec of args) {
    const [, remote] = splitPort(spec);
    const n = isNumber(remote) ? Number(remote) : byName(remote);
    if (udp.has(n)) throw new KubectlError(`UDP protocol is not supported for ${remote}`);
  }
}

/** convertPodNamedPortToNumber. */
function podPorts(args: readonly string[], pod: Pod): string[] {
  return args.map((spec) => {
    const [local, remote] = splitPort(spec);
    if (remote === '') throw new KubectlError('remote port cannot be empty');
    const container = isNumber(remote) ? remote : String(containerPortByName(pod, remote));
    return local !== remote ? `${local}:${container}` : container;
  });
}

/** translateServicePortToTargetPort: the Service port becomes the pod's target port. */
function servicePorts(args: readonly string[], svc: Service, pod: Pod): string[] {
  const name = svc.metadata?.name ?? '';
  return args.map((spec) => {
    let [local, remote] = splitPort(spec);
    let portnum: number;
    if (isNumber(remote)) portnum = Number(remote);
    else {
      portnum = servicePortByName(svc, remote);
      if (local === remote) local = String(portnum);
    }
    const sp = (svc.spec?.ports ?? []).find((p) => p.port === portnum);
    if (!sp) throw new KubectlError(`Service ${name} does not have a service port ${portnum}`);
    let container: number;
    if (svc.spec?.clusterIP === 'None') container = portnum;
    else if (typeof sp.targetPort === 'string') container = containerPortByName(pod, sp.targetPort);
    else container = sp.targetPort || sp.port;
    remote = String(container);
    return local !== remote ? `${local}:${remote}` : remote;
  });
}

/** Go's strconv.ParseUint(s, 10, 16) errors, as `error parsing ... port` quotes them. */
function parseUint16(s: string): number | string {
  if (!/^\d+$/.test(s)) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`;
  const n = Number(s);
  if (n > 65535) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`;
  return n;
}

/** client-go parsePorts. */
function parsePorts(ports: readonly string[]): ForwardedPort[] {
  return ports.map((spec) => {
    const parts = spec.split(':');
    if (parts.length > 2) throw new KubectlError(`invalid port format '${spec}'`);
    const localText = parts.length === 1 ? parts[0] : parts[0] || '0';
    const remoteText = parts.length === 1 ? parts[0] : parts[1];
    const local = parseUint16(localText);
    if (typeof local === 'string')
      throw new KubectlError(`error parsing local port '${localText}': ${local}`);
    const remote = parseUint16(remoteText);
    if (typeof remote === 'string')
      throw new KubectlError(`error parsing remote port '${remoteText}': ${remote}`);
    if (remote === 0) throw new KubectlError('remote port must be > 0');
    return { local, remote };
  });
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** client-go parseAddresses: localhost is 127.0.0.1 and ::1; sorted for a stable order. */
function parseAddresses(list: readonly string[]): ListenAddress[] {
  const parsed = new Map<string, ListenAddress>();
  for (const address of list) {
    if (address === 'localhost') {
      if (!parsed.has('127.0.0.1'))
        parsed.set('127.0.0.1', { address: '127.0.0.1', protocol: 'tcp4', failureMode: 'all' });
      if (!parsed.has('::1')) parsed.set('::1', { address: '::1', protocol: 'tcp6', failureMode: 'all' });
    } else if (IPV4.test(address)) parsed.set(address, { address, protocol: 'tcp4', failureMode: 'any' });
    else if (/^[0-9a-fA-F:]+$/.test(address) && address.includes(':'))
      parsed.set(address, { address, protocol: 'tcp6', failureMode: 'any' });
    else throw new KubectlError(`${address} is not a valid IP`);
  }
  return [...parsed.values()].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

/** net.JoinHostPort. */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Addresses this machine has: loopback, the wildcards (anything else cannot be bound). */
function isLocal(address: string): boolean {
  return address.startsWith('127.') || address === '::1' || address === '0.0.0.0' || address === '::';
}

/** The pod sandbox's id and network namespace, as containerd names them in its errors. */
function sandboxIds(uid: string): { id: string; netns: string } {
  const a = md5Hex(`sandbox:${uid}`);
  const b = md5Hex(`netns:${uid}`);
  const id = a + md5Hex(`sandbox2:${uid}`);
  return {
    id,
    netns: `cni-${b.slice(0, 8)}-${b.slice(8, 12)}-${b.slice(12, 16)}-${b.slice(16, 20)}-${b.slice(20)}`,
  };
}

function quoteErr(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** The error the kubelet's stream sends back for a failed connection. */
function forwardError(n: Extract<ForwardNotice, { kind: 'failed' }>, uid: string): string {
  const { id, netns } = sandboxIds(uid);
  const why =
    n.why === 'gone'
      ? `failed to find sandbox "${id}" in store: not found`
      : `failed to execute portforward in network namespace "/var/run/netns/${netns}": failed to connect to localhost:${n.remotePort} inside namespace "${id}", IPv4: dial tcp4 127.0.0.1:${n.remotePort}: connect: connection refused IPv6 dial tcp6 [::1]:${n.remotePort}: connect: connection refused `;
  return `an error occurred forwarding ${n.localPort} -> ${n.remotePort}: error forwarding port ${n.remotePort} to pod ${id}, uid : ${why}`;
}

/** GetFirstPod: the most active pod now, else the first one added or changed before the timeout. */
async function firstPod(ctx: RunContext, obj: KubeObject, timeoutMs: number): Promise<Pod | 'interrupted'> {
  const { env, io, namespace } = ctx;
  const now = activePodsOf(env, namespace, obj);
  if (now.length) return now[0];
  const list = env.api.list('pods', namespace, { labelSelector: podSelectorOf(obj) });
  return new Promise((resolve, reject) => {
    const cleanups: Array<() => void> = [];
    const finish = (r: Pod | 'interrupted' | Error): void => {
      for (const c of cleanups) c();
      if (r instanceof Error) reject(r);
      else resolve(r);
    };
    const handle = env.api.watch(
      'pods',
      namespace,
      { labelSelector: podSelectorOf(obj), resourceVersion: list.metadata.resourceVersion },
      (e) => {
        if (e.type === 'ADDED' || e.type === 'MODIFIED') finish(e.object as unknown as Pod);
      },
    );
    cleanups.push(() => handle.stop());
    cleanups.push(io.interrupt.onInterrupt(() => finish('interrupted')));
    const id = env.clock.setTimer(timeoutMs, () =>
      finish(new KubectlError('timed out waiting for the condition')),
    );
    cleanups.push(() => env.clock.clearTimer(id));
  });
}

export async function runPortForward(ctx: RunContext): Promise<number> {
  const { env, flags, namespace } = ctx;
  const args = flags.args;
  if (args.length < 2)
    throw usageError(ctx.path, 'TYPE/NAME and list of ports are required for port-forward');
  const timeoutText = flags.string('pod-running-timeout') || '1m0s';
  const timeoutMs = (durationSeconds(timeoutText) ?? 60) * 1000;

  // Complete: the object, its pod, and the ports as numbers on the pod.
  const workload = workloadOf(env, namespace, args[0]);
  let pod: Pod;
  if (workload) {
    const found = await firstPod(ctx, workload, timeoutMs);
    if (found === 'interrupted') return 130;
    pod = found;
  } else {
    const slash = args[0].indexOf('/');
    pod = env.api.get('pods', namespace, slash < 0 ? args[0] : args[0].slice(slash + 1)) as unknown as Pod;
  }
  const portArgs = args.slice(1);
  let ports: string[];
  if (workload?.kind === 'Service') {
    const svc = workload as unknown as Service;
    checkUDP(portArgs, svc.spec?.ports ?? [], (n) => servicePortByName(svc, n));
    ports = servicePorts(portArgs, svc, pod);
  } else {
    const declared = (pod.spec?.containers ?? []).flatMap((c) =>
      (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol })),
    );
    checkUDP(portArgs, declared, (n) => containerPortByName(pod, n));
    ports = podPorts(portArgs, pod);
  }

  // Run: the pod must be running now.
  const live = env.api.get('pods', namespace, pod.metadata?.name ?? '') as unknown as Pod;
  const phase = live.status?.phase ?? '';
  if (phase !== 'Running')
    throw new KubectlError(`unable to forward port because pod is not running. Current status=${phase}`);
  const addressList = flags.list('address');
  const addresses = parseAddresses(addressList.length ? addressList : ['localhost']);
  const forwarded = parsePorts(ports);
  return forward(ctx, live, addresses, forwarded);
}

async function forward(
  ctx: RunContext,
  pod: Pod,
  addresses: ListenAddress[],
  ports: ForwardedPort[],
): Promise<number> {
  const { env, io } = ctx;
  const table = localPortsOf(env.api);
  const closers: Array<() => void> = [];
  let failure: Extract<ForwardNotice, { kind: 'failed' }> | undefined;
  let wake: (() => void) | undefined;
  const notify = (n: ForwardNotice): void => {
    if (failure) return;
    if (n.kind === 'connection') {
      io.stdout.write(`Handling connection for ${n.localPort}\n`);
      return;
    }
    failure = n;
    io.stderr.write(
      klogLine(
        env.clock.now(),
        'E',
        'portforward.go:413',
        `"Unhandled Error" err="${quoteErr(forwardError(n, pod.metadata?.uid ?? ''))}"`,
      ),
    );
    // The stream is closed: no more connections are accepted.
    for (const c of closers) c();
    closers.length = 0;
    wake?.();
  };
  const target = {
    namespace: pod.metadata?.namespace ?? ctx.namespace,
    pod: pod.metadata?.name ?? '',
    uid: pod.metadata?.uid ?? '',
  };

  let listening = false;
  for (const port of ports) {
    const errors: string[] = [];
    const fails = { all: 0, any: 0 };
    const successes = { all: 0, any: 0 };
    for (const a of addresses) {
      if (port.local === 0) port.local = table.ephemeral(addresses.map((x) => x.address));
      const where = `${a.protocol} ${joinHostPort(a.address, port.local)}`;
      const why = !isLocal(a.address)
        ? 'bind: cannot assign requested address'
        : table.inUse(a.address, port.local)
          ? 'bind: address already in use'
          : undefined;
      if (why) {
        errors.push(`unable to create listener: Error listen ${where}: ${why}`);
        fails[a.failureMode]++;
        continue;
      }
      const l: Listener = {
        address: a.address,
        port: port.local,
        target: { ...target, remotePort: port.remote },
        notify,
      };
      closers.push(table.add(l));
      successes[a.failureMode]++;
      io.stdout.write(`Forwarding from ${joinHostPort(a.address, port.local)} -> ${port.remote}\n`);
    }
    const failed = (successes.all === 0 && fails.all > 0) || fails.any > 0;
    if (failed)
      io.stderr.write(
        `Unable to listen on port ${port.local}: Listeners failed to create with the following errors: [${errors.join(' ')}]\n`,
      );
    else listening = true;
  }
  if (!listening) {
    for (const c of closers) c();
    throw new KubectlError(
      `unable to listen on any of the requested ports: [${ports.map((p) => `{${p.local} ${p.remote}}`).join(' ')}]`,
    );
  }

  // Until Ctrl+C (kubectl handles SIGINT and ends cleanly), `kill`, or a failed connection.
  catchInterrupt(io);
  await new Promise<void>((resolve) => {
    wake = resolve;
    if (io.interrupt.interrupted) resolve();
    else closers.push(io.interrupt.onInterrupt(() => resolve()));
  });
  for (const c of closers) c();
  if (failure) throw new KubectlError('lost connection to pod');
  return 0;
}
