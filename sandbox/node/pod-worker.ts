/**
 * One pod on one node (the kubelet's pod worker): admit, sandbox and pod IP, then each container
 * in order (image, create, start), probes, exits and restarts with CrashLoopBackOff, liveness
 * kills, and — through termination.ts — graceful deletion. Every change of the kubelet's view
 * is written back with `updateStatus`, once per instant and only when the status changed.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ImageInfo } from '../apps/types';
import type { KubeObject } from '../api/types';
import { isStatusError } from '../api/errors';
import { deepEqual } from '../api/patch/equal';
import { reuseUnchanged } from './reuse';
import { flat } from '../text/flat';
import { statusWriteMetadata } from '../api/trusted';
import { ensureImage, type PullHost } from './pull';
import { launch, type Process } from './runtime';
import type { ProbeWorker } from './probes';
import { startContainerProbes } from './container-probes';
import { afterExit } from './restart';
import { buildStatus, podPhase, type PodRuntimeView } from './status';
import { recordEvent } from './events';
import { stageMs, type StageName } from './stages';
import type { ContainerRt, KubeletEnv } from './types';
import { beginTermination } from './termination';

/** The (empty) spec of a status write. */
const NO_SPEC = Object.freeze({});

/** Waiting reasons of a container stuck on its image: a new image is tried at once. */
const IMAGE_RETRY = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull']);

export class PodWorker implements PullHost, PodRuntimeView {
  containers: ContainerRt[];
  hostIP: string;
  podIP?: string;
  startTime?: number;
  sandboxReady = false;
  terminal = false;
  terminating = false;
  finalizing = false;
  private stopped = false;
  private ipReleased = false;
  private timers = new Set<number>();
  private syncQueued = false;
  private lastWritten: unknown;
  /** The (frozen) spec whose images the containers were last compared with (see specChanged). */
  private seenSpec: unknown;
  /** Running programs by container name. */
  readonly procs = new Map<string, Process>();
  private probes = new Map<string, readonly ProbeWorker[]>();

  constructor(
    readonly env: KubeletEnv,
    public pod: Pod,
  ) {
    this.hostIP = env.node.internalIP;
    this.seenSpec = pod.spec;
    this.containers = (pod.spec?.containers ?? []).map((spec) => ({
      spec,
      state: { kind: 'waiting', reason: 'ContainerCreating' },
      restartCount: 0,
      ready: false,
      started: false,
      generation: 0,
      killing: false,
    }));
  }

  get namespace(): string {
    return this.pod.metadata?.namespace ?? 'default';
  }

  get name(): string {
    return this.pod.metadata?.name ?? '';
  }

  // ---- scheduling helpers -------------------------------------------------------------------

  later(ms: number, fn: () => void): void {
    if (this.stopped) return;
    const id = this.env.ctx.clock.setTimer(ms, () => {
      this.timers.delete(id);
      if (!this.stopped) fn();
    });
    this.timers.add(id);
  }

  stage(name: StageName, fn: () => void): void {
    this.later(stageMs(this.env.random, name), fn);
  }

  changed(): void {
    if (this.syncQueued || this.stopped) return;
    this.syncQueued = true;
    this.env.ctx.clock.defer(() => {
      this.syncQueued = false;
      this.writeStatus();
    });
  }

