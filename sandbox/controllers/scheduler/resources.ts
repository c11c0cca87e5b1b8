/** Resource quantities as numbers (cpu in millicores, everything else in base units) and pod requests. */
import type { Pod } from 'kubernetes-types/core/v1';

export { quantityValue } from '../../api/quantity';
import { quantityValue } from '../../api/quantity';

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
