/** Field schemas: core/v1 Node. */
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
  time,
} from './build';
import { NODE_PHASE, TAINT_EFFECT } from './enums';
import type { TypeSchema } from './types';

export const CORE_NODE_TYPES: TypeSchema[] = [
  struct(
    core('Node'),
    {
      kind: str('The type of this object, in CamelCase.'),
      apiVersion: str('The versioned schema of this object, e.g. apps/v1.'),
      metadata: ref(meta('ObjectMeta'), "Standard object's metadata."),
      spec: ref(core('NodeSpec'), 'The desired state, set by the user.'),
      status: ref(core('NodeStatus'), 'The observed state, written by the system. Read-only for users.'),
    },
    { description: 'A worker machine that runs pods.' },
  ),
  struct(core('NodeSpec'), {
    podCIDR: str('The pod IP range of this node.'),
    podCIDRs: listOf(str(), { patchStrategy: 'merge', listType: 'set' }),
    providerID: str(),
    unschedulable: bool('When true, no new pods are scheduled here (kubectl cordon).'),
    taints: listOf(
      ref(core('Taint')),
      { listType: 'atomic' },
      'Taints that repel pods which do not tolerate them.',
    ),
    configSource: ref(core('NodeConfigSource')),
    externalID: str(),
  }),
  struct(core('NodeStatus'), {
    capacity: mapOf(quantity(), { goType: 'v1.ResourceList' }, 'Total resources of the node.'),
    allocatable: mapOf(quantity(), { goType: 'v1.ResourceList' }, 'Resources available for pods.'),
    phase: enumOf('v1.NodePhase', NODE_PHASE),
    conditions: listOf(
      ref(core('NodeCondition')),
      { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] },
      'Ready, MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable.',
    ),
    addresses: listOf(
      ref(core('NodeAddress')),
      { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] },
      'Addresses of the node (InternalIP, Hostname, ...).',
    ),
    daemonEndpoints: ref(core('NodeDaemonEndpoints')),
    nodeInfo: ref(core('NodeSystemInfo')),
    images: listOf(ref(core('ContainerImage')), { listType: 'atomic' }),
    volumesInUse: listOf(named('v1.UniqueVolumeName'), { listType: 'atomic' }),
    volumesAttached: listOf(ref(core('AttachedVolume')), { listType: 'atomic' }),
    config: ref(core('NodeConfigStatus')),
    runtimeHandlers: listOf(ref(core('NodeRuntimeHandler')), { listType: 'atomic' }),
    features: ref(core('NodeFeatures')),
  }),
  struct(
    core('Taint'),
    {
      key: str(),
      value: str(),
      effect: enumOf('v1.TaintEffect', TAINT_EFFECT),
      timeAdded: time(),
    },
    { required: ['key', 'effect'] },
  ),
  struct(
    core('NodeAddress'),
    {
      type: named('v1.NodeAddressType'),
      address: str(),
    },
    { required: ['type', 'address'] },
  ),
  struct(
    core('NodeCondition'),
    {
      type: named('v1.NodeConditionType'),
      status: named('v1.ConditionStatus'),
      lastHeartbeatTime: time(),
      lastTransitionTime: time(),
      reason: str(),
      message: str(),
    },
    { required: ['type', 'status'] },
  ),
  struct(core('NodeDaemonEndpoints'), {
    kubeletEndpoint: ref(core('DaemonEndpoint')),
  }),
  struct(
    core('DaemonEndpoint'),
    {
      Port: int32(),
    },
    { required: ['Port'] },
  ),
  struct(
    core('NodeSystemInfo'),
    {
      machineID: str(),
      systemUUID: str(),
      bootID: str(),
      kernelVersion: str(),
      osImage: str(),
      containerRuntimeVersion: str(),
      kubeletVersion: str(),
      kubeProxyVersion: str(),
      operatingSystem: str(),
      architecture: str(),
    },
    {
      required: [
        'machineID',
        'systemUUID',
        'bootID',
        'kernelVersion',
        'osImage',
        'containerRuntimeVersion',
        'kubeletVersion',
        'kubeProxyVersion',
        'operatingSystem',
        'architecture',
      ],
    },
  ),
  struct(core('ContainerImage'), {
    names: listOf(str(), { listType: 'atomic' }),
    sizeBytes: int64(),
  }),
  struct(
    core('AttachedVolume'),
    {
      name: named('v1.UniqueVolumeName'),
      devicePath: str(),
    },
    { required: ['name', 'devicePath'] },
  ),
  struct(core('NodeConfigSource'), {
    configMap: ref(core('ConfigMapNodeConfigSource')),
  }),
  struct(core('NodeConfigStatus'), {
    assigned: ref(core('NodeConfigSource')),
    active: ref(core('NodeConfigSource')),
    lastKnownGood: ref(core('NodeConfigSource')),
    error: str(),
  }),
  struct(
    core('ConfigMapNodeConfigSource'),
    {
      namespace: str(),
      name: str(),
      uid: named('types.UID'),
      resourceVersion: str(),
      kubeletConfigKey: str(),
    },
    { required: ['namespace', 'name', 'kubeletConfigKey'] },
  ),
  struct(core('NodeRuntimeHandler'), {
    name: str(),
    features: ref(core('NodeRuntimeHandlerFeatures')),
  }),
  struct(core('NodeRuntimeHandlerFeatures'), {
    recursiveReadOnlyMounts: bool(),
    userNamespaces: bool(),
  }),
  struct(core('NodeFeatures'), {
    supplementalGroupsPolicy: bool(),
  }),
];
