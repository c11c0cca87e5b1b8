/**
 * `kubectl top pod|node`: kubectl first looks for the `metrics.k8s.io` API in discovery; the
 * simulated cluster, like a fresh one, runs no metrics-server, so the answer is kubectl's own error.
 */
import type { RunContext } from '../commands/types';
import { KubectlError } from '../errors';

export async function runTop(_ctx: RunContext): Promise<number> {
  throw new KubectlError('Metrics API not available');
}
