/**
 * The cluster as the view draws it: Deployments → their ReplicaSets → pods, bare ReplicaSets and
 * ReplicationControllers, orphan pods, and Services with the pods they route to. Pure and DOM-free:
 * it reads the API server's cache (frozen objects, never copied) and costs one pass over each list,
 * so a thousand pods stay cheap. Chips beyond `CHIP_CAP` per group are only counted.
 */
import type { ApiServer, KubeObject } from '../../../sandbox/index';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Endpoints, Pod, ReplicationController, Service } from 'kubernetes-types/core/v1';
import { podState, podVersion, type PodState } from './pod-state';
import { resolveFenceposts } from './fenceposts';

/** Chips drawn per ReplicaSet (or orphan group); the rest are aggregated into counts. */
export const CHIP_CAP = 60;
const REVISION = 'deployment.kubernetes.io/revision';

export interface PodView {
  name: string;
  namespace: string;
  state: PodState;
  /** The waiting/terminated reason behind `failing`, `creating`, …: `ErrImagePull`, `ContainerCreating`. */
  reason: string | undefined;
  /** The image's version: `v2` for luksa/kubia:v2, else `repo:tag`. */
  version: string;
  image: string;
  ip: string | undefined;
  node: string | undefined;
  restarts: number;
}

export type StateCounts = Record<PodState, number>;

export interface ControllerView {
  kind: 'ReplicaSet' | 'ReplicationController';
  name: string;
  namespace: string;
  /** `deployment.kubernetes.io/revision` (ReplicaSets of a Deployment). */
  revision: number | undefined;
  hash: string | undefined;
  version: string;
  desired: number;
  current: number;
  ready: number;
  available: number;
  /** The first `CHIP_CAP` pods, oldest first. */
  pods: PodView[];
  /** Pods beyond the cap. */
  more: number;
  /** Every pod's state, the capped ones included. */
  counts: StateCounts;
  createdAt: string;
}

export interface DeploymentView {
  name: string;
  namespace: string;
  strategy: 'RollingUpdate' | 'Recreate';
  replicas: number;
  /** Most pods allowed during a rollout: replicas + maxSurge (rounded up). */
  maxPods: number;
  /** Fewest available pods allowed: replicas − maxUnavailable (rounded down). */
  minAvailable: number;
  revision: number | undefined;
  version: string;
  updated: number;
  ready: number;
  available: number;
  paused: boolean;
  /** Newest revision first. */
  replicaSets: ControllerView[];
  /** The ReplicaSet whose template matches the Deployment's (the newest revision). */
  newReplicaSet: string | undefined;
}

export interface ServiceView {
  name: string;
  namespace: string;
  type: string;
  selector: string;
  clusterIP: string | undefined;
  externalIP: string | undefined;
  /** Ready endpoints: the pods traffic goes to. */
  routesTo: string[];
  notReady: string[];
}

export interface ClusterSnapshot {
  at: number;
  resourceVersion: number;
  deployments: DeploymentView[];
  /** ReplicaSets and ReplicationControllers that no Deployment owns. */
  controllers: ControllerView[];
  orphans: PodView[];
  orphanCount: number;
  services: ServiceView[];
}

export function emptyCounts(): StateCounts {
  return { pending: 0, creating: 0, running: 0, ready: 0, terminating: 0, failing: 0, succeeded: 0 };
}

function controllerUid(o: KubeObject): string | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller)?.uid;
}

function byAge(a: KubeObject, b: KubeObject): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = a.metadata.name ?? '';
  const nb = b.metadata.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

export function podView(pod: Pod): PodView {
  const { state, reason } = podState(pod);
  const image = pod.spec?.containers[0]?.image ?? '';
  return {
    name: pod.metadata?.name ?? '',
    namespace: pod.metadata?.namespace ?? 'default',
    state,
    reason,
    version: podVersion(image),
    image,
    ip: pod.status?.podIP,
    node: pod.spec?.nodeName,
    restarts: (pod.status?.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0),
  };
}

function group(pods: readonly KubeObject[]): { views: PodView[]; more: number; counts: StateCounts } {
  const counts = emptyCounts();
  const views: PodView[] = [];
  for (const p of pods) {
    const v = podView(p as unknown as Pod);
    counts[v.state]++;
    if (views.length < CHIP_CAP) views.push(v);
  }
  return { views, more: Math.max(0, pods.length - CHIP_CAP), counts };
}

function controllerView(
  o: KubeObject,
  pods: readonly KubeObject[],
  kind: ControllerView['kind'],
): ControllerView {
  const rs = o as unknown as ReplicaSet | ReplicationController;
  const g = group(pods);
  const revision = o.metadata.annotations?.[REVISION];
  const image = rs.spec?.template?.spec?.containers[0]?.image ?? '';
  return {
    kind,
    name: o.metadata.name ?? '',
    namespace: o.metadata.namespace ?? 'default',
    revision: revision !== undefined ? Number(revision) : undefined,
    hash: o.metadata.labels?.['pod-template-hash'],
    version: podVersion(image),
    desired: rs.spec?.replicas ?? 1,
    current: rs.status?.replicas ?? 0,
    ready: rs.status?.readyReplicas ?? 0,
    available: rs.status?.availableReplicas ?? 0,
    pods: g.views,
    more: g.more,
    counts: g.counts,
    createdAt: o.metadata.creationTimestamp ?? '',
  };
}