  /** Write the status now if it differs from what this worker last wrote. */
  writeStatus(): void {
    if (this.stopped) return;
    const { api, clock } = this.env.ctx;
    // The stored object itself (frozen, read only): the write below sends its unchanged parts back as
    // they are, which the API server recognises without decoding them again.
    const current = api.cache.get('pods', this.namespace, this.name);
    if (!current) return;
    if (current.metadata.uid !== this.pod.metadata?.uid) return;
    this.pod = current as unknown as Pod;
    // Shared with the stored status before the comparison: it equals the built status as JSON (what
    // deepEqual compares), and the unchanged parts then compare by identity with the last one sent.
    const status = reuseUnchanged(buildStatus(this, clock.now()), current.status);
    if (this.lastWritten !== undefined && deepEqual(status, this.lastWritten)) return;
    this.lastWritten = status;
    const next = {
      ...current,
      metadata: statusWriteMetadata(current.metadata, false),
      // The status subresource keeps the stored spec whatever the body says
      // (podStatusStrategy.PrepareForUpdate); like the real kubelet's status patch, send none.
      spec: NO_SPEC,
      status,
    } as KubeObject;
    // Canonical: the status is built frozen without null fields and the rest is the stored object's,
    // so the API server keeps the body as it is.
    this.pod = api.updateStatus(next, { shared: true, canonical: true }) as unknown as Pod;
  }

  // ---- start-up -----------------------------------------------------------------------------

  start(): void {
    this.stage('admit', () => {
      this.startTime = this.env.ctx.clock.now();
      this.changed();
      this.stage('sandbox', () => {
        if (this.terminating) return;
        this.podIP = this.env.ipam.allocate();
        this.sandboxReady = true;
        this.changed();
        this.startFrom(0);
      });
    });
  }

  private startFrom(i: number): void {
    if (i >= this.containers.length || this.terminating) return;
    let moved = false;
    const next = (): void => {
      if (moved) return;
      moved = true;
      this.startFrom(i + 1);
    };
    this.startContainer(this.containers[i], next);
  }

  /** Image, then create and start; `next` runs once this container has started or failed. */
  startContainer(c: ContainerRt, next: () => void = () => {}): void {
    const gen = c.generation;
    ensureImage(
      this,
      c,
      (image) =>
        this.stage('create', () => {
          if (c.generation === gen && !this.terminating) this.run(c, image);
          next();
        }),
      next,
    );
  }

  private run(c: ContainerRt, image: ImageInfo): void {
    const { clock } = this.env.ctx;
    if (c.state.kind === 'terminated') c.last = c.state.info;
    if (c.containerID) c.restartCount++;
    const gen = ++c.generation;
    c.containerID = flat(`containerd://${hex64(this.env)}`);
    c.image = image;
    const name = c.spec.name;
    recordEvent(this.env, this.pod, name, 'Normal', 'Created', `Created container: ${name}`);
    recordEvent(this.env, this.pod, name, 'Normal', 'Started', `Started container ${name}`);
    const startedAt = clock.now();
    c.state = { kind: 'running', startedAt };
    c.started = !c.spec.startupProbe;
    c.ready = c.started && !c.spec.readinessProbe;
    c.killing = false;
    const proc = launch(this.env, {
      namespace: this.namespace,
      pod: this.name,
      hostname: this.pod.spec?.hostname || this.name,
      podIP: this.podIP ?? '',
      spec: c.spec,
      image,
      onExit: (code) => this.exited(c, gen, code),
    });
    this.procs.set(name, proc);
    this.probes.set(name, startContainerProbes(this, c, gen, startedAt));
    this.changed();
  }

  private stopProbes(name: string): void {
    const workers = this.probes.get(name);
    if (!workers) return;
    for (const w of workers) w.stop();
    this.probes.delete(name);
  }

  // ---- stopping and restarting --------------------------------------------------------------

  /** SIGTERM, then SIGKILL after `graceSeconds` unless the program exits first. */
  kill(c: ContainerRt, graceSeconds: number, message: string): void {
    if (c.state.kind !== 'running' || c.killing) return;
    c.killing = true;
    recordEvent(this.env, this.pod, c.spec.name, 'Normal', 'Killing', message);
    const gen = c.generation;
    const proc = this.procs.get(c.spec.name);
    if (proc?.app.onSigterm() === 'exit') this.stage('sigtermExit', () => this.exited(c, gen, 0));
    else this.later(Math.max(0, graceSeconds) * 1000, () => this.exited(c, gen, 137));
  }

