/** Field schemas: core/v1 Service and Endpoints. */
import {
  bool,
  core,
  enumOf,
  int32,
  intOrString,
  listOf,
  mapOf,
  meta,
  named,
  ref,
  str,
  struct,
} from './build';
import {
  IP_FAMILY,
  IP_FAMILY_POLICY,
  PROTOCOL,
  SERVICE_AFFINITY,
  SERVICE_EXTERNAL_TRAFFIC_POLICY,
  SERVICE_INTERNAL_TRAFFIC_POLICY,
  SERVICE_TYPE,
} from './enums';
import type { TypeSchema } from './types';

export const CORE_SERVICE_TYPES: TypeSchema[] = [
  struct(
    core('Service'),
    {
      kind: str('The type of this object, in CamelCase.'),
      apiVersion: str('The versioned schema of this object, e.g. apps/v1.'),
      metadata: ref(meta('ObjectMeta'), "Standard object's metadata."),
      spec: ref(core('ServiceSpec'), 'The desired state, set by the user.'),
      status: ref(core('ServiceStatus'), 'The observed state, written by the system. Read-only for users.'),
    },
    { description: 'A stable virtual IP and DNS name in front of a set of pods.' },
  ),
  struct(
    core('ServiceSpec'),
    {
      ports: listOf(
        ref(core('ServicePort')),
        { patchStrategy: 'merge', patchMergeKey: 'port', listType: 'map', listMapKeys: ['port', 'protocol'] },
        'The ports the Service exposes.',
      ),
      selector: mapOf(str(), { mapType: 'atomic' }, 'Traffic goes to the pods whose labels match these.'),
      clusterIP: str('The virtual IP of the Service; allocated when empty, None for a headless Service.'),
      clusterIPs: listOf(
        str(),
        { listType: 'atomic' },
        'The virtual IPs of the Service (one per IP family).',
      ),
      type: enumOf(
        'v1.ServiceType',
        SERVICE_TYPE,
        'ClusterIP (the default), NodePort, LoadBalancer or ExternalName.',
      ),
      externalIPs: listOf(
        str(),
        { listType: 'atomic' },
        'Extra IPs on which the nodes accept traffic for this Service.',
      ),
      sessionAffinity: enumOf(
        'v1.ServiceAffinity',
        SERVICE_AFFINITY,
        'ClientIP sends a client always to the same pod; None (the default) does not.',
      ),
      loadBalancerIP: str('Requested IP for a LoadBalancer Service (deprecated).'),
      loadBalancerSourceRanges: listOf(str(), { listType: 'atomic' }),
      externalName: str('DNS name returned for an ExternalName Service.'),
      externalTrafficPolicy: enumOf(
        'v1.ServiceExternalTrafficPolicy',
        SERVICE_EXTERNAL_TRAFFIC_POLICY,
        'Cluster (the default) or Local: whether external traffic may go to pods on other nodes.',
      ),
      healthCheckNodePort: int32(),
      publishNotReadyAddresses: bool('Include pods that are not ready in the endpoints.'),
      sessionAffinityConfig: ref(core('SessionAffinityConfig')),
      ipFamilies: listOf(enumOf('v1.IPFamily', IP_FAMILY), { listType: 'atomic' }),
      ipFamilyPolicy: enumOf('v1.IPFamilyPolicy', IP_FAMILY_POLICY),
      allocateLoadBalancerNodePorts: bool(),
      loadBalancerClass: str(),
      internalTrafficPolicy: enumOf('v1.ServiceInternalTrafficPolicy', SERVICE_INTERNAL_TRAFFIC_POLICY),
      trafficDistribution: str(),
    },
    { description: 'The desired state of a Service.' },
  ),
  struct(
    core('ServicePort'),
    {
      name: str('Name of the port; required when there are several.'),
      protocol: enumOf('v1.Protocol', PROTOCOL, 'TCP (the default), UDP or SCTP.'),
      appProtocol: str(),
      port: int32('The port the Service listens on.'),
      targetPort: intOrString('Number or name of the container port to forward to. Defaults to port.'),
      nodePort: int32('The port on every node (NodePort and LoadBalancer types); allocated when empty.'),
    },
    { description: 'A port a Service exposes and where it forwards traffic.', required: ['port'] },
  ),
  struct(
    core('ServiceStatus'),
    {
      loadBalancer: ref(core('LoadBalancerStatus'), 'The load balancer, once it is provisioned.'),
      conditions: listOf(ref(meta('Condition')), {
        patchStrategy: 'merge',
        patchMergeKey: 'type',
        listType: 'map',
        listMapKeys: ['type'],
      }),
    },
    { description: 'The most recently observed state of a Service.' },
  ),
  struct(core('LoadBalancerStatus'), {
    ingress: listOf(
      ref(core('LoadBalancerIngress')),
      { listType: 'atomic' },
      'The IPs or hostnames of the load balancer.',
    ),
  }),
  struct(core('LoadBalancerIngress'), {
    ip: str('IP address of the load balancer.'),
    hostname: str('Host name of the load balancer.'),
    ipMode: named('v1.LoadBalancerIPMode'),
    ports: listOf(ref(core('PortStatus')), { listType: 'atomic' }),
  }),
  struct(
    core('PortStatus'),
    {
      port: int32(),
      protocol: enumOf('v1.Protocol', PROTOCOL),
      error: str(),
    },
    { required: ['port', 'protocol'] },
  ),
  struct(core('SessionAffinityConfig'), {
    clientIP: ref(core('ClientIPConfig')),
  }),
  struct(core('ClientIPConfig'), {
    timeoutSeconds: int32(),
  }),
  struct(
    core('Endpoints'),
    {
      kind: str('The type of this object, in CamelCase.'),
      apiVersion: str('The versioned schema of this object, e.g. apps/v1.'),
      metadata: ref(meta('ObjectMeta'), "Standard object's metadata."),
      subsets: listOf(
        ref(core('EndpointSubset')),
        { listType: 'atomic' },
        'The addresses and ports behind the Service.',
      ),
    },
    { description: 'The addresses that currently back a Service, maintained by the endpoints controller.' },
  ),
  struct(
    core('EndpointSubset'),
    {
      addresses: listOf(ref(core('EndpointAddress')), { listType: 'atomic' }, 'Addresses of ready pods.'),
      notReadyAddresses: listOf(
        ref(core('EndpointAddress')),
        { listType: 'atomic' },
        'Addresses of pods that are not ready yet.',
      ),
      ports: listOf(
        ref(core('EndpointPort')),
        { listType: 'atomic' },
        'Ports available on all the addresses.',
      ),
    },
    { description: 'A group of addresses sharing the same ports.' },
  ),
  struct(
    core('EndpointAddress'),
    {
      ip: str('IP address of the backend.'),
      hostname: str(),
      nodeName: str('The node hosting the backend.'),
      targetRef: ref(core('ObjectReference'), 'The pod behind this address.'),
    },
    { description: 'One backend IP address, usually a pod.', required: ['ip'], structType: 'atomic' },
  ),
  struct(
    core('EndpointPort'),
    {
      name: str(),
      port: int32(),
      protocol: enumOf('v1.Protocol', PROTOCOL),
      appProtocol: str(),
    },
    { required: ['port'], structType: 'atomic' },
  ),
];
