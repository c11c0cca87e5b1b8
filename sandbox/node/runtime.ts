/**
 * Starting a container's program: its argv from the container and the image (Docker's
 * ENTRYPOINT/CMD rules), environment, log in the container directory, and timers that die with
 * the process. `exit` is reported back on the clock's queue, never inside the call.
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { AppContext, AppInstance, ImageInfo } from '../apps/types';
import { appendLog } from '../cluster/containers';
import type { KubeletEnv } from './types';

export function argvOf(spec: Container, image: ImageInfo): string[] {
  if (spec.command?.length) return [...spec.command, ...(spec.args ?? [])];
  return [...image.entrypoint, ...(spec.args?.length ? spec.args : image.cmd)];
}

export function envOf(spec: Container): Record<string, string> {
  const env: Record<string, string> = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  };
  for (const e of spec.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  return env;
}

export interface Process {
  app: AppInstance;
  /** Cancel the program's timers (the process is gone). */
  stop(): void;
}

export interface LaunchOptions {
  namespace: string;
  pod: string;
  hostname: string;
  podIP: string;
  spec: Container;
  image: ImageInfo;
  onExit(code: number): void;
}

export function launch(env: KubeletEnv, o: LaunchOptions): Process {
  const { clock } = env.ctx;
  const registry = env.ctx.containers;
  const old = registry.get(o.namespace, o.pod, o.spec.name);
  const log: string[] = [];
  registry.put({
    namespace: o.namespace,
    pod: o.pod,
    container: o.spec.name,
    app: undefined,
    log,
    previousLog: old?.log,
  });
  let alive = true;
  const timers = new Set<number>();
  const ctx: AppContext = {
    hostname: o.hostname,
    podIP: o.podIP,
    argv: argvOf(o.spec, o.image),
    env: envOf(o.spec),
    now: () => clock.now(),
    log: (line) => appendLog(log, line),
    exit: (code) => {
      if (!alive) return;
      alive = false;
      clock.defer(() => o.onExit(code));
    },
    after: (seconds, fn) => {
      if (!alive) return;
      const id = clock.setTimer(seconds * 1000, () => {
        timers.delete(id);
        if (alive) fn();
      });
      timers.add(id);
    },
  };
  const app = o.image.start(ctx);
  const rec = registry.get(o.namespace, o.pod, o.spec.name);
  if (rec && alive) rec.app = app;
  return {
    app,
    stop() {
      alive = false;
      for (const id of timers) clock.clearTimer(id);
      timers.clear();
      const r = registry.get(o.namespace, o.pod, o.spec.name);
      if (r && r.log === log) r.app = undefined;
    },
  };
}
