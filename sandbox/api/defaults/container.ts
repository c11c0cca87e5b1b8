/**
 * Container defaulting (SetDefaults_Container and the generated per-field defaults): pull policy
 * from the image tag, termination message path/policy, `resources: {}`, port protocol TCP,
 * fieldRef apiVersion v1, and probe/handler defaults (1s timeout, 10s period, thresholds 1 and 3,
 * httpGet path `/` and scheme HTTP, grpc service "").
 */
import { defaultPullPolicy } from './image';
import { ensureMap, isMap, maps, setIfEmpty, setIfUnset, setIfZero, type JsonMap } from './json';

export const TERMINATION_MESSAGE_PATH = '/dev/termination-log';

function defaultHandler(h: JsonMap): void {
  if (isMap(h.httpGet)) {
    setIfEmpty(h.httpGet, 'path', '/');
    setIfEmpty(h.httpGet, 'scheme', 'HTTP');
  }
  if (isMap(h.grpc)) setIfUnset(h.grpc, 'service', '');
}

export function defaultProbe(p: JsonMap): void {
  defaultHandler(p);
  setIfZero(p, 'timeoutSeconds', 1);
  setIfZero(p, 'periodSeconds', 10);
  setIfZero(p, 'successThreshold', 1);
  setIfZero(p, 'failureThreshold', 3);
}

/** Environment variables and downward API files: fieldRef.apiVersion defaults to v1. */
export function defaultFieldRef(holder: JsonMap): void {
  if (isMap(holder.fieldRef)) setIfEmpty(holder.fieldRef, 'apiVersion', 'v1');
}

export function defaultContainer(c: JsonMap): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultPullPolicy(typeof c.image === 'string' ? c.image : '');
  setIfEmpty(c, 'terminationMessagePath', TERMINATION_MESSAGE_PATH);
  setIfEmpty(c, 'terminationMessagePolicy', 'File');
  ensureMap(c, 'resources');
  for (const port of maps(c.ports)) setIfEmpty(port, 'protocol', 'TCP');
  for (const env of maps(c.env)) if (isMap(env.valueFrom)) defaultFieldRef(env.valueFrom);
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const p = c[probe];
    if (isMap(p)) defaultProbe(p);
  }
  if (isMap(c.lifecycle)) {
    for (const hook of ['postStart', 'preStop']) {
      const h = c.lifecycle[hook];
      if (isMap(h)) defaultHandler(h);
    }
  }
}
