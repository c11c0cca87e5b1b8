/**
 * Pod and Service facts both endpoint controllers use, as upstream's endpoint utilities compute
 * them: which pods a Service selects, which of them belong in endpoints, the pod's IP and the
 * port a Service port resolves to on a pod (`podutil.FindPort`).
 */
import type { Container, Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { isPodReady, podPhase } from '../util/pods';

export type ServiceView = Service & { metadata: KubeObject['metadata'] };

export function asService(obj: KubeObject): ServiceView {
  return obj as unknown as ServiceView;
}

export function asPod(obj: KubeObject): Pod {
  return obj as unknown as Pod;
}

/** The selector a Service routes by, or undefined when it has none (user-managed endpoints). */
export function serviceSelector(svc: KubeObject): Record<string, string> | undefined {
  // An empty selector is stored as none (protobuf drops empty maps): no endpoints are managed.
  const sel = asService(svc).spec?.selector;
  if (sel) for (const _ in sel) return sel;
  return undefined;
}

/** Does a (non-empty-or-empty) map selector match these labels? An empty selector matches all. */
export function selectorMatches(
  selector: Record<string, string>,
  labels: Record<string, string> | undefined,
): boolean {
  // Every pod event of every Service is matched: no entry list built per call.
  for (const k in selector) if (labels?.[k] !== selector[k]) return false;
  return true;
}

/** The IPv4 address of a pod (status.podIP, else the first IPv4 of status.podIPs). */
export function podIPv4(pod: KubeObject): string | undefined {
  const status = asPod(pod).status;
  const candidates = [status?.podIP, ...(status?.podIPs ?? []).map((p) => p.ip)];
  return candidates.find((ip): ip is string => !!ip && !ip.includes(':'));
}

/**
 * `ShouldPodBeInEndpoints`: terminal pods (Succeeded/Failed) and pods without an IP are left out;
 * terminating pods only when asked for.
 */
export function shouldPodBeInEndpoints(pod: KubeObject, includeTerminating: boolean): boolean {
  const phase = podPhase(pod);
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!podIPv4(pod)) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

export { isPodReady };

/**
 * `podutil.FindPort`: a numeric targetPort is used as is (never checked against the containers);
 * a named one is looked up among the pod's container ports with the same protocol. Undefined when
 * the name is not found.
 */
export function findPort(pod: KubeObject, port: ServicePort): number | undefined {
  const target = port.targetPort ?? port.port;
  const protocol = port.protocol ?? 'TCP';
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const containers: Container[] = asPod(pod).spec?.containers ?? [];
  for (const c of containers) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
    }
  }
  return undefined;
}

export function isHeadless(svc: KubeObject): boolean {
  return asService(svc).spec?.clusterIP === 'None';
}

export function podKey(pod: KubeObject): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`;
}
