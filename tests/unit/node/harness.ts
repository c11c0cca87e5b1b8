/** A bare API server with only the scheduler and the kubelets running, for node and scheduler tests. */
import { createSandbox } from '../../../sandbox/index';
import { EventRecorder } from '../../../sandbox/controllers/runtime/events';
import { ContainerRegistry } from '../../../sandbox/cluster/containers';
import type { ClusterContext, ClusterOptions } from '../../../sandbox/cluster/context';
import type { KubeObject, KubeObjectInput } from '../../../sandbox/api/types';
import { start as startKubelets } from '../../../sandbox/node/index';
import { start as startScheduler } from '../../../sandbox/controllers/scheduler/index';

export interface Harness {
  ctx: ClusterContext;
  /** STATUS-relevant cells of a pod row: [READY, STATUS, RESTARTS]. */
  row(name: string): string[];
  events(name?: string): string[];
  pod(name: string): KubeObject;
  advance(seconds: number): void;
  stop(): void;
}

export function harness(options: ClusterOptions & { seed?: number; scheduler?: boolean } = {}): Harness {
  const sb = createSandbox({ cluster: false, seed: options.seed ?? 7 });
  const ctx: ClusterContext = {
    api: sb.api,
    clock: sb.clock,
    random: sb.random.fork('cluster'),
    events: new EventRecorder(sb.api, sb.clock),
    containers: new ContainerRegistry(),
    options,
  };
  const stops = [startKubelets(ctx)];
  if (options.scheduler !== false) stops.push(startScheduler(ctx));
  ctx.clock.flush();
  return {
    ctx,
    row(name) {
      const t = ctx.api.table('pods', 'default', { name });
      return (t.rows[0].cells as string[]).slice(1, 4);
    },
    events(name) {
      const items = ctx.api.list('events', 'default').items as Array<
        KubeObject & {
          involvedObject: { name: string };
          reason: string;
          message: string;
          firstTimestamp: string;
        }
      >;
      return items
        .filter((e) => name === undefined || e.involvedObject.name === name)
        .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))
        .map((e) => `${e.reason}: ${e.message}`);
    },
    pod: (name) => ctx.api.get('pods', 'default', name),
    advance: (s) => ctx.clock.advance(s),
    stop: () => stops.forEach((s) => s()),
  };
}

export function podManifest(
  name: string,
  image: string,
  extra: Record<string, unknown> = {},
): KubeObjectInput {
  const { container, ...spec } = extra as { container?: Record<string, unknown> };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: name } },
    spec: {
      containers: [{ name: 'app', image, ...(container ?? {}) }],
      ...spec,
    },
  };
}
