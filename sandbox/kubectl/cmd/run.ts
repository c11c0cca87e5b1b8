/** `kubectl run NAME --image=IMAGE` (§5.2): a bare pod labelled `run=NAME`. */
import type { KubeObjectInput } from '../../api/types';
import type { RunContext } from '../commands/types';
import { KubectlError } from '../errors';
import { clientView, createAndPrint } from './create';
import { recordInto } from './common';

function parseLabels(v: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of v.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new KubectlError(`invalid label spec: ${pair}`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

export async function runRun(ctx: RunContext): Promise<number> {
  const { flags } = ctx;
  const [name, ...command] = flags.args;
  if (!name) {
    throw new KubectlError("NAME is required for run\nSee 'kubectl run -h' for help and examples", true);
  }
  const image = flags.string('image');
  if (!image) throw new KubectlError('--image is required');
  const labels = flags.string('labels') ? parseLabels(flags.string('labels')) : { run: name };
  const port = flags.string('port');
  const env = flags.list('env').map((e) => {
    const eq = e.indexOf('=');
    return { name: e.slice(0, eq), value: e.slice(eq + 1) };
  });
  const container: Record<string, unknown> = {
    ...(command.length ? { [flags.bool('command') ? 'command' : 'args']: command } : {}),
    ...(env.length ? { env } : {}),
    image,
    name,
    ...(port ? { ports: [{ containerPort: Number(port) }] } : {}),
    resources: {},
  };
  const restart = flags.string('restart') || 'Always';
  const pod: KubeObjectInput = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { labels, name },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
  };
  recordInto(ctx, pod);
  const view = clientView(pod, {});
  return createAndPrint(ctx, pod, ctx.namespace, 'created', 'kubectl-run', '', view) ? 0 : 1;
}
