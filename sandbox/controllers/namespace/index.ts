/**
 * The namespace controller: namespaces with a deletionTimestamp are emptied and then finalized.
 * Woken by namespace changes, by deletions inside a terminating namespace, and by a timer while
 * pods are still terminating (upstream requeues after the estimated remaining grace period).
 */
import type { ClusterContext, Stop } from '../../cluster/context';
import { RESOURCES } from '../../api/resources';
import { WorkQueue } from '../runtime/queue';
import { deleteNamespaceContent } from './deleter';

/** Re-check at least this often while content remains. */
const RECHECK_MS = 5000;

export function start(ctx: ClusterContext): Stop {
  const terminating = new Set<string>();
  const queue: WorkQueue = new WorkQueue(ctx.clock, {
    name: 'namespace',
    sync: (name) => {
      const result = deleteNamespaceContent(ctx, name);
      if (!result.done) {
        const ms = result.estimateSeconds > 0 ? result.estimateSeconds * 1000 : RECHECK_MS;
        queue.addAfter(name, Math.min(ms, RECHECK_MS));
      }
    },
  });
  const namespaces = ctx.api.watch('namespaces', undefined, { shared: true }, (e) => {
    const name = e.object.metadata.name!;
    if (e.type === 'DELETED') {
      terminating.delete(name);
      return;
    }
    if (e.object.metadata.deletionTimestamp) {
      terminating.add(name);
      queue.add(name);
    }
  });
  const content = RESOURCES.filter((r) => r.namespaced).map((r) =>
    ctx.api.watch(r.plural, undefined, { shared: true }, (e) => {
      const ns = e.object.metadata.namespace;
      if (e.type === 'DELETED' && ns && terminating.has(ns)) queue.add(ns);
    }),
  );
  return () => {
    namespaces.stop();
    for (const h of content) h.stop();
    queue.stop();
  };
}
