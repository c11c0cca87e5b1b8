/** Field schemas: core/v1 Pod, PodSpec and PodTemplateSpec. */
import {
  bool,
  core,
  enumOf,
  int32,
  int64,
  listOf,
  mapOf,
  meta,
  named,
  quantity,
  ref,
  str,
  struct,
} from './build';
import { DNS_POLICY, PREEMPTION_POLICY, RESTART_POLICY } from './enums';
import type { TypeSchema } from './types';

export const CORE_POD_TYPES: TypeSchema[] = [
  struct(
    core('Pod'),
    {
      kind: str('The type of this object, in CamelCase.'),
      apiVersion: str('The versioned schema of this object, e.g. apps/v1.'),
      metadata: ref(meta('ObjectMeta'), "Standard object's metadata."),
      spec: ref(core('PodSpec'), 'The desired state, set by the user.'),
      status: ref(core('PodStatus'), 'The observed state, written by the system. Read-only for users.'),
    },
    { description: 'A group of containers scheduled together on one node.' },
  ),
  struct(
    core('PodSpec'),
    {
      volumes: listOf(
        ref(core('Volume')),
        { patchStrategy: 'merge,retainKeys', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
        'Volumes the containers of this pod can mount.',
      ),
      initContainers: listOf(
        ref(core('Container')),
        { patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
        'Containers run one after another before the app containers start.',
      ),
      containers: listOf(
        ref(core('Container')),
        { patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
        'The containers of the pod; at least one. Cannot be changed on a running pod.',
      ),
      ephemeralContainers: listOf(ref(core('EphemeralContainer')), {
        patchStrategy: 'merge',
        patchMergeKey: 'name',
        listType: 'map',
        listMapKeys: ['name'],
      }),
      restartPolicy: enumOf(
        'v1.RestartPolicy',
        RESTART_POLICY,
        'Always (the default), OnFailure or Never. Controllers only allow Always.',
      ),
      terminationGracePeriodSeconds: int64(
        'Seconds between the termination signal and the kill. Defaults to 30.',
      ),
      activeDeadlineSeconds: int64(),
      dnsPolicy: enumOf(
        'v1.DNSPolicy',
        DNS_POLICY,
        'How DNS is set up for the pod. Defaults to ClusterFirst.',
      ),
      nodeSelector: mapOf(
        str(),
        { mapType: 'atomic' },
        'Labels a node must have for the pod to be scheduled there.',
      ),
      serviceAccountName: str('The service account the pod runs as.'),
      serviceAccount: str(),
      automountServiceAccountToken: bool(),
      nodeName: str('The node the pod is bound to; set by the scheduler.'),
      hostNetwork: bool(),
      hostPID: bool(),
      hostIPC: bool(),
      shareProcessNamespace: bool(),
      securityContext: ref(core('PodSecurityContext'), 'Security settings for all containers of the pod.'),
      imagePullSecrets: listOf(
        ref(core('LocalObjectReference')),
        { patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
        'Secrets used to pull the images.',
      ),
      hostname: str("The pod's hostname; defaults to the pod name."),
      subdomain: str(),
      affinity: ref(core('Affinity'), 'Node and pod (anti-)affinity scheduling rules.'),
      schedulerName: str('The scheduler that places this pod. Defaults to default-scheduler.'),
      tolerations: listOf(ref(core('Toleration')), { listType: 'atomic' }, 'Taints this pod tolerates.'),
      hostAliases: listOf(ref(core('HostAlias')), {
        patchStrategy: 'merge',
        patchMergeKey: 'ip',
        listType: 'map',
        listMapKeys: ['ip'],
      }),
      priorityClassName: str(),
      priority: int32(),
      dnsConfig: ref(core('PodDNSConfig')),
      readinessGates: listOf(ref(core('PodReadinessGate')), { listType: 'atomic' }),
      runtimeClassName: str(),
      enableServiceLinks: bool(),
      preemptionPolicy: enumOf('v1.PreemptionPolicy', PREEMPTION_POLICY),
      overhead: mapOf(quantity(), { goType: 'v1.ResourceList' }),
      topologySpreadConstraints: listOf(ref(core('TopologySpreadConstraint')), {
        patchStrategy: 'merge',
        patchMergeKey: 'topologyKey',
        listType: 'map',
        listMapKeys: ['topologyKey', 'whenUnsatisfiable'],
      }),
      setHostnameAsFQDN: bool(),
      os: ref(core('PodOS')),
      hostUsers: bool(),
      schedulingGates: listOf(ref(core('PodSchedulingGate')), {
        patchStrategy: 'merge',
        patchMergeKey: 'name',
        listType: 'map',
        listMapKeys: ['name'],
      }),
      resourceClaims: listOf(ref(core('PodResourceClaim')), {
        patchStrategy: 'merge,retainKeys',
        patchMergeKey: 'name',
        listType: 'map',
        listMapKeys: ['name'],
      }),
      resources: ref(core('ResourceRequirements')),
    },
    {
      description: 'The desired state of a pod: its containers, volumes and scheduling constraints.',
      required: ['containers'],
    },
  ),
  struct(
    core('PodTemplateSpec'),
    {
      metadata: ref(meta('ObjectMeta'), 'Labels and annotations of the pods created from this template.'),
      spec: ref(core('PodSpec'), 'The spec of the pods created from this template.'),
    },
    { description: 'The pod a controller creates: metadata and spec.' },
  ),
  struct(core('PodDNSConfig'), {
    nameservers: listOf(str(), { listType: 'atomic' }),
    searches: listOf(str(), { listType: 'atomic' }),
    options: listOf(ref(core('PodDNSConfigOption')), { listType: 'atomic' }),
  }),
  struct(core('PodDNSConfigOption'), {
    name: str(),
    value: str(),
  }),
  struct(
    core('HostAlias'),
    {
      ip: str(),
      hostnames: listOf(str(), { listType: 'atomic' }),
    },
    { required: ['ip'] },
  ),
  struct(
    core('PodReadinessGate'),
    {
      conditionType: named('v1.PodConditionType'),
    },
    { required: ['conditionType'] },
  ),
  struct(
    core('PodOS'),
    {
      name: named('v1.OSName'),
    },
    { required: ['name'] },
  ),
  struct(
    core('PodSchedulingGate'),
    {
      name: str(),
    },
    { required: ['name'] },
  ),
  struct(
    core('PodResourceClaim'),
    {
      name: str(),
      resourceClaimName: str(),
      resourceClaimTemplateName: str(),
    },
    { required: ['name'] },
  ),
];
