/**
 * `kubectl create service clusterip|nodeport|loadbalancer NAME --tcp=PORT[:TARGET]` (kubectl
 * pkg/cmd/create/create_service.go): a Service selecting `app=NAME`, one port per `--tcp` pair
 * named `PORT-TARGET` (or `PORT`).
 */
import type { RunContext } from '../commands/types';
import { KubectlError } from '../errors';
import { generated } from './create';

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer';

const COMMAND: Record<ServiceType, string> = {
  ClusterIP: 'clusterip',
  NodePort: 'nodeport',
  LoadBalancer: 'loadbalancer',
};

/** strconv.ParseUint's message for a port that is not a number. */
function parsePort(s: string): number {
  if (!/^\d+$/.test(s)) throw new KubectlError(`strconv.ParseUint: parsing "${s}": invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw new KubectlError(`strconv.ParseUint: parsing "${s}": value out of range`);
  return n;
}

function ports(pairs: string[], nodePort: number): Record<string, unknown>[] {
  return pairs.map((pair) => {
    const [portText, target = portText] = pair.split(':');
    const port = parsePort(portText);
    const targetPort = /^\d+$/.test(target) ? Number(target) : target;
    return {
      name: pair.replace(':', '-'),
      ...(nodePort > 0 ? { nodePort } : {}),
      port,
      protocol: 'TCP',
      targetPort,
    };
  });
}

function runner(type: ServiceType) {
  return async (ctx: RunContext): Promise<number> => {
    const [name] = ctx.flags.args;
    if (!name) {
      throw new KubectlError(
        `exactly one NAME is required, got 0\nSee 'kubectl create service ${COMMAND[type]} -h' for help and examples`,
      );
    }
    const tcp = ctx.flags.list('tcp');
    const clusterIP = type === 'ClusterIP' ? ctx.flags.string('clusterip') : '';
    if (tcp.length === 0 && clusterIP !== 'None') {
      throw new KubectlError('at least one tcp port specifier must be provided');
    }
    const labels = { app: name };
    const nodePort = type === 'NodePort' ? ctx.flags.int('node-port') : 0;
    return generated(
      ctx,
      'Service',
      'v1',
      name,
      {
        metadata: { labels },
        spec: {
          ...(clusterIP ? { clusterIP } : {}),
          ...(tcp.length ? { ports: ports(tcp, nodePort) } : {}),
          selector: labels,
          type,
        },
      },
      { loadBalancer: {} },
    );
  };
}

export const runCreateServiceClusterIP = runner('ClusterIP');
export const runCreateServiceNodePort = runner('NodePort');
export const runCreateServiceLoadBalancer = runner('LoadBalancer');