  /** The instance `gen` of the container stopped with `code`. */
  exited(c: ContainerRt, gen: number, code: number): void {
    if (c.generation !== gen || c.state.kind !== 'running') return;
    const { clock } = this.env.ctx;
    this.procs.get(c.spec.name)?.stop();
    this.procs.delete(c.spec.name);
    this.stopProbes(c.spec.name);
    c.state = {
      kind: 'terminated',
      info: {
        exitCode: code,
        reason: code === 0 ? 'Completed' : 'Error',
        startedAt: c.state.startedAt,
        finishedAt: clock.now(),
        containerID: c.containerID ?? '',
      },
    };
    c.ready = false;
    c.started = false;
    c.killing = false;
    this.changed();
    if (this.terminating) return this.checkStopped();
    this.stage('pleg', () => afterExit(this, c, gen));
  }

  /**
   * No container will run again (restartPolicy Never/OnFailure): the kubelet tears the sandbox
   * down (PodReadyToStartContainers=False) and frees the IP; the status keeps the old podIP.
   */
  maybeFinished(): void {
    const phase = podPhase(this);
    if (phase !== 'Succeeded' && phase !== 'Failed') return;
    this.sandboxReady = false;
    this.releaseIP();
    this.changed();
  }

  private releaseIP(): void {
    if (this.podIP && !this.ipReleased) this.env.ipam.release(this.podIP);
    this.ipReleased = true;
  }

  /** Called when a container stops during termination: finish once none runs. */
  checkStopped(): void {
    if (this.containers.some((c) => c.state.kind === 'running') || this.finalizing) return;
    this.finalizing = true;
    this.stage('finalize', () => {
      this.terminal = true;
      this.sandboxReady = false;
      this.writeStatus();
      const { api } = this.env.ctx;
      try {
        api.delete('pods', this.namespace, this.name, {
          gracePeriodSeconds: 0,
          preconditions: { uid: this.pod.metadata?.uid },
          shared: true,
        });
      } catch (e) {
        if (!isStatusError(e) || (e.code !== 404 && e.code !== 409)) throw e;
      }
    });
  }

  /**
   * The pod's spec changed (only images can): a running container is restarted with
   * `Container <name> definition changed, will be restarted`; one stuck on its image retries now.
   */
  specChanged(pod: Pod): void {
    this.pod = pod;
    if (this.terminating || this.terminal) return;
    // Most events are status writes: the stored (frozen) spec object is the one already looked at.
    if (pod.spec === this.seenSpec && Object.isFrozen(pod.spec)) return;
    this.seenSpec = pod.spec;
    for (const c of this.containers) {
      const next = pod.spec?.containers?.find((x) => x.name === c.spec.name);
      if (!next || next.image === c.spec.image) continue;
      c.spec = next;
      if (c.state.kind === 'running') {
        const grace = pod.spec?.terminationGracePeriodSeconds ?? 30;
        this.kill(c, grace, `Container ${c.spec.name} definition changed, will be restarted`);
      } else if (c.state.kind === 'waiting' && IMAGE_RETRY.has(c.state.reason)) {
        c.generation++;
        this.startContainer(c);
      }
    }
  }

  /** Pod deletion seen (deletionTimestamp set). */
  terminate(): void {
    if (this.terminating) return;
    this.terminating = true;
    beginTermination(this);
  }

  /** The pod object is gone: stop everything and give back the IP. */
  dispose(): void {
    if (this.stopped) return;
    for (const c of this.containers) this.stopProbes(c.spec.name);
    for (const p of this.procs.values()) p.stop();
    this.procs.clear();
    this.stopped = true;
    for (const id of this.timers) this.env.ctx.clock.clearTimer(id);
    this.timers.clear();
    this.releaseIP();
    this.env.ctx.containers.removePod(this.namespace, this.name);
  }
}

/** The metadata without resourceVersion (a plain loop: object rest with an excluded key is slow). */

function hex64(env: KubeletEnv): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += env.random.uint32().toString(16).padStart(8, '0');
  return out;
}
