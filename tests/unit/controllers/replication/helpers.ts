import { createSandbox } from '../../../../sandbox/index';
import type { KubeObject, KubeObjectInput } from '../../../../sandbox/api/types';
import type { ClusterContext } from '../../../../sandbox/cluster/context';
import { ContainerRegistry } from '../../../../sandbox/cluster/containers';
import { EventRecorder } from '../../../../sandbox/controllers/runtime/events';
import { start } from '../../../../sandbox/controllers/replication/index';
import { timestamp } from '../../../../sandbox/api/context';

export interface Env {
  ctx: ClusterContext;
  stop: () => void;
  pods(labels?: string): KubeObject[];
  events(reason?: string): KubeObject[];
}

/** A bare API server with only the replication controllers running on it. */
export function setup(opts: { podQuota?: number; maxPods?: number; seed?: number } = {}): Env {
  const sb = createSandbox({
    cluster: false,
    seed: opts.seed ?? 1,
    podQuota: opts.podQuota,
    maxPods: opts.maxPods,
  });
  const ctx: ClusterContext = {
    api: sb.api,
    clock: sb.clock,
    random: sb.random.fork('test'),
    events: new EventRecorder(sb.api, sb.clock),
    containers: new ContainerRegistry(),
    options: {},
  };
  const stop = start(ctx);
  return {
    ctx,
    stop,
    pods: (labels) => ctx.api.list('pods', 'default', labels ? { labelSelector: labels } : {}).items,
    events: (reason) =>
      ctx.api
        .list('events', 'default')
        .items.filter((e) => !reason || (e as { reason?: string }).reason === reason),
  };
}

export function rc(name = 'kubia-v1', replicas = 3, extra: Record<string, unknown> = {}): KubeObjectInput {
  return {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name },
    spec: {
      replicas,
      template: {
        metadata: { labels: { app: 'kubia' } },
        spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v1' }] },
      },
      ...extra,
    },
  };
}

export function rs(name = 'kubia', replicas = 3, extra: Record<string, unknown> = {}): KubeObjectInput {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'kubia' } },
      template: {
        metadata: { labels: { app: 'kubia' }, annotations: { note: 'from-template' } },
        spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v1' }] },
      },
      ...extra,
    },
  };
}

export function pod(name: string, labels: Record<string, string> = { app: 'kubia' }): KubeObjectInput {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels },
    spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v1' }] },
  };
}

/** What a kubelet would write: Running, Ready (since now unless given), optional restarts. */
export function makeReady(
  env: Env,
  name: string,
  opts: { readySince?: number; restarts?: number } = {},
): void {
  const api = env.ctx.api;
  const p = api.get('pods', 'default', name);
  const since = timestamp(opts.readySince ?? env.ctx.clock.now());
  p.status = {
    ...(p.status as object),
    phase: 'Running',
    conditions: [
      { type: 'Ready', status: 'True', lastTransitionTime: since },
      { type: 'ContainersReady', status: 'True', lastTransitionTime: since },
    ],
    containerStatuses: [
      {
        name: 'nodejs',
        ready: true,
        restartCount: opts.restarts ?? 0,
        image: 'luksa/kubia:v1',
        imageID: '',
        started: true,
        state: { running: { startedAt: since } },
      },
    ],
  };
  api.updateStatus(p);
}

export function setPhase(env: Env, name: string, phase: string): void {
  const p = env.ctx.api.get('pods', 'default', name);
  p.status = { ...(p.status as object), phase };
  env.ctx.api.updateStatus(p);
}

/**
 * Pods cannot be bound by a patch (spec.nodeName is immutable and there is no binding subresource
 * yet), so scheduled pods come from a template or a pod manifest that names the node.
 */
export function onNode(input: KubeObjectInput, node: string): KubeObjectInput {
  const copy = structuredClone(input) as { spec: { template?: { spec: object }; nodeName?: string } };
  if (copy.spec.template) Object.assign(copy.spec.template.spec, { nodeName: node });
  else copy.spec.nodeName = node;
  return copy as KubeObjectInput;
}

export function status(env: Env, plural: string, name: string): Record<string, unknown> {
  return env.ctx.api.get(plural, 'default', name).status as Record<string, unknown>;
}

export function settle(env: Env, seconds = 0): void {
  env.ctx.clock.advance(seconds);
}
