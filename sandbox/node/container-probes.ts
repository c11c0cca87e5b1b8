/**
 * Wiring a running container's probes to its pod worker: run them against the container's
 * program, record `Unhealthy`, flip `started`/`ready`, and kill the container when a liveness or
 * startup probe fails (`Container <name> failed liveness probe, will be restarted`).
 */
import type { Probe } from 'kubernetes-types/core/v1';
import { recordEvent } from './events';
import { ProbeWorker, runProbe, type ProbeKind } from './probes';
import { stageMs } from './stages';
import type { PodWorker } from './pod-worker';
import type { ContainerRt } from './types';

const NO_PROBES: readonly ProbeWorker[] = Object.freeze([]);

export function startContainerProbes(
  w: PodWorker,
  c: ContainerRt,
  gen: number,
  startedAt: number,
): readonly ProbeWorker[] {
  // Most containers have no probe: nothing to set up (and no random draw either way).
  if (!c.spec.startupProbe && !c.spec.livenessProbe && !c.spec.readinessProbe) return NO_PROBES;
  const workers: ProbeWorker[] = [];
  const specs: Array<[ProbeKind, Probe | undefined]> = [
    ['Startup', c.spec.startupProbe],
    ['Liveness', c.spec.livenessProbe],
    ['Readiness', c.spec.readinessProbe],
  ];
  const startup = (): ProbeWorker | undefined => workers.find((x) => x.kind === 'Startup');
  for (const [kind, probe] of specs) {
    if (!probe) continue;
    workers.push(
      new ProbeWorker(
        kind,
        probe,
        {
          clock: w.env.ctx.clock,
          firstDelayMs: stageMs(w.env.random, 'probeTrigger'),
          run: (p) =>
            runProbe(p, {
              app: w.procs.get(c.spec.name)?.app,
              podIP: w.podIP ?? '',
              sourceIP: w.env.ipam.gateway,
              ports: c.spec.ports ?? [],
            }),
          gated: () => {
            // Liveness and startup stop once the pod is being deleted (worker.go: quiet shutdown);
            // readiness keeps probing, so a terminating pod can stay 1/1.
            if (kind !== 'Readiness' && w.terminating) return true;
            if (kind === 'Startup') return false;
            const s = startup();
            return s !== undefined && s.result !== true;
          },
          failed: (k, output) =>
            recordEvent(w.env, w.pod, c.spec.name, 'Warning', 'Unhealthy', `${k} probe failed: ${output}`),
          changed: (k, ok) => probeChanged(w, c, gen, k, ok, workers),
        },
        startedAt,
      ),
    );
  }
  return workers;
}

function probeChanged(
  w: PodWorker,
  c: ContainerRt,
  gen: number,
  kind: ProbeKind,
  ok: boolean,
  workers: ProbeWorker[],
): void {
  if (c.generation !== gen || c.state.kind !== 'running') return;
  if (kind === 'Startup' && ok) c.started = true;
  const readiness = workers.find((x) => x.kind === 'Readiness');
  c.ready = c.started && (readiness ? readiness.result === true : true);
  w.changed();
  if (ok || kind === 'Readiness') return;
  const policy = w.pod.spec?.restartPolicy ?? 'Always';
  const suffix = policy === 'Never' ? '' : ', will be restarted';
  const probe = kind === 'Liveness' ? c.spec.livenessProbe : c.spec.startupProbe;
  const grace = probe?.terminationGracePeriodSeconds ?? w.pod.spec?.terminationGracePeriodSeconds ?? 30;
  w.kill(c, grace, `Container ${c.spec.name} failed ${kind.toLowerCase()} probe${suffix}`);
}
