/** Resource quantities as numbers (cpu in millicores, everything else in base units) and pod requests. */
import type { Pod } from 'kubernetes-types/core/v1';

const SUFFIX: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** A quantity's value in base units (`100m` → 0.1, `1Gi` → 1073741824); NaN when malformed. */
export function quantityValue(q: string | number | undefined): number {
  if (q === undefined) return 0;
  if (typeof q === 'number') return q;
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?\d+)?)([a-zA-Z]*)$/.exec(q.trim());
  if (!m || !(m[2] in SUFFIX)) return NaN;
  return Number(m[1]) * SUFFIX[m[2]];
}

export interface Requests {
  cpu: number;
  memory: number;
}

/** Sum of the containers' requests (cpu in millicores), as the NodeResourcesFit plugin counts them. */
export function podRequests(pod: Pod): Requests {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec?.containers ?? []) {
    const r = (c.resources?.requests ?? {}) as Record<string, string | number>;
    cpu += Math.round(quantityValue(r.cpu) * 1000) || 0;
    memory += quantityValue(r.memory) || 0;
  }
  return { cpu, memory };
}
