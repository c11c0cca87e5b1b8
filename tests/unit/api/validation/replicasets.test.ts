/** ReplicaSet and ReplicationController validation (controllers.md §1.5 notes). */
import { describe, expect, it } from 'vitest';
import { createErrors, replicaSet, updateErrors, type Json } from './helpers';

function rc(patch: (r: Json & { spec: Json }) => void = () => {}): Json {
  const r = {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name: 'kubia', namespace: 'default' },
    spec: {
      replicas: 3,
      template: {
        metadata: { labels: { app: 'kubia' } },
        spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] },
      },
    } as Json,
  };
  patch(r);
  return r;
}

describe('ReplicaSet validation', () => {
  it.each<[string, (r: Json & { spec: Json }) => void, string[]]>([
    ['valid', () => {}, []],
    [
      'negative replicas and minReadySeconds, in that order',
      (r) => {
        r.spec.minReadySeconds = -5;
        r.spec.replicas = -1;
      },
      [
        'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
        'spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0',
      ],
    ],
    [
      'empty selector reuses the Deployment wording',
      (r) => (r.spec.selector = { matchLabels: {} }),
      [
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
      ],
    ],
    [
      'missing selector',
      (r) => delete r.spec.selector,
      [
        'spec.selector: Required value',
        'spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`',
      ],
    ],
    [
      'restartPolicy Never and activeDeadlineSeconds',
      (r) => {
        const spec = (r.spec.template as Json).spec as Json;
        spec.restartPolicy = 'Never';
        spec.activeDeadlineSeconds = 10;
      },
      [
        'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
        'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
      ],
    ],
    [
      'an unknown restartPolicy fails the pod spec check and the workload check',
      (r) => (((r.spec.template as Json).spec as Json).restartPolicy = 'Sometimes'),
      [
        'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
        'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always"',
      ],
    ],
  ])('%s', (_n, patch, expected) => {
    expect(createErrors(replicaSet(patch))).toEqual(expected);
  });

  it('the selector is immutable in apps/v1', () => {
    const next = replicaSet((r) => {
      r.spec.selector = { matchLabels: { app: 'nginx', tier: 'web' } };
      ((r.spec.template as Json).metadata as Json).labels = { app: 'nginx', tier: 'web' };
    });
    expect(updateErrors(next, replicaSet())).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"nginx", "tier":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });
});

describe('ReplicationController validation', () => {
  it('a manifest without a selector is valid: it defaults from the template labels', () => {
    expect(createErrors(rc())).toEqual([]);
  });

  it.each<[string, (r: Json & { spec: Json }) => void, string[]]>([
    [
      'no selector and no template labels',
      (r) => ((r.spec.template as Json).metadata = {}),
      ['spec.selector: Required value'],
    ],
    [
      'no template',
      (r) => delete r.spec.template,
      ['spec.selector: Required value', 'spec.template: Required value'],
    ],
    [
      'restartPolicy OnFailure',
      (r) => (((r.spec.template as Json).spec as Json).restartPolicy = 'OnFailure'),
      ['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'],
    ],
    [
      'selector does not match',
      (r) => (r.spec.selector = { app: 'other' }),
      [
        'spec.template.metadata.labels: Invalid value: map[string]string{"app":"kubia"}: `selector` does not match template `labels`',
      ],
    ],
    [
      'order: minReadySeconds, selector, replicas, template',
      (r) => {
        r.spec.replicas = -1;
        r.spec.minReadySeconds = -1;
        (r.spec.template as Json).metadata = {};
        ((r.spec.template as Json).spec as Json).activeDeadlineSeconds = 5;
      },
      [
        'spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0',
        'spec.selector: Required value',
        'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
        'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicationController is not Supported',
      ],
    ],
  ])('%s', (_n, patch, expected) => {
    expect(createErrors(rc(patch))).toEqual(expected);
  });

  it('the selector is mutable', () => {
    const next = rc((r) => {
      r.spec.selector = { app: 'kubia', v: '2' };
      ((r.spec.template as Json).metadata as Json).labels = { app: 'kubia', v: '2' };
    });
    expect(updateErrors(next, rc())).toEqual([]);
  });
});
