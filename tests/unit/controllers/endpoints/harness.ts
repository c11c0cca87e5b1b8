/** A bare API server with hand-started components, pods made ready by hand and fake apps. */
import { createSandbox } from '../../../../sandbox/index';
import type { ClusterContext, ClusterOptions, Stop } from '../../../../sandbox/cluster/context';
import { ContainerRegistry } from '../../../../sandbox/cluster/containers';
import { EventRecorder } from '../../../../sandbox/controllers/runtime/events';
import type { KubeObject, KubeObjectInput } from '../../../../sandbox/api/types';
import type { AppInstance } from '../../../../sandbox/apps/types';
import { timestamp } from '../../../../sandbox/api/context';

export interface Harness {
  ctx: ClusterContext;
  stop(): void;
  /** Run the work queued for now, plus `seconds` of virtual time. */
  settle(seconds?: number): void;
}

export function harness(starts: Array<(ctx: ClusterContext) => Stop>, options: ClusterOptions = {}): Harness {
  const sb = createSandbox({ cluster: false });
  const ctx: ClusterContext = {
    api: sb.api,
    clock: sb.clock,
    random: sb.random.fork('test'),
    events: new EventRecorder(sb.api, sb.clock),
    containers: new ContainerRegistry(),
    options,
  };
  const stops = starts.map((s) => s(ctx));
  return {
    ctx,
    stop: () => stops.forEach((s) => s()),
    settle: (seconds = 0) => sb.clock.advance(seconds),
  };
}

export function addNodes(ctx: ClusterContext, n = 3): void {
  for (let i = 1; i <= n; i++) {
    ctx.api.create({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: `node-${i}`, labels: { 'kubernetes.io/hostname': `node-${i}` } },
      status: { addresses: [{ type: 'InternalIP', address: `10.128.0.${i + 2}` }] },
    });
  }
}

export function podInput(
  name: string,
  labels: Record<string, string>,
  opts: { node?: string; ports?: Array<{ name?: string; containerPort: number }>; namespace?: string } = {},
): KubeObjectInput {
  const spec: Record<string, unknown> = {
    containers: [{ name: 'app', image: 'luksa/kubia:v1', ports: opts.ports ?? [{ containerPort: 8080 }] }],
  };
  if (opts.node) spec.nodeName = opts.node;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels, namespace: opts.namespace ?? 'default' },
    spec,
  };
}

/** What a kubelet would write: Running, the pod IP and the Ready condition. */
export function setPodStatus(ctx: ClusterContext, pod: KubeObject, ip: string, ready: boolean): KubeObject {
  const current = ctx.api.get('pods', pod.metadata.namespace, pod.metadata.name!);
  const at = timestamp(ctx.clock.now());
  return ctx.api.updateStatus({
    ...current,
    status: {
      ...(current.status as object),
      phase: 'Running',
      podIP: ip,
      podIPs: [{ ip }],
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: at }],
    },
  });
}

export function fakeApp(name: string, ports: number[] = [8080]): AppInstance {
  return {
    ports,
    handle: (req) => ({ status: 200, headers: {}, body: `You've hit ${name} from ${req.remoteAddr}\n` }),
    onSigterm: () => 'exit',
  };
}

/** Create a pod on a node, give it an IP and readiness, and register its running app. */
export function runPod(
  ctx: ClusterContext,
  name: string,
  labels: Record<string, string>,
  ip: string,
  opts: {
    ready?: boolean;
    node?: string;
    namespace?: string;
    ports?: Array<{ name?: string; containerPort: number }>;
  } = {},
): KubeObject {
  const pod = ctx.api.create(podInput(name, labels, { node: opts.node ?? 'node-1', ...opts }));
  ctx.containers.put({
    namespace: pod.metadata.namespace!,
    pod: name,
    container: 'app',
    app: fakeApp(
      name,
      (opts.ports ?? [{ containerPort: 8080 }]).map((p) => p.containerPort),
    ),
    log: [],
  });
  return setPodStatus(ctx, pod, ip, opts.ready ?? true);
}

export function serviceInput(
  name: string,
  selector: Record<string, string> | undefined,
  spec: Record<string, unknown> = {},
  labels?: Record<string, string>,
): KubeObjectInput {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default', ...(labels ? { labels } : {}) },
    spec: {
      ...(selector ? { selector } : {}),
      ports: [{ port: 80, targetPort: 8080 }],
      ...spec,
    },
  };
}
