/** Field schemas: core/v1 PodStatus and container statuses. */
import {
  bool,
  core,
  enumOf,
  int32,
  int64,
  listOf,
  mapOf,
  named,
  quantity,
  ref,
  str,
  struct,
  time,
} from './build';
import { POD_PHASE, POD_QOS_CLASS } from './enums';
import type { TypeSchema } from './types';

export const CORE_POD_STATUS_TYPES: TypeSchema[] = [
  struct(
    core('PodStatus'),
    {
      phase: enumOf('v1.PodPhase', POD_PHASE, 'Pending, Running, Succeeded, Failed or Unknown.'),
      conditions: listOf(
        ref(core('PodCondition')),
        { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] },
        'PodScheduled, Initialized, ContainersReady, Ready and others.',
      ),
      message: str(),
      reason: str(),
      nominatedNodeName: str(),
      hostIP: str('The IP address of the node the pod runs on.'),
      hostIPs: listOf(ref(core('HostIP')), {
        patchStrategy: 'merge',
        patchMergeKey: 'ip',
        listType: 'atomic',
      }),
      podIP: str('The IP address allocated to the pod.'),
      podIPs: listOf(ref(core('PodIP')), {
        patchStrategy: 'merge',
        patchMergeKey: 'ip',
        listType: 'map',
        listMapKeys: ['ip'],
      }),
      startTime: time('When the kubelet acknowledged the pod.'),
      initContainerStatuses: listOf(ref(core('ContainerStatus')), { listType: 'atomic' }),
      containerStatuses: listOf(
        ref(core('ContainerStatus')),
        { listType: 'atomic' },
        'One status per container.',
      ),
      qosClass: enumOf(
        'v1.PodQOSClass',
        POD_QOS_CLASS,
        'Guaranteed, Burstable or BestEffort, derived from the resources.',
      ),
      ephemeralContainerStatuses: listOf(ref(core('ContainerStatus')), { listType: 'atomic' }),
      resize: named('v1.PodResizeStatus'),
      resourceClaimStatuses: listOf(ref(core('PodResourceClaimStatus')), {
        patchStrategy: 'merge,retainKeys',
        patchMergeKey: 'name',
        listType: 'map',
        listMapKeys: ['name'],
      }),
    },
    { description: 'The most recently observed state of a pod, reported by the kubelet.' },
  ),
  struct(
    core('PodCondition'),
    {
      type: named('v1.PodConditionType', 'PodScheduled, Initialized, ContainersReady or Ready.'),
      status: named('v1.ConditionStatus', 'True, False or Unknown.'),
      lastProbeTime: time(),
      lastTransitionTime: time(),
      reason: str(),
      message: str(),
    },
    { required: ['type', 'status'] },
  ),
  struct(
    core('PodIP'),
    {
      ip: str(),
    },
    { required: ['ip'] },
  ),
  struct(
    core('HostIP'),
    {
      ip: str(),
    },
    { required: ['ip'] },
  ),
  struct(
    core('ContainerStatus'),
    {
      name: str(),
      state: ref(core('ContainerState'), 'Waiting, running or terminated, with details.'),
      lastState: ref(core('ContainerState')),
      ready: bool('Whether the container passes its readiness probe.'),
      restartCount: int32('How many times the container has been restarted.'),
      image: str(),
      imageID: str(),
      containerID: str(),
      started: bool(),
      allocatedResources: mapOf(quantity(), { goType: 'v1.ResourceList' }),
      resources: ref(core('ResourceRequirements')),
      volumeMounts: listOf(ref(core('VolumeMountStatus')), {
        patchStrategy: 'merge',
        patchMergeKey: 'mountPath',
        listType: 'map',
        listMapKeys: ['mountPath'],
      }),
      user: ref(core('ContainerUser')),
      allocatedResourcesStatus: listOf(ref(core('ResourceStatus')), {
        patchStrategy: 'merge',
        patchMergeKey: 'name',
        listType: 'map',
        listMapKeys: ['name'],
      }),
    },
    { required: ['name', 'ready', 'restartCount', 'image', 'imageID'] },
  ),
  struct(core('ContainerState'), {
    waiting: ref(core('ContainerStateWaiting')),
    running: ref(core('ContainerStateRunning')),
    terminated: ref(core('ContainerStateTerminated')),
  }),
  struct(core('ContainerStateRunning'), {
    startedAt: time(),
  }),
  struct(
    core('ContainerStateTerminated'),
    {
      exitCode: int32(),
      signal: int32(),
      reason: str(),
      message: str(),
      startedAt: time(),
      finishedAt: time(),
      containerID: str(),
    },
    { required: ['exitCode'] },
  ),
  struct(core('ContainerStateWaiting'), {
    reason: str(),
    message: str(),
  }),
  struct(core('ContainerUser'), {
    linux: ref(core('LinuxContainerUser')),
  }),
  struct(
    core('LinuxContainerUser'),
    {
      uid: int64(),
      gid: int64(),
      supplementalGroups: listOf(int64(), { listType: 'atomic' }),
    },
    { required: ['uid', 'gid'] },
  ),
  struct(
    core('VolumeMountStatus'),
    {
      name: str(),
      mountPath: str(),
      readOnly: bool(),
      recursiveReadOnly: named('v1.RecursiveReadOnlyMode'),
    },
    { required: ['name', 'mountPath'] },
  ),
  struct(
    core('ResourceStatus'),
    {
      name: named('v1.ResourceName'),
      resources: listOf(ref(core('ResourceHealth')), { listType: 'map', listMapKeys: ['resourceID'] }),
    },
    { required: ['name'] },
  ),
  struct(
    core('ResourceHealth'),
    {
      resourceID: named('v1.ResourceID'),
      health: named('v1.ResourceHealthStatus'),
    },
    { required: ['resourceID'] },
  ),
  struct(
    core('PodResourceClaimStatus'),
    {
      name: str(),
      resourceClaimName: str(),
    },
    { required: ['name'] },
  ),
];
