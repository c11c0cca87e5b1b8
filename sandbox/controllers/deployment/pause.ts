/**
 * checkPausedConditions (upstream sync.go): with a progress deadline, a paused Deployment shows
 * `Progressing Unknown DeploymentPaused`, and on resume `DeploymentResumed` (whose lastUpdateTime
 * restarts the deadline clock). A ProgressDeadlineExceeded condition is never overwritten.
 */
import {
  PAUSED,
  PROGRESSING,
  RESUMED,
  TIMED_OUT,
  getCondition,
  newCondition,
  setCondition,
} from './conditions';
import { now, writeStatus, type Ctl } from './ops';
import type { Deployment } from './types';
import { hasProgressDeadline } from './util';

export function checkPausedConditions(c: Ctl, d: Deployment): void {
  if (!hasProgressDeadline(d)) return;
  const cond = getCondition(d.status, PROGRESSING);
  if (cond?.reason === TIMED_OUT) return;
  const pausedCondExists = cond?.reason === PAUSED;
  d.status ??= {};
  if (d.spec.paused && !pausedCondExists) {
    setCondition(d.status, newCondition(PROGRESSING, 'Unknown', PAUSED, 'Deployment is paused', now(c)));
  } else if (!d.spec.paused && pausedCondExists) {
    setCondition(d.status, newCondition(PROGRESSING, 'Unknown', RESUMED, 'Deployment is resumed', now(c)));
  } else {
    return;
  }
  writeStatus(c, d);
}