function deploymentView(o: KubeObject, rss: ControllerView[]): DeploymentView {
  const d = o as unknown as Deployment;
  const replicas = d.spec?.replicas ?? 1;
  const strategy = d.spec?.strategy?.type === 'Recreate' ? 'Recreate' : 'RollingUpdate';
  let maxPods = replicas;
  let minAvailable = 0;
  if (strategy === 'RollingUpdate') {
    const ru = d.spec?.strategy?.rollingUpdate;
    const f = resolveFenceposts(ru?.maxSurge ?? '25%', ru?.maxUnavailable ?? '25%', replicas);
    maxPods = replicas + f.surge;
    minAvailable = replicas - Math.min(f.unavailable, replicas);
  }
  const revision = o.metadata.annotations?.[REVISION];
  const sorted = [...rss].sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0) || (a.name < b.name ? -1 : 1));
  const image = d.spec?.template.spec?.containers[0]?.image ?? '';
  return {
    name: o.metadata.name ?? '',
    namespace: o.metadata.namespace ?? 'default',
    strategy,
    replicas,
    maxPods,
    minAvailable,
    revision: revision !== undefined ? Number(revision) : undefined,
    version: podVersion(image),
    updated: d.status?.updatedReplicas ?? 0,
    ready: d.status?.readyReplicas ?? 0,
    available: d.status?.availableReplicas ?? 0,
    paused: d.spec?.paused === true,
    replicaSets: sorted,
    newReplicaSet: sorted.find((r) => revision !== undefined && r.revision === Number(revision))?.name,
  };
}

function selectorText(sel: Record<string, string> | undefined): string {
  return Object.entries(sel ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

function serviceView(o: KubeObject, endpoints: KubeObject | undefined): ServiceView {
  const s = o as unknown as Service;
  const ep = endpoints as unknown as Endpoints | undefined;
  const routesTo: string[] = [];
  const notReady: string[] = [];
  for (const subset of ep?.subsets ?? []) {
    for (const a of subset.addresses ?? []) if (a.targetRef?.name) routesTo.push(a.targetRef.name);
    for (const a of subset.notReadyAddresses ?? []) if (a.targetRef?.name) notReady.push(a.targetRef.name);
  }
  const ingress = s.status?.loadBalancer?.ingress?.[0];
  return {
    name: o.metadata.name ?? '',
    namespace: o.metadata.namespace ?? 'default',
    type: s.spec?.type ?? 'ClusterIP',
    selector: selectorText(s.spec?.selector),
    clusterIP: s.spec?.clusterIP,
    externalIP: ingress?.ip ?? ingress?.hostname ?? s.spec?.externalIPs?.[0],
    routesTo,
    notReady,
  };
}

/**
 * Read the cluster of one namespace. The `kubernetes` Service (the API server's own) is left out:
 * the lessons never route to it and it would only add noise.
 */
export function clusterSnapshot(api: ApiServer, at: number, namespace = 'default'): ClusterSnapshot {
  const cache = api.cache;
  const podsByOwner = new Map<string, KubeObject[]>();
  const loose: KubeObject[] = [];
  const controllerUids = new Set<string>();
  const rsList = cache.list('replicasets', namespace);
  const rcList = cache.list('replicationcontrollers', namespace);
  for (const c of rsList) controllerUids.add(c.metadata.uid ?? '');
  for (const c of rcList) controllerUids.add(c.metadata.uid ?? '');
  for (const pod of cache.list('pods', namespace)) {
    const owner = controllerUid(pod);
    if (owner === undefined || !controllerUids.has(owner)) loose.push(pod);
    else {
      const list = podsByOwner.get(owner);
      if (list) list.push(pod);
      else podsByOwner.set(owner, [pod]);
    }
  }
  const podsOf = (o: KubeObject): KubeObject[] => (podsByOwner.get(o.metadata.uid ?? '') ?? []).sort(byAge);

  const deployments = cache.list('deployments', namespace);
  const deploymentUids = new Set(deployments.map((d) => d.metadata.uid ?? ''));
  const rsByDeployment = new Map<string, ControllerView[]>();
  const controllers: ControllerView[] = [];
  for (const rs of [...rsList].sort(byAge)) {
    const view = controllerView(rs, podsOf(rs), 'ReplicaSet');
    const owner = controllerUid(rs);
    if (owner !== undefined && deploymentUids.has(owner)) {
      const list = rsByDeployment.get(owner);
      if (list) list.push(view);
      else rsByDeployment.set(owner, [view]);
    } else controllers.push(view);
  }
  for (const rc of [...rcList].sort(byAge))
    controllers.push(controllerView(rc, podsOf(rc), 'ReplicationController'));

  const orphans = group([...loose].sort(byAge));
  const services = cache
    .list('services', namespace)
    .filter((s) => s.metadata.name !== 'kubernetes')
    .map((s) => serviceView(s, cache.get('endpoints', namespace, s.metadata.name ?? '')));

  return {
    at,
    resourceVersion: cache.resourceVersion(),
    deployments: [...deployments]
      .sort(byAge)
      .map((d) => deploymentView(d, rsByDeployment.get(d.metadata.uid ?? '') ?? [])),
    controllers,
    orphans: orphans.views,
    orphanCount: loose.length,
    services,
  };
}
