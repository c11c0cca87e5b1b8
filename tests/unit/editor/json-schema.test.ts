import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { EDITOR_KINDS, kindJsonSchema, kubernetesJsonSchema } from '../../../sandbox/index';
import { prepareLesson, runHeadless } from '../../../src/lessons/setup';
import { validate } from './validate';

type Schema = { [key: string]: unknown };

const combined = kubernetesJsonSchema();
const manifestsDir = new URL('../../../content/manifests/', import.meta.url);

function docs(text: string): unknown[] {
  return parseAllDocuments(text).map((d) => d.toJS());
}

/** The schema node a property path leads to (through refs and allOf wrappers). */
function node(root: Schema, path: string[]): Schema {
  let s = root;
  const defs = root.definitions as Record<string, Schema>;
  const deref = (x: Schema): Schema => {
    if (typeof x.$ref === 'string') return deref(defs[x.$ref.replace('#/definitions/', '')]);
    if (Array.isArray(x.allOf) && !x.properties) return { ...x, ...deref(x.allOf[0] as Schema) };
    return x;
  };
  for (const key of path) s = deref((deref(s).properties as Record<string, Schema>)[key]);
  return deref(s);
}

describe('editor JSON schemas from the OpenAPI documents', () => {
  it('makes one schema per lesson kind with its apiVersion', () => {
    const got = EDITOR_KINDS.map((k) => {
      const s = kindJsonSchema(k);
      return `${s.apiVersion} ${s.kind}`;
    });
    expect(got).toEqual([
      'apps/v1 Deployment',
      'apps/v1 ReplicaSet',
      'v1 ReplicationController',
      'v1 Pod',
      'v1 Service',
      'v1 ConfigMap',
      'v1 Namespace',
    ]);
    expect(() => kindJsonSchema('Ingress')).toThrow(/does not serve kind Ingress/);
  });

  it('accepts every manifest the lessons ship', () => {
    const files = readdirSync(manifestsDir).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      for (const doc of docs(readFileSync(new URL(f, manifestsDir), 'utf8'))) {
        expect({ file: f, problems: validate(combined, doc) }).toEqual({ file: f, problems: [] });
      }
    }
  });

  it('accepts what kubectl edit opens (with status, or a List of several objects)', async () => {
    const { sandbox, fs } = await prepareLesson({
      cluster: {
        apply: ['kubia-rc-and-service-v1.yaml', 'kubia-deployment-v1.yaml'],
        commands: [],
        wait: 60,
      },
      files: [],
    });
    let out = '';
    for (const line of ['kubectl get deploy kubia -o yaml', 'kubectl get po,svc,rc -o yaml']) {
      out = await runHeadless(sandbox, fs, line);
      const [doc] = docs(out);
      expect(validate(combined, doc)).toEqual([]);
    }
    expect(out).toContain('kind: List');
  });

  it('flags unknown fields, wrong types and a wrong apiVersion the way the server would refuse them', () => {
    const deploy = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'kubia', labelz: { app: 'kubia' } },
      spec: {
        replicas: 'three',
        selector: { matchLabels: { app: 'kubia' } },
        template: {
          metadata: { labels: { app: 'kubia' } },
          spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v1', imagePullPolicy: 'Sometimes' }] },
        },
      },
    };
    expect(validate(combined, deploy)).toEqual([
      '.metadata.labelz: unknown field',
      '.spec.replicas: expected integer|null, got string',
      '.spec.template.spec.containers[0].imagePullPolicy: not one of Always,IfNotPresent,Never,',
    ]);
    expect(
      validate(combined, { ...deploy, apiVersion: 'v1', metadata: { name: 'x' } }).length,
    ).toBeGreaterThan(0);
    // Quantities and int-or-strings take numbers and strings, as in real manifests.
    const strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } };
    const ok = { ...deploy, metadata: { name: 'kubia' }, spec: { ...deploy.spec, replicas: 3, strategy } };
    ok.spec.template.spec.containers[0].imagePullPolicy = 'IfNotPresent';
    expect(validate(combined, ok)).toEqual([]);
  });

  it('carries the descriptions hover shows and the values completion offers', () => {
    const deploy = kindJsonSchema('Deployment').schema;
    expect(node(deploy, ['spec', 'minReadySeconds']).description).toMatch(/ready/i);
    expect(node(deploy, ['spec', 'strategy', 'type']).enum).toEqual(['Recreate', 'RollingUpdate', null]);
    expect(node(deploy, ['kind']).enum).toEqual(['Deployment']);
    expect(node(deploy, ['apiVersion']).enum).toEqual(['apps/v1']);
    const svc = kindJsonSchema('Service').schema;
    expect(node(svc, ['spec', 'type']).enum).toContain('LoadBalancer');
    // The schema is self-contained: every ref resolves inside it.
    const text = JSON.stringify(combined);
    const defs = combined.definitions as Record<string, unknown>;
    for (const m of text.matchAll(/"#\/definitions\/([^"]+)"/g)) expect(defs).toHaveProperty([m[1]]);
  });
});
