/** Small object builders for the patch tests. */
import type { JsonObject, JsonValue } from '../../../../sandbox/api/types';

export const nodejs = {
  name: 'nodejs',
  image: 'luksa/kubia:v1',
  ports: [{ containerPort: 8080, protocol: 'TCP' }],
};
export const sidecar = { name: 'sidecar', image: 'busybox' };
export const logger = { name: 'logger', image: 'fluentd' };

export function deploy(containers: JsonObject[], spec: JsonObject = {}): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'kubia', labels: { app: 'kubia' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'kubia' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: { metadata: { labels: { app: 'kubia' } }, spec: { containers } },
      ...spec,
    },
  };
}

export function pod(spec: JsonObject, metadata: JsonObject = { name: 'p' }): JsonObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

/** `{spec: {template: {spec}}}` */
export function tpl(spec: JsonObject): JsonObject {
  return { spec: { template: { spec } } };
}

export function withMeta(o: JsonObject, meta: JsonObject): JsonObject {
  return { ...o, metadata: { ...(o.metadata as JsonObject), ...meta } };
}

export function withSpec(o: JsonObject, spec: JsonObject): JsonObject {
  return { ...o, spec: { ...(o.spec as JsonObject), ...spec } };
}

/** The value at a dotted path (`spec.template.spec.containers`); `''` is the value itself. */
export function at(v: JsonValue, path: string): JsonValue | undefined {
  if (path === '') return v;
  let cur: JsonValue | undefined = v;
  for (const key of path.split('.')) {
    if (cur === null || cur === undefined || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}
