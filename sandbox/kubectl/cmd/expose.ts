/** `kubectl expose` (§5.12): build a Service from a pod, RC, RS, deployment or service. */
import type { KubeObject, KubeObjectInput } from '../../api/types';
import type { RunContext } from '../commands/types';
import { KubectlError } from '../errors';
import { parseResourceArgs } from '../resolve';
import { clientView, createAndPrint } from './create';
import { recordInto } from './common';

interface PodSpecLike {
  containers?: Array<{ ports?: Array<{ containerPort: number; protocol?: string; name?: string }> }>;
}

function selectorAndPorts(obj: KubeObject): { selector?: Record<string, string>; podSpec?: PodSpecLike } {
  const spec = obj.spec as {
    selector?: Record<string, string> | { matchLabels?: Record<string, string> };
    template?: { spec?: PodSpecLike };
    ports?: Array<{ port: number; protocol?: string }>;
  } & PodSpecLike;
  switch (obj.kind) {
    case 'Pod':
      return { selector: obj.metadata.labels ?? undefined, podSpec: spec };
    case 'ReplicationController':
      return { selector: spec.selector as Record<string, string>, podSpec: spec.template?.spec };
    case 'ReplicaSet':
    case 'Deployment':
      return {
        selector: (spec.selector as { matchLabels?: Record<string, string> })?.matchLabels,
        podSpec: spec.template?.spec,
      };
    case 'Service':
      return { selector: spec.selector as Record<string, string> };
    default:
      throw new KubectlError(`cannot expose a ${obj.kind}`);
  }
}

export async function runExpose(ctx: RunContext): Promise<number> {
  const { env, flags } = ctx;
  const refs = parseResourceArgs(flags.args);
  const ref = refs[0];
  if (!ref || ref.name === undefined) {
    throw new KubectlError(
      `You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`,
    );
  }
  const ns = ref.resource.namespaced ? ctx.namespace : undefined;
  const source = env.api.get(ref.resource.plural, ns, ref.name);
  const { selector, podSpec } = selectorAndPorts(source);
  const protocol = flags.string('protocol') || 'TCP';
  let ports: Array<Record<string, unknown>>;
  const targetPort = flags.string('target-port');
  const asPort = (v: string): number | string => (/^\d+$/.test(v) ? Number(v) : v);
  if (flags.string('port')) {
    const port = Number(flags.string('port'));
    ports = [{ port, protocol, targetPort: targetPort ? asPort(targetPort) : port }];
  } else if (source.kind === 'Service') {
    ports = ((source.spec as { ports?: Array<Record<string, unknown>> }).ports ?? []).map((p) => ({
      port: p.port,
      protocol: p.protocol ?? 'TCP',
      targetPort: targetPort ? asPort(targetPort) : p.targetPort,
      ...(p.name ? { name: p.name } : {}),
    }));
  } else {
    const cports = (podSpec?.containers ?? []).flatMap((c) => c.ports ?? []);
    ports = cports.map((p, i) => ({
      ...(cports.length > 1 ? { name: `port-${i + 1}` } : {}),
      port: p.containerPort,
      protocol: p.protocol ?? 'TCP',
      targetPort: targetPort ? asPort(targetPort) : p.containerPort,
    }));
  }
  if (ports.length === 0) throw new KubectlError("couldn't find port via --port flag or introspection");
  const name = flags.string('name') || ref.name;
  const labels = source.metadata.labels;
  const svc: KubeObjectInput = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { ...(labels ? { labels } : {}), name },
    spec: {
      ports,
      ...(selector ? { selector } : {}),
      ...(flags.string('type') ? { type: flags.string('type') } : {}),
    },
  };
  recordInto(ctx, svc);
  const view = clientView(svc, { loadBalancer: {} });
  return createAndPrint(ctx, svc, ctx.namespace, 'exposed', 'kubectl-expose', '', view) ? 0 : 1;
}
