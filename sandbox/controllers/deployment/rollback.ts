/**
 * The legacy server-side rollback (upstream rollback.go): only when a Deployment carries the
 * `deprecated.deployment.rollback.to` annotation (extensions/v1beta1 clients). kubectl for
 * apps/v1 rolls back client-side by patching the template, which needs nothing from here.
 */
import { deepClone } from '../../store/clone';
import type { KubeObjectInput } from '../../api/types';
import { ANNOTATIONS_TO_SKIP, ROLLBACK_TO, lastRevision, revisionOf, rollbackTo } from './annotations';
import { record, type Ctl, type SyncState } from './ops';
import { allOf, getAllReplicaSetsAndSyncRevision } from './sync';
import type { Deployment, ReplicaSet } from './types';
import { equalIgnoreHash, withoutHash } from './util';

export function rollback(c: Ctl, s: SyncState): void {
  const d = s.d;
  const all = allOf(getAllReplicaSetsAndSyncRevision(c, s, true));
  let revision = rollbackTo(d) ?? 0;
  if (revision === 0) {
    revision = lastRevision(all);
    if (revision === 0) {
      record(c, d, 'Warning', 'DeploymentRollbackRevisionNotFound', 'Unable to find last revision.');
      return clearRollbackTo(c, d);
    }
  }
  for (const rs of all) {
    if (revisionOf(rs) !== revision) continue;
    if (rollbackToTemplate(c, d, rs)) {
      record(
        c,
        d,
        'Normal',
        'DeploymentRollback',
        `Rolled back deployment "${d.metadata.name}" to revision ${revision}`,
      );
    }
    return;
  }
  record(
    c,
    d,
    'Warning',
    'DeploymentRollbackRevisionNotFound',
    'Unable to find the revision to rollback to.',
  );
  clearRollbackTo(c, d);
}

function rollbackToTemplate(c: Ctl, d: Deployment, rs: ReplicaSet): boolean {
  let performed = false;
  if (!equalIgnoreHash(d.spec.template, rs.spec.template)) {
    d.spec.template = withoutHash(deepClone(rs.spec.template));
    const kept: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.metadata.annotations ?? {}))
      if (ANNOTATIONS_TO_SKIP.has(k)) kept[k] = v;
    for (const [k, v] of Object.entries(rs.metadata.annotations ?? {}))
      if (!ANNOTATIONS_TO_SKIP.has(k)) kept[k] = v;
    d.metadata.annotations = kept;
    performed = true;
  } else {
    const msg = `The rollback revision contains the same template as current deployment "${d.metadata.name}"`;
    record(c, d, 'Warning', 'DeploymentRollbackTemplateUnchanged', msg);
  }
  clearRollbackTo(c, d);
  return performed;
}

/** updateDeploymentAndClearRollbackTo. */
function clearRollbackTo(c: Ctl, d: Deployment): void {
  if (d.metadata.annotations) delete d.metadata.annotations[ROLLBACK_TO];
  const out = c.api.update(d as KubeObjectInput);
  d.metadata.resourceVersion = out.metadata.resourceVersion;
}
