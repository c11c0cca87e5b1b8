/**
 * External addresses of load balancers: the pinned list of `ClusterOptions.loadBalancerIPs` in
 * creation order, then addresses drawn from the seeded random source in 34.64.0.0/10 — the
 * Google Cloud range GKE's asia-northeast3 (Seoul) external IPs come from, like the lessons' pins.
 */
import type { SeededRandom } from '../../clock/random';

export class ExternalIPPool {
  private next = 0;
  private inUse = new Set<string>();

  constructor(
    private readonly pinned: readonly string[],
    private readonly random: SeededRandom,
  ) {}

  allocate(): string {
    while (this.next < this.pinned.length) {
      const ip = this.pinned[this.next++];
      if (!this.inUse.has(ip)) return this.take(ip);
    }
    for (;;) {
      // 34.64.0.0/10: second octet 64..127; avoid network/broadcast-looking last octets.
      const ip = `34.${this.random.range(64, 127)}.${this.random.range(0, 255)}.${this.random.range(2, 254)}`;
      if (!this.inUse.has(ip)) return this.take(ip);
    }
  }

  /** Mark an address taken (a Service that already had one when the controller started). */
  take(ip: string): string {
    this.inUse.add(ip);
    return ip;
  }

  release(ip: string): void {
    this.inUse.delete(ip);
  }
}
