/** `kubectl exec POD [-c C] -- CMD...`: run a command in the container's simulated process. */
import type { Pod } from 'kubernetes-types/core/v1';
import { badRequest } from '../../api/errors';
import type { CommandIO } from '../../shell/types';
import type { KubectlEnv } from '../env';
import { KubectlError, fail } from '../rollout/errors';
import { pickContainer } from './container';
import { usage } from './logs';
import { resolvePodArg } from './target';
import { runCurl } from '../../shell/builtins/curl';

export interface ExecOptions {
  namespace?: string;
  pod?: string;
  container?: string;
  argv?: readonly string[];
  /** Alternatively the command's positional args and the index of `--` in them (-1: none). */
  args?: readonly string[];
  argsLenAtDash?: number;
}

export async function execCommand(env: KubectlEnv, io: CommandIO, opts: ExecOptions): Promise<number> {
  const ns = opts.namespace || env.namespace;
  let container: string;
  let podName: string;
  let argv: readonly string[];
  try {
    const args = opts.args ?? [];
    const dash = opts.argsLenAtDash ?? -1;
    if (!opts.pod && args.length === 0)
      throw new KubectlError('pod, type/name or --filename must be specified');
    if (!opts.argv && dash < 0 && args.length > 1)
      return usage(
        io,
        'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead',
        'exec',
      );
    argv = opts.argv ?? (dash >= 0 ? args.slice(Math.max(dash, 1)) : []);
    if (argv.length === 0) throw new KubectlError('you must specify at least one command for the container');
    podName = opts.pod ?? resolvePodArg(env, io, ns, args[0]);
    const pod = env.api.get('pods', ns, podName) as unknown as Pod;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed')
      throw new KubectlError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
    container = pickContainer(io, pod, opts.container, 'exec');
    if (!pod.spec?.nodeName) throw badRequest(`pod ${podName} does not have a host assigned`);
    const status = (pod.status?.containerStatuses ?? []).find((s) => s.name === container);
    if (!status?.state?.running)
      throw new KubectlError(
        `unable to upgrade connection: container not found (${JSON.stringify(container)})`,
      );
  } catch (e) {
    return fail(io, e);
  }
  const app = env.containers.app(ns, podName, container);
  if (!app)
    return fail(io, `unable to upgrade connection: container not found (${JSON.stringify(container)})`);
  if (!app.exec) {
    io.stderr.write(
      `OCI runtime exec failed: exec failed: unable to start container process: exec: ${JSON.stringify(argv[0] ?? '')}: executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n`,
    );
    return 126;
  }
  if (argv[0] === 'curl' && app.tools?.includes('curl') && env.podNetwork) {
    const code = await runCurl(argv, io, { clock: env.clock, network: env.podNetwork(ns, podName) });
    if (code !== 0) io.stderr.write(`command terminated with exit code ${code}\n`);
    return code;
  }
  const r = app.exec(argv);
  if (r.stdout) io.stdout.write(r.stdout);
  if (r.stderr) io.stderr.write(r.stderr);
  if (r.code !== 0) {
    io.stderr.write(`command terminated with exit code ${r.code}\n`);
    return r.code;
  }
  return 0;
}
