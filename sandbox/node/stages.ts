/**
 * How long each step of a pod's life takes on a simulated node, kwok-style: a table of stages with
 * a [min, max] range in seconds, drawn with the kubelet's seeded random source. The numbers are a
 * model (controllers.md §11), not Kubernetes facts: they make traces look like a small real cluster.
 */
import type { SeededRandom } from '../clock/random';

export interface StageRange {
  min: number;
  max: number;
}

export const STAGES = {
  /** The kubelet notices a bound pod and writes its first status (Pending, ContainerCreating). */
  admit: { min: 0.02, max: 0.15 },
  /** Pod sandbox and network: PodReadyToStartContainers, the pod IP. */
  sandbox: { min: 0.4, max: 1.2 },
  /** Pull of an image that is already present (policy Always): the registry round trip only. */
  pullPresent: { min: 0.35, max: 0.9 },
  /** A failed pull (name or tag unknown to the registry). */
  pullFailure: { min: 0.6, max: 1.8 },
  /** Factor applied to an image's first-pull time on a node. */
  pullJitter: { min: 0.8, max: 1.25 },
  /** Create and start a container after its image is there. */
  create: { min: 0.15, max: 0.5 },
  /** The pod worker's next sync after a failure (ErrImagePull shows until then). */
  resync: { min: 1, max: 3 },
  /** PLEG noticing a container exit and the pod worker acting on it. */
  pleg: { min: 0.3, max: 1.1 },
  /** A program that exits on SIGTERM (nginx) takes this long to stop. */
  sigtermExit: { min: 0.05, max: 0.25 },
  /** A readiness probe triggered right after the container started. */
  probeTrigger: { min: 0.05, max: 0.4 },
  /** The last status write and the final delete after containers stopped. */
  finalize: { min: 0.05, max: 0.2 },
} satisfies Record<string, StageRange>;

export type StageName = keyof typeof STAGES;

/** A duration in whole milliseconds drawn from a stage's range. */
export function stageMs(random: SeededRandom, stage: StageName): number {
  const r = STAGES[stage];
  return Math.round((r.min + random.next() * (r.max - r.min)) * 1000);
}

/** A factor drawn from a stage's range (for multiplicative jitter). */
export function stageFactor(random: SeededRandom, stage: StageName): number {
  const r = STAGES[stage];
  return r.min + random.next() * (r.max - r.min);
}
