/**
 * The Node objects a fresh cluster registers: one per kubelet, with the labels, capacity,
 * conditions and nodeInfo a kubeadm-style v1.32 node with containerd reports. Node `i` (1-based)
 * gets the InternalIP `10.128.0.<i+2>` and the podCIDR `10.244.<i>.0/24`.
 */
import type { KubeObjectInput } from '../api/types';
import { timestamp } from '../api/context';

export const KUBELET_VERSION = 'v1.32.2';
export const CONTAINER_RUNTIME = 'containerd://1.7.24';
export const OS_IMAGE = 'Ubuntu 24.04.1 LTS';
export const KERNEL_VERSION = '6.8.0-1019-gcp';
export const DEFAULT_NODES = ['node-1', 'node-2', 'node-3'];

export interface NodeSpecInfo {
  name: string;
  index: number;
  internalIP: string;
  podCIDR: string;
}

export function nodeInfo(name: string, index: number): NodeSpecInfo {
  return { name, index, internalIP: `10.128.0.${index + 2}`, podCIDR: `10.244.${index}.0/24` };
}

function condition(type: string, status: string, reason: string, message: string, at: string) {
  return { type, status, lastHeartbeatTime: at, lastTransitionTime: at, reason, message };
}

/** The Node a kubelet registers (status included: the registry keeps it on create). */
export function nodeObject(n: NodeSpecInfo, nowMs: number, random: { uuid(): string }): KubeObjectInput {
  const at = timestamp(nowMs);
  const capacity = {
    cpu: '2',
    'ephemeral-storage': '101430960Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: '8131236Ki',
    pods: '110',
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': n.name,
        'kubernetes.io/os': 'linux',
      },
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: { podCIDR: n.podCIDR, podCIDRs: [n.podCIDR] },
    status: {
      capacity,
      allocatable: { ...capacity, cpu: '1930m', 'ephemeral-storage': '93478772582', memory: '7004324Ki' },
      conditions: [
        condition(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
          at,
        ),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', at),
        condition(
          'PIDPressure',
          'False',
          'KubeletHasSufficientPID',
          'kubelet has sufficient PID available',
          at,
        ),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status', at),
      ],
      addresses: [
        { type: 'InternalIP', address: n.internalIP },
        { type: 'Hostname', address: n.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: random.uuid().replace(/-/g, ''),
        systemUUID: random.uuid(),
        bootID: random.uuid(),
        kernelVersion: KERNEL_VERSION,
        osImage: OS_IMAGE,
        containerRuntimeVersion: CONTAINER_RUNTIME,
        kubeletVersion: KUBELET_VERSION,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}
