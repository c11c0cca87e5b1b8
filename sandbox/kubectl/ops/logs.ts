/**
 * `kubectl logs`: the container log the simulated kubelet keeps, with the API server's and
 * kubelet's errors for containers that have no log to give; `-f` follows on the virtual clock.
 */
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { badRequest, isStatusError } from '../../api/errors';
import type { CommandIO } from '../../shell/types';
import type { KubectlEnv } from '../env';
import { KubectlError, fail } from '../rollout/errors';
import { INTERRUPTED } from '../rollout/status';
import { pickContainer } from './container';
import { resolvePodArg } from './target';
import { followLog } from '../../cluster/log-follow';

/** A usage error: the message, then kubectl's pointer to the help. */
export function usage(io: CommandIO, msg: string, cmd: string): number {
  io.stderr.write(`error: ${msg}\nSee 'kubectl ${cmd} -h' for help and examples\n`);
  return 1;
}

export interface LogsOptions {
  namespace?: string;
  /** The pod; or give the command's positional `args` (`POD [CONTAINER]`, `TYPE/NAME`). */
  pod?: string;
  args?: readonly string[];
  container?: string;
  follow?: boolean;
  /** `--tail`; negative or unset: everything. */
  tail?: number;
  previous?: boolean;
  /** `--timestamps`: the sandbox's logs carry no times, so lines are printed as they are. */
  timestamps?: boolean;
}

/** The kubelet's validateContainerLogStatus, as the BadRequest the API server relays. */
function checkStatus(pod: Pod, container: string, previous: boolean): void {
  const all: ContainerStatus[] = [
    ...(pod.status?.containerStatuses ?? []),
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.ephemeralContainerStatuses ?? []),
  ];
  const podName = JSON.stringify(pod.metadata?.name ?? '');
  const c = JSON.stringify(container);
  const st = all.find((s) => s.name === container);
  if (!st) throw badRequest(`container ${c} in pod ${podName} is not available`);
  const last = st.lastState?.terminated;
  const { running, waiting, terminated } = st.state ?? {};
  if (previous) {
    if (!last?.containerID)
      throw badRequest(`previous terminated container ${c} in pod ${podName} not found`);
  } else if (running) {
    return;
  } else if (terminated) {
    if (!terminated.containerID && !last?.containerID)
      throw badRequest(`container ${c} in pod ${podName} is terminated`);
  } else if (last) {
    if (!last.containerID) throw badRequest(`container ${c} in pod ${podName} is terminated`);
  } else if (waiting) {
    const why =
      waiting.reason === 'ErrImagePull'
        ? "image can't be pulled"
        : waiting.reason === 'ImagePullBackOff'
          ? 'trying and failing to pull image'
          : (waiting.reason ?? '');
    throw badRequest(`container ${c} in pod ${podName} is waiting to start: ${why}`);
  } else {
    throw badRequest(`container ${c} in pod ${podName} is waiting to start - no logs yet`);
  }
}

export async function logsCommand(env: KubectlEnv, io: CommandIO, opts: LogsOptions): Promise<number> {
  const ns = opts.namespace || env.namespace;
  let container: string;
  let podName: string;
  try {
    const args = opts.args ?? [];
    if (!opts.pod && args.length === 0)
      return usage(io, 'expected POD, TYPE/NAME, or --selector (-l) flag', 'logs');
    podName = opts.pod ?? resolvePodArg(env, io, ns, args[0]);
    if (args.length === 2 && opts.container)
      throw new KubectlError('only one of -c or an inline [CONTAINER] arg is allowed');
    const inline = args.length === 2 ? args[1] : undefined;
    let pod: Pod;
    try {
      pod = env.api.get('pods', ns, podName) as unknown as Pod;
    } catch (e) {
      // kubectl logs wraps the builder's NotFound into a plain error.
      if (isStatusError(e) && e.code === 404)
        throw new KubectlError(
          `error from server (NotFound): ${e.message} in namespace ${JSON.stringify(ns)}`,
        );
      throw e;
    }
    container = pickContainer(io, pod, opts.container ?? inline, 'logs');
    // An unscheduled pod has no log location: the server answers with an empty stream.
    if (!pod.spec?.nodeName) return 0;
    checkStatus(pod, container, opts.previous === true);
  } catch (e) {
    return fail(io, e);
  }
  const rec = env.containers.get(ns, podName, container);
  const lines = (opts.previous ? rec?.previousLog : rec?.log) ?? [];
  const tail = opts.tail !== undefined && opts.tail >= 0 ? opts.tail : undefined;
  const shown = tail === undefined ? lines : tail === 0 ? [] : lines.slice(-tail);
  for (const l of shown) io.stdout.write(`${l}\n`);
  if (!opts.follow || opts.previous || !rec) return 0;
  return follow(env, io, ns, podName, container, lines);
}

/** `-f`: print new lines each virtual second until the container stops or Ctrl+C. */
function follow(
  env: KubectlEnv,
  io: CommandIO,
  ns: string,
  pod: string,
  container: string,
  log: string[],
): Promise<number> {
  return new Promise<number>((resolve) => {
    if (io.interrupt.interrupted) return resolve(INTERRUPTED);
    const stop = followLog(
      env.clock,
      env.containers,
      { namespace: ns, pod, container },
      log,
      (line) => io.stdout.write(`${line}\n`),
      () => {
        off();
        resolve(0);
      },
    );
    const off = io.interrupt.onInterrupt(() => {
      stop();
      resolve(INTERRUPTED);
    });
  });
}
