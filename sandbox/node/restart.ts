/**
 * What the pod worker does after a container exited (kuberuntime computePodActions + doBackOff):
 * nothing under restartPolicy Never (or OnFailure after exit 0); otherwise restart at once unless
 * the container is in back-off since it finished, in which case it waits in `CrashLoopBackOff`
 * (`back-off 20s restarting failed container=...`) with a `BackOff` event. Back-off is keyed per
 * pod and container, 10 s doubling to 5 min, reset after 10 minutes without a crash.
 */
import { podDesc, recordEvent } from './events';
import { goDuration } from './format';
import type { PodWorker } from './pod-worker';
import type { ContainerRt } from './types';

export function afterExit(w: PodWorker, c: ContainerRt, gen: number): void {
  if (c.generation !== gen || c.state.kind !== 'terminated' || w.terminating) return;
  const info = c.state.info;
  const policy = w.pod.spec?.restartPolicy ?? 'Always';
  if (policy === 'Never' || (policy === 'OnFailure' && info.exitCode === 0)) return w.maybeFinished();
  const { clock } = w.env.ctx;
  const key = `${w.namespace}/${w.name}/${w.pod.metadata?.uid}/${c.spec.name}`;
  const backoff = w.env.crashBackoff;
  if (!backoff.inBackOffSince(key, info.finishedAt, clock.now())) {
    backoff.next(key, info.finishedAt, clock.now());
    return w.startContainer(c);
  }
  const delay = backoff.delay(key);
  c.last = info;
  c.state = {
    kind: 'waiting',
    reason: 'CrashLoopBackOff',
    message: `back-off ${goDuration(delay)} restarting failed container=${c.spec.name} pod=${podDesc(w.pod)}`,
  };
  recordEvent(
    w.env,
    w.pod,
    c.spec.name,
    'Warning',
    'BackOff',
    `Back-off restarting failed container ${c.spec.name} in pod ${podDesc(w.pod)}`,
  );
  w.changed();
  w.later(info.finishedAt + delay - clock.now(), () => {
    if (c.generation !== gen || w.terminating) return;
    backoff.next(key, info.finishedAt, clock.now());
    w.startContainer(c);
  });
}
