/**
 * Ports `kubectl port-forward` listens on, on the reader's machine: one table per cluster, shared
 * by every terminal of the page (two panes are two shells on the same laptop), so a forward
 * started in one pane answers `curl localhost:8080` typed in the other.
 */
import type { ApiServer } from '../api/server';

/** Where a forward sends its connections: a port of one pod (by uid: a new pod of that name is not it). */
export interface ForwardTarget {
  namespace: string;
  pod: string;
  uid: string;
  remotePort: number;
}

/**
 * What the forwarding kubectl hears about each connection, to print as the real one does: every
 * connection, and why one failed (nothing listens on the pod's port; the pod is gone).
 */
export type ForwardNotice =
  | { kind: 'connection'; localPort: number }
  | { kind: 'failed'; why: 'refused' | 'gone'; localPort: number; remotePort: number };

export interface Listener {
  /** `127.0.0.1`, `::1`, `0.0.0.0`, `::` or another local address. */
  address: string;
  port: number;
  target: ForwardTarget;
  notify(n: ForwardNotice): void;
}

/** The first port Linux hands out for `bind(0)` here (its ephemeral range is 32768-60999). */
const FIRST_EPHEMERAL = 37469;

function family(address: string): 4 | 6 {
  return address.includes(':') ? 6 : 4;
}

function wildcard(address: string): boolean {
  return address === '0.0.0.0' || address === '::';
}

export class LocalPorts {
  private readonly listeners: Listener[] = [];
  private nextEphemeral = FIRST_EPHEMERAL;

  /** Is `address:port` taken, as the kernel's bind() would say (a wildcard holds the whole family)? */
  inUse(address: string, port: number): boolean {
    return this.listeners.some(
      (l) =>
        l.port === port &&
        family(l.address) === family(address) &&
        (l.address === address || wildcard(l.address) || wildcard(address)),
    );
  }

  /** A free port for `bind(0)` on every one of `addresses`. */
  ephemeral(addresses: readonly string[]): number {
    for (;;) {
      const port = this.nextEphemeral;
      this.nextEphemeral = port >= 60999 ? 32768 : port + 1;
      if (!addresses.some((a) => this.inUse(a, port))) return port;
    }
  }

  add(l: Listener): () => void {
    this.listeners.push(l);
    return () => {
      const i = this.listeners.indexOf(l);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** The listener a connection to `ip:port` from this machine reaches. */
  find(ip: string, port: number): Listener | undefined {
    const hosts = ip === '127.0.0.1' ? ['127.0.0.1', '::1'] : [ip];
    for (const host of hosts) {
      const exact = this.listeners.find((l) => l.port === port && l.address === host);
      if (exact) return exact;
      const any = this.listeners.find(
        (l) => l.port === port && wildcard(l.address) && family(l.address) === family(host),
      );
      if (any) return any;
    }
    return undefined;
  }
}

const tables = new WeakMap<object, LocalPorts>();

/** The local ports of the machine the reader's terminals run on, for this cluster. */
export function localPortsOf(api: ApiServer): LocalPorts {
  let t = tables.get(api);
  if (!t) tables.set(api, (t = new LocalPorts()));
  return t;
}
