/**
 * The legacy client-side RollingUpdater (kubectl ≤ 1.17 `rolling_updater.go`): scale the new RC up
 * and the old one down, one surge at a time, waiting `--update-period` between the two halves of
 * each turn and scaling down only as far as the new pods' availability allows.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { parseTime } from '../../api/tables/duration';
import { KubectlError } from './errors';
import type { Rc, RcClient } from './rc';

export const DESIRED_REPLICAS = 'kubectl.kubernetes.io/desired-replicas';
export const SOURCE_ID = 'kubectl.kubernetes.io/update-source-id';
export const ORIGINAL_REPLICAS = 'kubectl.kubernetes.io/original-replicas';
export const NEXT_CONTROLLER = 'kubectl.kubernetes.io/next-controller-id';

export interface UpdaterConfig {
  oldRc: Rc;
  newRc: Rc;
  updatePeriodMs: number;
  intervalMs: number;
  timeoutMs: number;
  /** 'delete' removes the old RC; 'rename' then gives the new RC the old name. */
  cleanup: 'delete' | 'rename';
}

const MAX_SURGE = 1;
const MAX_UNAVAILABLE = 0;

function replicas(rc: Rc): number {
  return rc.spec.replicas ?? 0;
}

function selectorString(sel: Record<string, string> | undefined): string {
  return Object.keys(sel ?? {})
    .sort()
    .map((k) => `${k}=${sel![k]}`)
    .join(',');
}

/** podutil.IsPodAvailable: Ready, and Ready for at least minReadySeconds. */
function available(pod: Pod, minReadySeconds: number, now: number): boolean {
  const ready = (pod.status?.conditions ?? []).find((c) => c.type === 'Ready');
  if (ready?.status !== 'True') return false;
  if (minReadySeconds === 0) return true;
  const since = parseTime(ready.lastTransitionTime);
  return since !== undefined && since + minReadySeconds * 1000 < now;
}

function newAvailable(c: RcClient, newRc: Rc): number {
  const pods = c.env.api.list('pods', c.namespace, {
    labelSelector: selectorString(newRc.spec.selector),
  }).items;
  const now = c.env.clock.now();
  return (pods as unknown as Pod[]).filter(
    (p) => !p.metadata?.deletionTimestamp && available(p, newRc.spec.minReadySeconds ?? 0, now),
  ).length;
}

