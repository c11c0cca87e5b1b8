/**
 * The directory of running containers: kubelets register each container they start (its app and
 * its log), the network and `kubectl exec/logs` look them up. One instance per cluster.
 */
import type { AppInstance } from '../apps/types';
import type { ContainerDirectory } from './context';

export interface ContainerRecord {
  namespace: string;
  pod: string;
  container: string;
  /** The running program, or undefined once it has exited (logs stay readable). */
  app: AppInstance | undefined;
  log: string[];
  /** The previous instance's log after a restart (`kubectl logs -p`). */
  previousLog?: string[];
}

/** Lines kept per container log, so a chatty loop cannot grow memory without bound. */
export const MAX_LOG_LINES = 5000;

export class ContainerRegistry implements ContainerDirectory {
  private byPod = new Map<string, ContainerRecord[]>();

  private key(namespace: string, pod: string): string {
    return `${namespace}/${pod}`;
  }

  /** Add or replace the record of a container (a restart keeps the old log as `previousLog`). */
  put(rec: ContainerRecord): void {
    const k = this.key(rec.namespace, rec.pod);
    const list = this.byPod.get(k) ?? [];
    const i = list.findIndex((r) => r.container === rec.container);
    if (i >= 0) list[i] = rec;
    else list.push(rec);
    this.byPod.set(k, list);
  }

  get(namespace: string, pod: string, container?: string): ContainerRecord | undefined {
    const list = this.byPod.get(this.key(namespace, pod));
    if (!list || list.length === 0) return undefined;
    return container === undefined ? list[0] : list.find((r) => r.container === container);
  }

  /** Forget every container of a pod (the pod object is gone). */
  removePod(namespace: string, pod: string): void {
    this.byPod.delete(this.key(namespace, pod));
  }

  app(namespace: string, pod: string, container?: string): AppInstance | undefined {
    return this.get(namespace, pod, container)?.app;
  }

  logs(namespace: string, pod: string, container?: string, previous = false): string[] | undefined {
    const rec = this.get(namespace, pod, container);
    if (!rec) return undefined;
    return previous ? rec.previousLog : rec.log;
  }
}

/** Append a line, dropping the oldest beyond MAX_LOG_LINES. */
export function appendLog(log: string[], line: string): void {
  log.push(line);
  if (log.length > MAX_LOG_LINES) log.splice(0, log.length - MAX_LOG_LINES);
}
