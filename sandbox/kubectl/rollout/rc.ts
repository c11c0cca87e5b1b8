/** ReplicationController plumbing for the legacy rolling-update: retrying PUTs, scaling, polling. */
import type { ReplicationController } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { isStatusError } from '../../api/errors';
import type { CommandIO } from '../../shell/types';
import type { KubectlEnv } from '../env';
import { KubectlError } from './errors';

/** A mutable ReplicationController (plain JSON). */
export interface Rc {
  apiVersion: string;
  kind: string;
  metadata: KubeObject['metadata'] & {
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
  };
  spec: {
    replicas?: number;
    minReadySeconds?: number;
    selector?: Record<string, string>;
    template?: {
      metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
      spec?: { containers: Array<{ name: string; image?: string; imagePullPolicy?: string }> };
    };
  };
  status?: ReplicationController['status'];
}

/** Thrown when Ctrl+C stops the command: the cluster is left as it is. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

export class RcClient {
  constructor(
    readonly env: KubectlEnv,
    readonly io: CommandIO,
    readonly namespace: string,
  ) {}

  get(name: string): Rc {
    return this.env.api.get('replicationcontrollers', this.namespace, name) as unknown as Rc;
  }

  exists(name: string): boolean {
    return this.env.api.exists('replicationcontrollers', this.namespace, name);
  }

  /** GET, change, PUT; a 409 Conflict starts over (as the updater's retry loops do). */
  update(name: string, mutate: (rc: Rc) => void): Rc {
    for (let attempt = 0; ; attempt++) {
      const rc = this.get(name);
      mutate(rc);
      try {
        return this.env.api.update(rc as unknown as KubeObject) as unknown as Rc;
      } catch (e) {
        if (!(isStatusError(e) && e.code === 409) || attempt >= 10) throw e;
      }
    }
  }

  /** Sleep on the virtual clock; Ctrl+C ends the command at once. */
  async sleep(ms: number): Promise<void> {
    if (this.io.interrupt.interrupted) throw new Interrupted();
    let off: () => void = () => {};
    const interrupted = await new Promise<boolean>((resolve) => {
      const id = this.env.clock.setTimer(ms, () => resolve(false));
      off = this.io.interrupt.onInterrupt(() => {
        this.env.clock.clearTimer(id);
        resolve(true);
      });
    });
    off();
    if (interrupted) throw new Interrupted();
  }

  /** wait.PollImmediate (or wait.Poll, which waits first): every `intervalMs` until `timeoutMs` passed. */
  async poll(
    intervalMs: number,
    timeoutMs: number,
    cond: () => boolean,
    timeoutMessage: string,
    immediate = true,
  ): Promise<void> {
    const start = this.env.clock.now();
    if (!immediate) await this.sleep(intervalMs);
    for (;;) {
      if (cond()) return;
      if (this.env.clock.now() - start >= timeoutMs) throw new KubectlError(timeoutMessage);
      await this.sleep(intervalMs);
    }
  }

  /** ControllerHasDesiredReplicas: observed the latest generation and has spec.replicas pods. */
  synced(name: string): boolean {
    const rc = this.get(name);
    return (
      (rc.status?.observedGeneration ?? 0) >= (rc.metadata.generation ?? 0) &&
      (rc.status?.replicas ?? 0) === (rc.spec.replicas ?? 0)
    );
  }

  /**
   * scaleAndWait (kubectl's Scaler): set spec.replicas, then poll until status.replicas reaches it
   * (or someone else changed spec.replicas meanwhile).
   */
  async scaleAndWait(name: string, replicas: number, intervalMs: number, timeoutMs: number): Promise<Rc> {
    this.update(name, (rc) => {
      rc.spec.replicas = replicas;
    });
    const reached = (): boolean => {
      const rc = this.get(name);
      if ((rc.spec.replicas ?? 0) !== replicas) return true;
      return (rc.status?.replicas ?? 0) === replicas;
    };
    await this.poll(
      intervalMs,
      timeoutMs,
      reached,
      `timed out waiting for ${JSON.stringify(name)} to be synced`,
    );
    return this.get(name);
  }
}