export async function runUpdate(c: RcClient, cfg: UpdaterConfig): Promise<void> {
  const out = c.io.stdout;
  let { oldRc, newRc } = cfg;
  const sourceId = `${oldRc.metadata.name}:${oldRc.metadata.uid}`;
  if (c.exists(newRc.metadata.name!)) {
    const existing = c.get(newRc.metadata.name!);
    const ann = existing.metadata.annotations ?? {};
    if (ann[SOURCE_ID] !== sourceId || ann[DESIRED_REPLICAS] === undefined) {
      const shown = Object.keys(ann)
        .sort()
        .map((k) => `${k}:${ann[k]}`)
        .join(' ');
      throw new KubectlError(
        `Missing/unexpected annotations for controller ${existing.metadata.name}, expected ${sourceId} : map[${shown}]`,
      );
    }
    newRc = existing;
    out.write(`Continuing update with existing controller ${newRc.metadata.name}.\n`);
  } else {
    const want = replicas(newRc);
    if (want <= 0)
      throw new KubectlError(
        `Invalid controller spec for ${newRc.metadata.name}; required: > 0 replicas, actual: ${want}`,
      );
    newRc.metadata.annotations = {
      ...(newRc.metadata.annotations ?? {}),
      [DESIRED_REPLICAS]: String(want),
      [SOURCE_ID]: sourceId,
    };
    newRc.spec.replicas = 0;
    newRc = c.env.api.create(newRc as never) as unknown as Rc;
    out.write(`Created ${newRc.metadata.name}\n`);
  }
  const desired = Number(newRc.metadata.annotations?.[DESIRED_REPLICAS] ?? '0');
  if (oldRc.metadata.annotations?.[ORIGINAL_REPLICAS] === undefined) {
    oldRc = c.update(oldRc.metadata.name!, (rc) => {
      rc.metadata.annotations = {
        ...(rc.metadata.annotations ?? {}),
        [ORIGINAL_REPLICAS]: String(replicas(rc)),
      };
    });
  }
  // With desired 0 the updater allows every old pod to go (maxUnavailable = old replicas).
  const minAvailable = desired === 0 ? 0 : Math.max(0, desired - MAX_UNAVAILABLE);
  out.write(
    `Scaling up ${newRc.metadata.name} from ${replicas(newRc)} to ${desired}, scaling down ${oldRc.metadata.name} from ${replicas(oldRc)} to 0 (keep ${minAvailable} pods available, don't exceed ${desired + MAX_SURGE} pods)\n`,
  );

  let deadline = c.env.clock.now() + cfg.timeoutMs;
  while (replicas(newRc) !== desired || replicas(oldRc) !== 0) {
    const before = [replicas(newRc), replicas(oldRc)];
    // Scale up as much as the surge allows.
    if (replicas(newRc) !== desired) {
      let inc = desired + MAX_SURGE - (replicas(oldRc) + replicas(newRc));
      if (replicas(oldRc) === 0) inc = desired - replicas(newRc);
      if (inc > 0) {
        const n = Math.min(desired, replicas(newRc) + inc);
        out.write(`Scaling ${newRc.metadata.name} up to ${n}\n`);
        newRc = await c.scaleAndWait(newRc.metadata.name!, n, cfg.intervalMs, cfg.timeoutMs);
      }
    }
    await c.sleep(cfg.updatePeriodMs);
    // Scale down as much as availability allows.
    if (replicas(oldRc) !== 0) {
      const avail = newAvailable(c, newRc);
      const dec = replicas(oldRc) + replicas(newRc) - minAvailable - (replicas(newRc) - avail);
      if (dec > 0) {
        let n = Math.max(0, replicas(oldRc) - dec);
        if (replicas(newRc) === desired && avail === desired) n = 0;
        out.write(`Scaling ${oldRc.metadata.name} down to ${n}\n`);
        oldRc = await c.scaleAndWait(oldRc.metadata.name!, n, cfg.intervalMs, cfg.timeoutMs);
      }
    }
    if (replicas(newRc) !== before[0] || replicas(oldRc) !== before[1])
      deadline = c.env.clock.now() + cfg.timeoutMs;
    else if (c.env.clock.now() > deadline)
      throw new KubectlError('timed out waiting for any update progress to be made');
  }
  await cleanup(c, cfg, oldRc, newRc);
}

async function cleanup(c: RcClient, cfg: UpdaterConfig, oldRc: Rc, newRc: Rc): Promise<void> {
  const newName = newRc.metadata.name!;
  const oldName = oldRc.metadata.name!;
  c.update(newName, (rc) => {
    if (rc.metadata.annotations) {
      delete rc.metadata.annotations[SOURCE_ID];
      delete rc.metadata.annotations[DESIRED_REPLICAS];
    }
  });
  await c.poll(
    cfg.intervalMs,
    cfg.timeoutMs,
    () => c.synced(newName),
    'timed out waiting for the condition',
    false,
  );
  const out = c.io.stdout;
  if (cfg.cleanup === 'delete') {
    out.write(`Update succeeded. Deleting ${oldName}\n`);
    c.env.api.delete('replicationcontrollers', c.namespace, oldName);
    return;
  }
  out.write(`Update succeeded. Deleting old controller: ${oldName}\n`);
  c.env.api.delete('replicationcontrollers', c.namespace, oldName);
  out.write(`Renaming ${newName} to ${oldName}\n`);
  await rename(c, c.get(newName), oldName);
}

/** Rename: delete the RC orphaning its pods, wait until it is gone, create it under the new name. */
export async function rename(c: RcClient, rc: Rc, newName: string): Promise<void> {
  const oldName = rc.metadata.name!;
  c.env.api.delete('replicationcontrollers', c.namespace, oldName, { propagationPolicy: 'Orphan' });
  await c.poll(5000, 60000, () => !c.exists(oldName), 'timed out waiting for the condition', false);
  const copy: Rc = JSON.parse(JSON.stringify(rc)) as Rc;
  copy.metadata = {
    name: newName,
    namespace: rc.metadata.namespace,
    labels: rc.metadata.labels,
    annotations: rc.metadata.annotations,
  };
  delete copy.status;
  c.env.api.create(copy as never);
}
