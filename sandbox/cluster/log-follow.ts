/**
 * Following a container's log, for `kubectl logs -f` and `GET …/log?follow=true`: every virtual
 * second, the lines added since the last look, until the container stops (or is replaced, or its
 * pod is gone) or the follower stops.
 */
import type { VirtualClock } from '../clock/clock';
import type { ContainerRegistry } from './containers';

export interface FollowTarget {
  namespace: string;
  pod: string;
  container: string;
}

/**
 * Start following from `log` (the lines already shown): `write` gets each new line, `end` is
 * called once the container is gone or stopped. Returns a function that stops following.
 */
export function followLog(
  clock: VirtualClock,
  containers: ContainerRegistry,
  at: FollowTarget,
  log: string[],
  write: (line: string) => void,
  end: () => void,
): () => void {
  let lastLine = log.length > 0 ? log[log.length - 1] : undefined;
  let seen = log.length;
  let timer: number | undefined = clock.setTimer(1000, tick);
  function tick(): void {
    const rec = containers.get(at.namespace, at.pod, at.container);
    const current = rec?.log;
    if (current === log) {
      // The log is capped: when old lines were dropped, find where we left off.
      if (current.length < seen || (seen > 0 && current[seen - 1] !== lastLine)) {
        const i = lastLine === undefined ? -1 : current.lastIndexOf(lastLine);
        seen = i + 1;
      }
      for (let i = seen; i < current.length; i++) write(current[i]);
      seen = current.length;
      lastLine = current.length > 0 ? current[current.length - 1] : lastLine;
    }
    if (!rec || current !== log || !rec.app) {
      timer = undefined;
      end();
      return;
    }
    timer = clock.setTimer(1000, tick);
  }
  return () => {
    if (timer !== undefined) clock.clearTimer(timer);
    timer = undefined;
  };
}
