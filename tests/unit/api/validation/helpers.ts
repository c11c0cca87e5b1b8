/** Shared builders: manifests as a user writes them, defaulted as the server would, then validated. */
import { applyDefaults } from '../../../../sandbox/api/defaults';
import { fieldErrorString } from '../../../../sandbox/api/errors';
import { resourceForKind } from '../../../../sandbox/api/resources';
import type { KubeObject } from '../../../../sandbox/api/types';
import { validateCreate, validateUpdate } from '../../../../sandbox/api/validation';

export type Json = Record<string, unknown>;

export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function resourceOf(obj: KubeObject) {
  const r = resourceForKind(obj.apiVersion, obj.kind);
  if (!r) throw new Error(`no resource for ${obj.apiVersion} ${obj.kind}`);
  return r;
}

/** Default, then validate a create; the `<field>: <body>` lines in order. */
export function createErrors(input: Json, opts: { defaults?: boolean } = {}): string[] {
  const obj = clone(input) as KubeObject;
  const r = resourceOf(obj);
  if (opts.defaults !== false) applyDefaults(r, obj);
  return validateCreate(r, obj).map(fieldErrorString);
}

/** Default both, then validate the update of `old` to `next`. */
export function updateErrors(next: Json, old: Json): string[] {
  const n = clone(next) as KubeObject;
  const o = clone(old) as KubeObject;
  const r = resourceOf(n);
  applyDefaults(r, n);
  applyDefaults(r, o);
  return validateUpdate(r, n, o).map(fieldErrorString);
}

export function deployment(patch: (d: Json & { spec: Json }) => void = () => {}): Json {
  const d = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'nginx', namespace: 'default' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
      },
    } as Json,
  };
  patch(d);
  return d;
}

export function replicaSet(patch: (d: Json & { spec: Json }) => void = () => {}): Json {
  const d = deployment() as Json & { spec: Json };
  d.kind = 'ReplicaSet';
  patch(d);
  return d;
}

export function pod(patch: (p: Json & { spec: Json }) => void = () => {}): Json {
  const p = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'kubia-manual', namespace: 'default' },
    spec: {
      containers: [
        { name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080, protocol: 'TCP' }] },
      ],
    } as Json,
  };
  patch(p);
  return p;
}

export function service(patch: (s: Json & { spec: Json }) => void = () => {}): Json {
  const s = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubia', namespace: 'default' },
    spec: { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] } as Json,
  };
  patch(s);
  return s;
}

/** Typed access to nested JSON in tests. */
export function at(obj: unknown, ...path: Array<string | number>): unknown {
  let cur: unknown = obj;
  for (const p of path) cur = (cur as Record<string | number, unknown> | undefined)?.[p];
  return cur;
}
