/**
 * Pod IPs from a node's podCIDR, the way the host-local IPAM plugin hands them out: `.1` is the
 * bridge gateway, pods get `.2`, `.3`, ... in order, continuing after the last one given and
 * wrapping around to reuse released addresses. Only /24 ranges are modelled.
 */
import { flat } from '../text/flat';

export class PodIPAllocator {
  private readonly prefix: string;
  private readonly used = new Set<number>();
  private last = 1;

  constructor(cidr: string) {
    const m = /^(\d+\.\d+\.\d+)\.0\/24$/.exec(cidr);
    if (!m) throw new Error(`PodIPAllocator: only x.y.z.0/24 ranges are supported, got ${cidr}`);
    this.prefix = m[1];
  }

  /** The bridge address (`10.244.1.1`): where node-local traffic such as probes comes from. */
  get gateway(): string {
    return `${this.prefix}.1`;
  }

  allocate(): string {
    for (let n = 0; n < 253; n++) {
      const host = ((this.last - 1 + n) % 253) + 2; // 2..254, starting after the last one
      if (!this.used.has(host)) {
        this.used.add(host);
        this.last = host;
        return flat(`${this.prefix}.${host}`);
      }
    }
    throw new Error(`no IP addresses available in range set: ${this.prefix}.1-${this.prefix}.254`);
  }

  release(ip: string): void {
    if (!ip.startsWith(this.prefix + '.')) return;
    this.used.delete(Number(ip.slice(this.prefix.length + 1)));
  }
}
