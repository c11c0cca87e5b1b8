/** Which container of a pod `logs`/`exec` talk to, and the errors for the choice (kubectl v1.32). */
import type { Pod } from 'kubernetes-types/core/v1';
import { badRequest } from '../../api/errors';
import type { CommandIO } from '../../shell/types';
import { KubectlError } from '../rollout/errors';

const DEFAULT_CONTAINER = 'kubectl.kubernetes.io/default-container';

/** podcmd.AllContainerNames: `a, b, c (ephem), i (init)`. */
function allNames(pod: Pod): string {
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  for (const c of pod.spec?.ephemeralContainers ?? []) names.push(`${c.name} (ephem)`);
  for (const c of pod.spec?.initContainers ?? []) names.push(`${c.name} (init)`);
  return names.join(', ');
}

function has(pod: Pod, name: string): boolean {
  return [
    ...(pod.spec?.containers ?? []),
    ...(pod.spec?.initContainers ?? []),
    ...(pod.spec?.ephemeralContainers ?? []),
  ].some((c) => c.name === name);
}

/**
 * The container to use: the one named, or the default-container annotation, or the first one
 * (announcing `Defaulted container "x" out of: ...` when the pod has others).
 * An unknown name: `logs` refuses it client-side, `exec` sends it and the API server refuses it.
 */
export function pickContainer(
  io: CommandIO,
  pod: Pod,
  name: string | undefined,
  cmd: 'logs' | 'exec',
): string {
  const podName = pod.metadata?.name ?? '';
  if (name) {
    if (has(pod, name)) return name;
    const msg = `container ${name} is not valid for pod ${podName}`;
    throw cmd === 'logs' ? new KubectlError(msg) : badRequest(msg);
  }
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER];
  if (annotated) {
    if (has(pod, annotated)) return annotated;
    if (cmd === 'logs')
      io.stderr.write(`Default container name ${JSON.stringify(annotated)} not found in pod ${podName}\n`);
  }
  const first = pod.spec?.containers?.[0]?.name ?? '';
  const spec = pod.spec;
  if (
    (spec?.containers ?? []).length > 1 ||
    (spec?.initContainers ?? []).length > 0 ||
    (spec?.ephemeralContainers ?? []).length > 0
  )
    io.stderr.write(`Defaulted container ${JSON.stringify(first)} out of: ${allNames(pod)}\n`);
  return first;
}
