/**
 * Probes (pkg/kubelet/prober): one worker per container and probe kind, ticking every
 * periodSeconds from the container's start (readiness gets an immediate first run, as the
 * kubelet triggers one for a running container that is not ready yet). A tick is skipped before
 * initialDelaySeconds and, for liveness and readiness, until the startup probe has succeeded.
 * Every failed run records `Unhealthy` `<Kind> probe failed: <output>`; the published result flips
 * only after failureThreshold failures or successThreshold successes in a row.
 */
import type { ContainerPort, Probe } from 'kubernetes-types/core/v1';
import type { AppInstance } from '../apps/types';
import type { VirtualClock } from '../clock/clock';

export type ProbeKind = 'Readiness' | 'Liveness' | 'Startup';

export interface ProbeOutcome {
  ok: boolean;
  output: string;
}

export interface ProbeTarget {
  app: AppInstance | undefined;
  podIP: string;
  /** Where the kubelet's connections come from (the node's bridge address). */
  sourceIP: string;
  ports: readonly ContainerPort[];
}

function portOf(port: number | string | undefined, ports: readonly ContainerPort[]): number {
  if (typeof port === 'number') return port;
  const named = ports.find((p) => p.name === port);
  return named ? named.containerPort : Number(port);
}

function refused(ip: string, port: number): string {
  return `dial tcp ${ip}:${port}: connect: connection refused`;
}

/** Run one probe against the container (prober.runProbe). */
export function runProbe(probe: Probe, t: ProbeTarget): ProbeOutcome {
  if (probe.httpGet) {
    const g = probe.httpGet;
    const port = portOf(g.port as number | string, t.ports);
    const host = g.host || t.podIP;
    const path = g.path ? (g.path.startsWith('/') ? g.path : `/${g.path}`) : '/';
    const scheme = (g.scheme ?? 'HTTP').toLowerCase();
    const url = `${scheme}://${host}:${port}${path}`;
    if (!t.app || !t.app.ports.includes(port))
      return { ok: false, output: `Get "${url}": ${refused(host, port)}` };
    const headers: Record<string, string> = { 'user-agent': 'kube-probe/1.32', accept: '*/*' };
    for (const h of g.httpHeaders ?? []) headers[h.name.toLowerCase()] = h.value;
    const res = t.app.handle({ method: 'GET', path, headers, remoteAddr: t.sourceIP }, port);
    if (res.status >= 200 && res.status < 400) return { ok: true, output: '' };
    return { ok: false, output: `HTTP probe failed with statuscode: ${res.status}` };
  }
  if (probe.tcpSocket) {
    const port = portOf(probe.tcpSocket.port as number | string, t.ports);
    const host = probe.tcpSocket.host || t.podIP;
    if (!t.app || !t.app.ports.includes(port)) return { ok: false, output: refused(host, port) };
    return { ok: true, output: '' };
  }
  if (probe.exec) {
    const argv = probe.exec.command ?? [];
    if (!t.app?.exec) {
      return {
        ok: false,
        output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0] ?? ''}": executable file not found in $PATH: unknown`,
      };
    }
    const r = t.app.exec(argv);
    return { ok: r.code === 0, output: (r.stdout + r.stderr).replace(/\n$/, '') };
  }
  return { ok: false, output: 'probe handler not supported by the simulator' };
}

export interface ProbeHost {
  clock: VirtualClock;
  /** Milliseconds before the first run after the container started (readiness trigger). */
  firstDelayMs: number;
  run(probe: Probe): ProbeOutcome;
  /** True when this worker must skip its tick (startup probe pending, or pod shutting down). */
  gated(): boolean;
  failed(kind: ProbeKind, output: string): void;
  changed(kind: ProbeKind, ok: boolean): void;
}

export class ProbeWorker {
  /** The published result: readiness starts failed, liveness succeeded, startup unknown. */
  result: boolean | undefined;
  private lastRaw: boolean | undefined;
  private run = 0;
  private timer: number | undefined;
  private stopped = false;

  constructor(
    readonly kind: ProbeKind,
    private readonly probe: Probe,
    private readonly host: ProbeHost,
    private readonly startedAt: number,
  ) {
    this.result = kind === 'Readiness' ? false : kind === 'Liveness' ? true : undefined;
    this.timer = host.clock.setTimer(host.firstDelayMs, () => this.tick());
  }

  stop(): void {
    this.stopped = true;
    this.host.clock.clearTimer(this.timer);
  }

  private tick(): void {
    if (this.stopped) return;
    const p = this.probe;
    this.timer = this.host.clock.setTimer((p.periodSeconds || 10) * 1000, () => this.tick());
    const elapsed = Math.floor((this.host.clock.now() - this.startedAt) / 1000);
    if (elapsed < (p.initialDelaySeconds ?? 0)) return;
    if (this.host.gated()) return;
    if (this.kind === 'Startup' && this.result === true) return;
    const outcome = this.host.run(p);
    if (!outcome.ok) this.host.failed(this.kind, outcome.output);
    if (this.stopped) return;
    if (this.lastRaw === outcome.ok) this.run++;
    else {
      this.lastRaw = outcome.ok;
      this.run = 1;
    }
    const threshold = outcome.ok ? (p.successThreshold ?? 1) : (p.failureThreshold ?? 3);
    if (this.run < threshold || this.result === outcome.ok) return;
    this.result = outcome.ok;
    if (!outcome.ok && this.kind !== 'Readiness') this.run = 0;
    this.host.changed(this.kind, outcome.ok);
  }
}
