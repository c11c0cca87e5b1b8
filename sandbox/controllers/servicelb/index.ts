/**
 * The cloud service controller of a GKE-like cluster: a LoadBalancer Service shows `<pending>`
 * while the load balancer is built (`ClusterOptions.loadBalancerDelaySeconds`, default 40 s plus up
 * to 10 s of seeded jitter — GKE typically takes 40-60 s), then gets
 * `status.loadBalancer.ingress: [{ip, ipMode: VIP}]`. Like the real controller it adds the
 * `service.kubernetes.io/load-balancer-cleanup` finalizer first and records `EnsuringLoadBalancer`
 * / `EnsuredLoadBalancer`; switching the type away or deleting the Service releases the address
 * (`DeletingLoadBalancer` / `DeletedLoadBalancer`) and drops the finalizer.
 */
import type { ClusterContext, Stop } from '../../cluster/context';
import type { KubeObject } from '../../api/types';
import type { TimerId } from '../../clock/clock';
import { isStatusError } from '../../api/errors';
import { WorkQueue, keyOf, splitKey } from '../runtime/queue';
import { ExternalIPPool } from './ips';

export const CLEANUP_FINALIZER = 'service.kubernetes.io/load-balancer-cleanup';
const SOURCE = { component: 'service-controller' };
const DEFAULT_DELAY_SECONDS = 40;
const JITTER_SECONDS = 10;
/** Tearing a load balancer down takes a while too (kubectl delete waits for the finalizer). */
const DELETE_DELAY_SECONDS = 5;

interface LbState {
  phase: 'ensuring' | 'ensured' | 'deleting';
  uid: string;
  ip?: string;
  timer?: TimerId;
}

function lbIPs(svc: KubeObject): string[] {
  const status = svc.status as { loadBalancer?: { ingress?: Array<{ ip?: string }> } } | undefined;
  return (status?.loadBalancer?.ingress ?? []).map((i) => i.ip).filter((ip): ip is string => !!ip);
}

function isLoadBalancer(svc: KubeObject): boolean {
  return (svc.spec as { type?: string } | undefined)?.type === 'LoadBalancer';
}

export function start(ctx: ClusterContext): Stop {
  const random = ctx.random.fork('servicelb');
  const pool = new ExternalIPPool(ctx.options.loadBalancerIPs ?? [], random);
  const states = new Map<string, LbState>();

  const get = (key: string): KubeObject | undefined => {
    const [ns, name] = splitKey(key);
    try {
      return ctx.api.get('services', ns, name);
    } catch (e) {
      if (isStatusError(e) && e.code === 404) return undefined;
      throw e;
    }
  };
  const delay = (): number => {
    const fixed = ctx.options.loadBalancerDelaySeconds;
    if (fixed !== undefined) return Math.round(Math.max(0, fixed) * 1000);
    return Math.round((DEFAULT_DELAY_SECONDS + random.next() * JITTER_SECONDS) * 1000);
  };
  const setFinalizer = (svc: KubeObject, on: boolean): void => {
    const list = svc.metadata.finalizers ?? [];
    if (list.includes(CLEANUP_FINALIZER) === on) return;
    const next = on ? [...list, CLEANUP_FINALIZER] : list.filter((f) => f !== CLEANUP_FINALIZER);
    ctx.api.patch(
      'services',
      svc.metadata.namespace,
      svc.metadata.name!,
      { metadata: { finalizers: next.length ? next : null } },
      'merge',
    );
  };
  const setIngress = (svc: KubeObject, ip: string | undefined): void => {
    const loadBalancer = ip ? { ingress: [{ ip, ipMode: 'VIP' }] } : {};
    ctx.api.updateStatus({ ...svc, status: { ...((svc.status as object) ?? {}), loadBalancer } });
  };

  const sync = (key: string): void => {
    const svc = get(key);
    const st = states.get(key);
    if (st && svc && svc.metadata.uid !== st.uid) {
      // A new Service under the same name: forget the old one's load balancer.
      ctx.clock.clearTimer(st.timer);
      if (st.ip) pool.release(st.ip);
      states.delete(key);
      return sync(key);
    }
    if (!svc) {
      if (st) {
        ctx.clock.clearTimer(st.timer);
        if (st.ip) pool.release(st.ip);
        states.delete(key);
      }
      return;
    }
    const wanted = isLoadBalancer(svc) && !svc.metadata.deletionTimestamp;
    const hasFinalizer = (svc.metadata.finalizers ?? []).includes(CLEANUP_FINALIZER);
    if (wanted) {
      if (st?.phase === 'ensuring' || st?.phase === 'ensured') return;
      const existing = lbIPs(svc);
      if (existing.length) {
        states.set(key, { phase: 'ensured', uid: svc.metadata.uid!, ip: pool.take(existing[0]) });
        return;
      }
      setFinalizer(svc, true);
      ctx.events.record(SOURCE, svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer');
      const state: LbState = { phase: 'ensuring', uid: svc.metadata.uid! };
      state.timer = ctx.clock.setTimer(delay(), () => {
        state.timer = undefined;
        const now = get(key);
        if (!now || now.metadata.uid !== state.uid || states.get(key) !== state) return;
        state.ip = pool.allocate();
        state.phase = 'ensured';
        setIngress(now, state.ip);
        ctx.events.record(SOURCE, now, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer');
      });
      states.set(key, state);
      return;
    }
    // Not (or no longer) a load balancer: tear down what exists.
    if (!st && !hasFinalizer && lbIPs(svc).length === 0) return;
    if (st?.phase === 'deleting') return;
    ctx.clock.clearTimer(st?.timer);
    ctx.events.record(SOURCE, svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer');
    const state: LbState = { phase: 'deleting', uid: svc.metadata.uid!, ip: st?.ip };
    states.set(key, state);
    state.timer = ctx.clock.setTimer(DELETE_DELAY_SECONDS * 1000, () => {
      const now = get(key);
      if (state.ip) pool.release(state.ip);
      states.delete(key);
      if (!now || now.metadata.uid !== state.uid) return;
      if (lbIPs(now).length) setIngress(now, undefined);
      ctx.events.record(SOURCE, now, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer');
      const fresh = get(key);
      if (fresh) setFinalizer(fresh, false);
      // It may have become a load balancer again meanwhile.
      queue.add(key);
    });
  };

  const queue: WorkQueue = new WorkQueue(ctx.clock, { name: 'service', sync });
  const watch = ctx.api.watch('services', undefined, { shared: true }, (e) => queue.add(keyOf(e.object)));
  return () => {
    watch.stop();
    queue.stop();
    for (const st of states.values()) ctx.clock.clearTimer(st.timer);
  };
}
