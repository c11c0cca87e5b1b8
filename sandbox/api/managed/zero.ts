/**
 * The "old" object of a create. The real server compares the new object with a freshly allocated
 * Go struct of the kind, whose non-pointer struct fields are present (empty) in it: those paths
 * were not *added*, so they get no `.` member on create (`f:spec` has none, `f:rollingUpdate` has).
 */
type Zero = { [field: string]: Zero | null };

// `containers` has no omitempty: the zero PodSpec carries `containers: null`.
const POD_TEMPLATE: Zero = { metadata: {}, spec: { containers: null } };

/** Non-pointer struct fields of each kind, down to where they stop. */
const ZERO: Record<string, Zero> = {
  ConfigMap: { metadata: {} },
  Endpoints: { metadata: {} },
  EndpointSlice: { metadata: {} },
  Event: { metadata: {}, involvedObject: {}, source: {} },
  Namespace: { metadata: {}, spec: {}, status: {} },
  Node: { metadata: {}, spec: {}, status: { daemonEndpoints: { kubeletEndpoint: {} }, nodeInfo: {} } },
  Pod: { metadata: {}, spec: { containers: null }, status: {} },
  ReplicationController: { metadata: {}, spec: {}, status: {} },
  ResourceQuota: { metadata: {}, spec: {}, status: {} },
  Service: { metadata: {}, spec: {}, status: { loadBalancer: {} } },
  Deployment: { metadata: {}, spec: { template: POD_TEMPLATE, strategy: {} }, status: {} },
  ReplicaSet: { metadata: {}, spec: { template: POD_TEMPLATE }, status: {} },
  Scale: { metadata: {}, spec: {}, status: {} },
};

export function zeroObject(kind: string): Record<string, unknown> {
  return (ZERO[kind] ?? { metadata: {} }) as Record<string, unknown>;
}
