/**
 * The cluster network as curl sees it: name resolution, kube-proxy's Service load balancing
 * (uniformly random among ready endpoints, as iptables' chained probability rules do; terminating
 * fallback; REJECT when a Service has no endpoints), the GKE external passthrough load balancer in
 * front of LoadBalancer Services, and the pod's app answering HTTP. Failures come back as curl's
 * exit codes and texts.
 *
 * A LoadBalancer Service without endpoints, reached from outside: the GCP network load balancer
 * (externalTrafficPolicy Cluster) health-checks kube-proxy on every node, so the nodes stay healthy
 * and the packet reaches a node where kube-proxy's KUBE-EXTERNAL-SERVICES chain REJECTs it: curl
 * gets "Couldn't connect to server" (7) after about one round trip. An address that answers
 * nothing (a port the forwarding rule does not carry, a private IP from the laptop, an unknown
 * IP) times out (28).
 */
import type { ClusterContext } from '../cluster/context';
import type { AppInstance, HttpResponse } from '../apps/types';
import type { KubeObject } from '../api/types';
import type { SeededRandom } from '../clock/random';
import { asService, backendsOf, getObject, podIP, usableBackends, type Backend } from './lookup';
import { resolveName, route, type Caller, type Route } from './resolve';
import { parseUrl, type ParsedUrl } from './url';
import { localPortsOf, type Listener } from './forwards';
import { couldNotResolve, emptyReply, refused, timedOut, tlsWrongVersion, type CurlError } from './errors';

export interface NetworkRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** The calling pod (inside the cluster); omitted: the reader's laptop on the internet. */
  from?: { namespace?: string; podName?: string };
  /** curl's `--connect-timeout`/`-m`, in ms; default: the kernel's SYN retries (~130 s). */
  timeoutMs?: number;
}

export interface PodRef {
  namespace: string;
  name: string;
}

export type NetworkResult =
  | { ok: true; response: HttpResponse; pod: PodRef; remoteAddr: string; elapsedMs: number }
  | { ok: false; error: CurlError; elapsedMs: number };

/** What the UI hears about each request (to light up the pod that answered). */
export interface RequestEvent {
  at: number;
  url: string;
  from?: PodRef | { namespace: string };
  service?: PodRef;
  pod?: PodRef;
  status?: number;
  error?: CurlError;
}

type NetContext = Pick<ClusterContext, 'api' | 'clock' | 'random' | 'containers'>;

/** A client's public address when the load balancer preserves it (externalTrafficPolicy: Local). */
export const OUTSIDE_CLIENT_IP = '203.0.113.10';
const CURL_HEADERS = { 'User-Agent': 'curl/8.5.0', Accept: '*/*' };
/** Linux gives up a connect() after 6 SYN retransmissions: about 130 s. */
const KERNEL_CONNECT_TIMEOUT_MS = 130_000;

/**
 * Request listeners per API server: the sandbox's Network and the one `networkOf` makes for shell
 * sessions are separate objects (separate random streams), but a listener hears both.
 */
const listenersByApi = new WeakMap<object, Set<(e: RequestEvent) => void>>();

export class Network {
  private readonly random: SeededRandom;
  private readonly listeners: Set<(e: RequestEvent) => void>;
  /** sessionAffinity ClientIP: service uid + client IP → endpoint IP and expiry. */
  private affinity = new Map<string, { ip: string; until: number }>();

  constructor(private readonly ctx: NetContext) {
    this.random = ctx.random.fork('network');
    let shared = listenersByApi.get(ctx.api);
    if (!shared) listenersByApi.set(ctx.api, (shared = new Set()));
    this.listeners = shared;
  }

