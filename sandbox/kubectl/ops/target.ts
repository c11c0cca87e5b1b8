/**
 * Finding the pod a `logs`/`exec` argument names: `NAME`, `pod/NAME`, or `TYPE/NAME` of a
 * workload (its first pod, as kubectl's AttachablePodForObject picks it).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { resourceByPlural } from '../../api/resources';
import { fromLabelSelector, fromMap, selectorString } from '../../api/selectors/labels';
import type { CommandIO } from '../../shell/types';
import type { KubectlEnv } from '../env';
import { KubectlError } from '../rollout/errors';

const ALIASES: Record<string, string> = {
  po: 'pods',
  pod: 'pods',
  pods: 'pods',
  deploy: 'deployments',
  deployment: 'deployments',
  deployments: 'deployments',
  rs: 'replicasets',
  replicaset: 'replicasets',
  replicasets: 'replicasets',
  rc: 'replicationcontrollers',
  replicationcontroller: 'replicationcontrollers',
  replicationcontrollers: 'replicationcontrollers',
  svc: 'services',
  service: 'services',
  services: 'services',
};

function selectorOf(obj: KubeObject): string {
  const spec = (obj.spec ?? {}) as { selector?: unknown };
  if (obj.kind === 'ReplicationController' || obj.kind === 'Service')
    return selectorString(fromMap(spec.selector as Record<string, string> | undefined));
  return selectorString(fromLabelSelector(spec.selector as never));
}

/** The workload an argument names (`TYPE/NAME`), or undefined for a plain pod name. */
export function workloadOf(env: KubectlEnv, ns: string, arg: string): KubeObject | undefined {
  const slash = arg.indexOf('/');
  if (slash < 0) return undefined;
  const type = arg.slice(0, slash).split('.')[0].toLowerCase();
  const plural = ALIASES[type];
  if (plural === 'pods') return undefined;
  const resource = plural ? resourceByPlural(plural) : undefined;
  if (!resource) throw new KubectlError(`the server doesn't have a resource type "${arg.slice(0, slash)}"`);
  return env.api.get(resource.plural, ns, arg.slice(slash + 1));
}

/** The label selector of a workload's pods, as a string (`<none>` when it has none). */
export function podSelectorOf(obj: KubeObject): string {
  return selectorOf(obj);
}

/** A workload's pods, the most active first (GetFirstPod's sort.Reverse(podutils.ActivePods)). */
export function activePodsOf(env: KubectlEnv, ns: string, obj: KubeObject): Pod[] {
  const sel = selectorOf(obj);
  return (
    sel === '<none>' ? [] : (env.api.list('pods', ns, { labelSelector: sel }).items as unknown as Pod[])
  ).sort((a, b) => (lessActive(b, a) ? -1 : lessActive(a, b) ? 1 : 0));
}

/** The pod name for `arg`; for a workload, its first pod (Running ones first, then by name). */
export function resolvePodArg(env: KubectlEnv, io: CommandIO, ns: string, arg: string): string {
  const slash = arg.indexOf('/');
  if (slash < 0) return arg;
  const obj = workloadOf(env, ns, arg);
  if (!obj) return arg.slice(slash + 1);
  const pods = activePodsOf(env, ns, obj);
  if (pods.length === 0)
    throw new KubectlError(`no pods found for ${obj.kind.toLowerCase()} ${obj.metadata.name ?? ''}`);
  if (pods.length > 1) io.stderr.write(`Found ${pods.length} pods, using pod/${pods[0].metadata?.name}\n`);
  return pods[0].metadata?.name ?? '';
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function readySince(p: Pod): string | undefined {
  const c = (p.status?.conditions ?? []).find((x) => x.type === 'Ready');
  return c?.status === 'True' ? (c.lastTransitionTime ?? '') : undefined;
}

function maxRestarts(p: Pod): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
}

/** `a` after `b`, with a missing time counting as the latest (afterOrZero). */
function afterOrZero(a: string, b: string): boolean {
  if (!a || !b) return !a;
  return a > b;
}

/** podutils.ActivePods Less: is `a` less active than `b`? */
function lessActive(a: Pod, b: Pod): boolean {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  const pa = PHASE_RANK[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE_RANK[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa < pb;
  const ra = readySince(a);
  const rb = readySince(b);
  if ((ra !== undefined) !== (rb !== undefined)) return ra === undefined;
  if (ra !== undefined && rb !== undefined && ra !== rb) return afterOrZero(ra, rb);
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  const ca = a.metadata?.creationTimestamp ?? '';
  const cb = b.metadata?.creationTimestamp ?? '';
  if (ca !== cb) return afterOrZero(ca, cb);
  return false;
}
