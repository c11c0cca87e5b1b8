/** describe for Deployments, ReplicaSets and ReplicationControllers. */
import type { KubeObject } from '../../api/types';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod, ReplicationController } from 'kubernetes-types/core/v1';
import type { KubectlEnv } from '../env';
import { fromLabelSelector, fromMap, selectorString } from '../../api/selectors/labels';
import { describeEvents, searchEvents } from './events';
import { groupReplicaSets, isControlledBy, ownedReplicaSets } from './replicasets';
import { describePodTemplate } from './template';
import { PrefixWriter, formatLabels, printAnnotations, printLabels, rfc1123z } from './writer';

function controllerOf(o: KubeObject): string {
  const ref = (o.metadata.ownerReferences ?? []).find((r) => r.controller === true);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

interface Condition {
  type: string;
  status: string;
  reason?: string;
}

function conditions(w: PrefixWriter, list: readonly Condition[] | undefined): void {
  if (!list || list.length === 0) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of list) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

export function describeDeployment(env: KubectlEnv, obj: KubeObject): string {
  const d = obj as unknown as Deployment;
  const spec = d.spec!;
  const st = d.status ?? {};
  let groups: ReturnType<typeof groupReplicaSets> | undefined;
  try {
    groups = groupReplicaSets(d, ownedReplicaSets(env, d));
  } catch {
    groups = undefined;
  }
  const events = searchEvents(env, obj);
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`);
  printLabels(w, 'Labels', obj.metadata.labels);
  printAnnotations(w, 'Annotations', obj.metadata.annotations);
  w.write(0, `Selector:\t${selectorString(fromLabelSelector(spec.selector)).replace('<none>', '')}\n`);
  w.write(
    0,
    `Replicas:\t${spec.replicas ?? 0} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
  w.write(0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
  const ru = spec.strategy?.rollingUpdate;
  if (ru)
    w.write(
      0,
      `RollingUpdateStrategy:\t${String(ru.maxUnavailable ?? 0)} max unavailable, ${String(ru.maxSurge ?? 0)} max surge\n`,
    );
  describePodTemplate(w, spec.template);
  conditions(w, st.conditions);
  if (groups && (groups.allOld.length > 0 || groups.newRS)) {
    w.write(0, `OldReplicaSets:\t${rsList(groups.allOld)}\n`);
    w.write(0, `NewReplicaSet:\t${rsList(groups.newRS ? [groups.newRS] : [])}\n`);
  }
  describeEvents(w, events, env.clock.now());
  return w.toString();
}

function rsList(list: readonly ReplicaSet[]): string {
  const s = list
    .map(
      (rs) => `${rs.metadata?.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`,
    )
    .join(', ');
  return s || '<none>';
}

/** getPodStatusForController: pods matching the selector and controlled by `uid`, counted by phase. */
function podStatus(
  env: KubectlEnv,
  namespace: string | undefined,
  selector: string,
  uid: string | undefined,
): string {
  const n = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  if (selector !== '<none>') {
    const pods = env.api.list('pods', namespace, { labelSelector: selector }).items as unknown as Pod[];
    for (const p of pods) {
      if (!isControlledBy(p as never, uid)) continue;
      const phase = p.status?.phase as keyof typeof n | undefined;
      if (phase && phase in n) n[phase]++;
    }
  }
  return `${n.Running} Running / ${n.Pending} Waiting / ${n.Succeeded} Succeeded / ${n.Failed} Failed`;
}

export function describeReplicaSet(env: KubectlEnv, obj: KubeObject): string {
  const rs = obj as unknown as ReplicaSet;
  const sel = selectorString(fromLabelSelector(rs.spec?.selector));
  const status = podStatus(env, obj.metadata.namespace, sel, obj.metadata.uid);
  const events = searchEvents(env, obj);
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
  w.write(0, `Selector:\t${sel === '' ? '<none>' : sel}\n`);
  printLabels(w, 'Labels', obj.metadata.labels);
  printAnnotations(w, 'Annotations', obj.metadata.annotations);
  const by = controllerOf(obj);
  if (by) w.write(0, `Controlled By:\t${by}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
  w.write(0, `Pods Status:\t${status}\n`);
  describePodTemplate(w, rs.spec?.template);
  conditions(w, rs.status?.conditions);
  describeEvents(w, events, env.clock.now());
  return w.toString();
}

export function describeReplicationController(env: KubectlEnv, obj: KubeObject): string {
  const rc = obj as unknown as ReplicationController;
  const sel = selectorString(fromMap(rc.spec?.selector));
  const status = podStatus(env, obj.metadata.namespace, sel, obj.metadata.uid);
  const events = searchEvents(env, obj);
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
  w.write(0, `Selector:\t${formatLabels(rc.spec?.selector)}\n`);
  printLabels(w, 'Labels', obj.metadata.labels);
  printAnnotations(w, 'Annotations', obj.metadata.annotations);
  w.write(0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec?.replicas ?? 0} desired\n`);
  w.write(0, `Pods Status:\t${status}\n`);
  describePodTemplate(w, rc.spec?.template);
  conditions(w, rc.status?.conditions);
  describeEvents(w, events, env.clock.now());
  return w.toString();
}
