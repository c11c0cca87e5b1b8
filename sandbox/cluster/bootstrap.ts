/**
 * What a fresh cluster holds before anyone uses it: the four standard namespaces and the
 * `kubernetes` Service with its Endpoints, created through the API server like everything else.
 */
import type { ApiServer } from '../api/server';

export const API_SERVER_ENDPOINT = { ip: '10.128.0.2', port: 443 };

export function bootstrapCluster(api: ApiServer): void {
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  api.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      clusterIP: '10.96.0.1',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: API_SERVER_ENDPOINT.port }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
  });
  api.create({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
    },
    subsets: [
      {
        addresses: [{ ip: API_SERVER_ENDPOINT.ip }],
        ports: [{ name: 'https', port: API_SERVER_ENDPOINT.port, protocol: 'TCP' }],
      },
    ],
  });
}
