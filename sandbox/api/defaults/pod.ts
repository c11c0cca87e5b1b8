/**
 * Pod defaulting (SetDefaults_Pod, then the PodSpec defaults): requests default to limits for
 * each resource a container limits but does not request, `enableServiceLinks: true`, and with
 * hostNetwork every container port's hostPort defaults to its containerPort. Pods only: templates
 * get none of these.
 */
import { defaultPodSpec } from './pod-spec';
import { ensureMap, isMap, maps, setIfUnset, type JsonMap } from './json';

function requestsFromLimits(c: JsonMap): void {
  if (!isMap(c.resources)) return;
  const limits = c.resources.limits;
  if (!isMap(limits)) return;
  const requests = ensureMap(c.resources, 'requests');
  for (const [k, v] of Object.entries(limits)) if (!(k in requests)) requests[k] = v;
}

export function defaultPod(pod: JsonMap): void {
  const spec = ensureMap(pod, 'spec');
  for (const list of ['containers', 'initContainers']) {
    for (const c of maps(spec[list])) {
      if (!isMap(c.resources)) c.resources = {};
      requestsFromLimits(c);
    }
  }
  setIfUnset(spec, 'enableServiceLinks', true);
  if (spec.hostNetwork === true) {
    for (const list of ['containers', 'initContainers']) {
      for (const c of maps(spec[list]))
        for (const port of maps(c.ports)) if (!port.hostPort) port.hostPort = port.containerPort;
    }
  }
  defaultPodSpec(spec);
}