  onRequest(cb: (e: RequestEvent) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  request(req: NetworkRequest): NetworkResult {
    const event: RequestEvent = { at: this.ctx.clock.now(), url: req.url };
    const result = this.run(req, event);
    if (result.ok) {
      event.pod = result.pod;
      event.status = result.response.status;
    } else event.error = result.error;
    for (const l of this.listeners) l(event);
    return result;
  }

  private run(req: NetworkRequest, event: RequestEvent): NetworkResult {
    const parsed = parseUrl(req.url);
    if (!parsed.ok) return this.fail({ code: parsed.code, message: parsed.message }, 0);
    const { host, port } = parsed.url;
    const caller = this.caller(req);
    event.from = caller.inside
      ? caller.pod
        ? { namespace: caller.namespace, name: caller.pod.metadata.name! }
        : { namespace: caller.namespace }
      : undefined;
    const rtt = (): number => (caller.inside ? this.random.range(0, 2) : this.random.range(18, 45));
    const ip = resolveName(this.ctx.api, host, caller, (ips) => this.random.pick(ips));
    if (!ip) return this.fail(couldNotResolve(host), caller.inside ? 0 : this.random.range(2, 30));

    // The reader's own machine: a `kubectl port-forward` listening there carries the connection.
    if (!caller.inside && ip.startsWith('127.')) {
      const listener = localPortsOf(this.ctx.api).find(ip, port);
      if (listener) return this.forwarded(listener, req, parsed.url);
      // Nothing listens: the kernel refuses at once.
      return this.fail(refused(host, port, 0), 0);
    }
    const r: Route = route(this.ctx.api, ip, port, caller);
    const blackhole = (): NetworkResult => {
      const limited = req.timeoutMs !== undefined && req.timeoutMs < KERNEL_CONNECT_TIMEOUT_MS;
      const ms = limited
        ? req.timeoutMs! + this.random.range(0, 2)
        : KERNEL_CONNECT_TIMEOUT_MS + this.random.range(0, 2500);
      return this.fail(timedOut(host, port, ms, limited), ms);
    };
    if (r.kind === 'blackhole') return blackhole();
    if (r.kind === 'refused') {
      const ms = rtt();
      return this.fail(refused(host, port, ms), ms);
    }

    let target: { pod: KubeObject; port: number; remoteAddr: string } | undefined;
    if (r.kind === 'pod') {
      target = { pod: r.pod, port, remoteAddr: this.callerIP(caller) };
    } else {
      event.service = { namespace: r.svc.metadata.namespace!, name: r.svc.metadata.name! };
      const chosen = this.pickBackend(r, caller);
      if (chosen === 'drop') return blackhole();
      if (!chosen) {
        const ms = rtt();
        return this.fail(refused(host, port, ms), ms);
      }
      const pod = getObject(this.ctx.api, 'pods', chosen.namespace, chosen.pod);
      if (!pod) {
        const ms = rtt();
        return this.fail(refused(host, port, ms), ms);
      }
      target = { pod, port: chosen.port, remoteAddr: this.sourceAfterNat(r, caller, chosen) };
    }

    const ms = rtt() + (caller.inside ? 1 : this.random.range(5, 20));
    const app = this.listening(target.pod, target.port);
    if (!app) {
      const refusedMs = rtt();
      return this.fail(refused(host, port, refusedMs), refusedMs);
    }
    const pod = { namespace: target.pod.metadata.namespace!, name: target.pod.metadata.name! };
    return this.answer(app, req, parsed.url, { pod, port: target.port, remoteAddr: target.remoteAddr }, ms);
  }

  /** The app's HTTP answer to curl's request (TLS against it fails; an app that throws sends nothing). */
  private answer(
    app: AppInstance,
    req: NetworkRequest,
    url: ParsedUrl,
    to: { pod: PodRef; port: number; remoteAddr: string },
    ms: number,
  ): NetworkResult {
    const { host, port, path, scheme } = url;
    if (scheme === 'https') return this.fail(tlsWrongVersion(), ms);
    const headers: Record<string, string> = {
      Host: port === 80 ? host : `${host}:${port}`,
      ...CURL_HEADERS,
      ...(req.headers ?? {}),
    };
    let response: HttpResponse;
    try {
      response = app.handle(
        { method: req.method ?? 'GET', path, headers, remoteAddr: to.remoteAddr },
        to.port,
      );
    } catch {
      return this.fail(emptyReply(), ms);
    }
    return { ok: true, response, pod: to.pod, remoteAddr: to.remoteAddr, elapsedMs: ms };
  }

  /**
   * A connection to a port `kubectl port-forward` listens on: through the API server and the
   * kubelet into the pod's network namespace, where it reaches the app from 127.0.0.1. When nothing
   * listens there or the pod is gone, the stream fails and curl gets an empty reply.
   */
  private forwarded(l: Listener, req: NetworkRequest, url: ParsedUrl): NetworkResult {
    const { namespace, pod: name, uid, remotePort } = l.target;
    const ms = this.random.range(20, 60);
    l.notify({ kind: 'connection', localPort: l.port });
    const pod = getObject(this.ctx.api, 'pods', namespace, name);
    if (!pod || pod.metadata.uid !== uid) {
      l.notify({ kind: 'failed', why: 'gone', localPort: l.port, remotePort });
      return this.fail(emptyReply(), ms);
    }
    const app = this.listening(pod, remotePort);
    if (!app) {
      l.notify({ kind: 'failed', why: 'refused', localPort: l.port, remotePort });
      return this.fail(emptyReply(), ms);
    }
    return this.answer(
      app,
      req,
      url,
      { pod: { namespace, name }, port: remotePort, remoteAddr: '127.0.0.1' },
      ms,
    );
  }

  private fail(error: CurlError, elapsedMs: number): NetworkResult {
    return { ok: false, error, elapsedMs };
  }

  private caller(req: NetworkRequest): Caller {
    if (!req.from) return { inside: false, namespace: 'default' };
    const namespace = req.from.namespace || 'default';
    const pod = req.from.podName ? getObject(this.ctx.api, 'pods', namespace, req.from.podName) : undefined;
    return { inside: true, namespace, pod };
  }

  private callerIP(caller: Caller): string {
    if (!caller.inside) return OUTSIDE_CLIENT_IP;
    return (caller.pod && podIP(caller.pod)) || '10.244.0.1';
  }

  /** The source address the pod sees: SNAT to the node's bridge for external Cluster-policy traffic. */
  private sourceAfterNat(r: Extract<Route, { kind: 'service' }>, caller: Caller, b: Backend): string {
    const spec = asService(r.svc).spec ?? {};
    const external = r.via !== 'clusterIP';
    if (external && spec.externalTrafficPolicy !== 'Local') return b.ip.replace(/\.\d+$/, '.1');
    return this.callerIP(caller);
  }

  /** kube-proxy's choice among a Service port's endpoints; undefined means REJECT, 'drop' a silent drop. */
  private pickBackend(r: Extract<Route, { kind: 'service' }>, caller: Caller): Backend | 'drop' | undefined {
    const spec = asService(r.svc).spec ?? {};
    let candidates = usableBackends(backendsOf(this.ctx.api, r.svc, r.port));
    if (candidates.length === 0) return undefined;
    if (r.via === 'clusterIP' && spec.internalTrafficPolicy === 'Local') {
      const node = (caller.pod?.spec as { nodeName?: string } | undefined)?.nodeName;
      candidates = candidates.filter((b) => b.nodeName === node);
      if (candidates.length === 0) return 'drop';
    } else if (r.via !== 'clusterIP' && spec.externalTrafficPolicy === 'Local') {
      if (r.via === 'nodePort') {
        candidates = candidates.filter((b) => b.nodeName === r.nodeName);
        if (candidates.length === 0) return 'drop';
      } else {
        // Only nodes with a local endpoint pass the LB health check; the LB spreads over them.
        const nodes = [...new Set(candidates.map((b) => b.nodeName ?? ''))];
        const node = this.random.pick(nodes);
        candidates = candidates.filter((b) => (b.nodeName ?? '') === node);
      }
    }
    if (spec.sessionAffinity === 'ClientIP') {
      const key = `${r.svc.metadata.uid}|${this.callerIP(caller)}`;
      const now = this.ctx.clock.now();
      const held = this.affinity.get(key);
      const stuck = held && held.until > now ? candidates.find((b) => b.ip === held.ip) : undefined;
      const chosen = stuck ?? this.random.pick(candidates);
      const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800;
      this.affinity.set(key, { ip: chosen.ip, until: now + timeout * 1000 });
      return chosen;
    }
    return this.random.pick(candidates);
  }

  /** The app of the pod's container listening on `port`, if any. */
  private listening(pod: KubeObject, port: number) {
    const ns = pod.metadata.namespace!;
    const name = pod.metadata.name!;
    const containers = (pod.spec as { containers?: Array<{ name: string }> } | undefined)?.containers ?? [];
    for (const c of containers) {
      const app = this.ctx.containers.app(ns, name, c.name);
      if (app && app.ports.includes(port)) return app;
    }
    return undefined;
  }
}

const networks = new WeakMap<object, Network>();

/** The network of a cluster (one per context), for callers that do not keep a `Network`. */
export function networkOf(ctx: NetContext): Network {
  let n = networks.get(ctx.api);
  if (!n) networks.set(ctx.api, (n = new Network(ctx)));
  return n;
}

/** One curl request through the cluster's network. */
export function request(ctx: NetContext, req: NetworkRequest): NetworkResult {
  return networkOf(ctx).request(req);
}
