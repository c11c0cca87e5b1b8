/**
 * Every Deployment message of controllers.md §1.5, with the expected lines copied from the spec
 * (and from upstream pkg/apis/apps/validation where the spec gives none).
 */
import { describe, expect, it } from 'vitest';
import { createErrors, deployment, updateErrors, type Json } from './helpers';

type Case = [string, (d: Json & { spec: Json }) => void, string[]];

const strategy = (d: Json & { spec: Json }, s: Json): void => {
  d.spec.strategy = s;
};

const cases: Case[] = [
  ['a valid Deployment', () => {}, []],
  [
    'negative replicas',
    (d) => (d.spec.replicas = -1),
    ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
  ],
  [
    'missing selector (two errors: a nil selector matches nothing)',
    (d) => delete d.spec.selector,
    [
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`',
    ],
  ],
  [
    'empty selector {}',
    (d) => (d.spec.selector = {}),
    [
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ],
  ],
  [
    'selector does not match template labels',
    (d) => ((d.spec.template as Json).metadata = { labels: { app: 'web' } }),
    [
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ],
  ],
  [
    'template restartPolicy not Always',
    (d) => (((d.spec.template as Json).spec as Json).restartPolicy = 'OnFailure'),
    ['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'],
  ],
  [
    'template sets activeDeadlineSeconds',
    (d) => (((d.spec.template as Json).spec as Json).activeDeadlineSeconds = 30),
    [
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
    ],
  ],
  [
    'no containers',
    (d) => (((d.spec.template as Json).spec as Json).containers = []),
    ['spec.template.spec.containers: Required value'],
  ],
  [
    'container without name and image',
    (d) => (((d.spec.template as Json).spec as Json).containers = [{}]),
    [
      'spec.template.spec.containers[0].name: Required value',
      'spec.template.spec.containers[0].image: Required value',
    ],
  ],
  [
    'strategy type unknown (the internal struct is printed)',
    (d) => strategy(d, { type: 'BlueGreen' }),
    [
      'spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"',
    ],
  ],
  [
    'Recreate with a rollingUpdate block',
    (d) => strategy(d, { type: 'Recreate', rollingUpdate: { maxSurge: 1 } }),
    ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
  ],
  [
    'negative maxSurge',
    (d) => strategy(d, { type: 'RollingUpdate', rollingUpdate: { maxSurge: -1 } }),
    ['spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0'],
  ],
  [
    'maxSurge "abc"',
    (d) => strategy(d, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 'abc' } }),
    [
      "spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"abc\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ],
  ],
  [
    'maxSurge "5" (a string that is not a percent)',
    (d) => strategy(d, { type: 'RollingUpdate', rollingUpdate: { maxSurge: '5' } }),
    [
      "spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"5\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ],
  ],
  [
    'maxSurge 0 and maxUnavailable 0',
    (d) => strategy(d, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }),
    [
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ],
  ],
  [
    'maxSurge "0%" and maxUnavailable "0%"',
    (d) => strategy(d, { type: 'RollingUpdate', rollingUpdate: { maxSurge: '0%', maxUnavailable: '0%' } }),
    [
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0',
    ],
  ],
  [
    'maxSurge "0%" and maxUnavailable 0',
    (d) => strategy(d, { type: 'RollingUpdate', rollingUpdate: { maxSurge: '0%', maxUnavailable: 0 } }),
    [
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ],
  ],
  [
    'maxSurge "abc" counts as 0 in the both-zero check',
    (d) => strategy(d, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 'abc', maxUnavailable: 0 } }),
    [
      "spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"abc\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ],
  ],
  [
    'maxSurge 0 and maxUnavailable "0%"',
    (d) => strategy(d, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } }),
    [
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0',
    ],
  ],
  [
    'maxUnavailable "110%"',
    (d) => strategy(d, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '110%' } }),
    [
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"110%"}: must not be greater than 100%',
    ],
  ],
  [
    'maxSurge above 100% is fine',
    (d) => strategy(d, { type: 'RollingUpdate', rollingUpdate: { maxSurge: '200%' } }),
    [],
  ],
  [
    'only maxUnavailable 0: maxSurge defaults to 25%, which is fine',
    (d) => strategy(d, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0 } }),
    [],
  ],
  [
    'negative minReadySeconds and revisionHistoryLimit',
    (d) => {
      d.spec.minReadySeconds = -1;
      d.spec.revisionHistoryLimit = -1;
    },
    [
      'spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0',
      'spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0',
    ],
  ],
  [
    'progressDeadlineSeconds <= minReadySeconds',
    (d) => {
      d.spec.progressDeadlineSeconds = 10;
      d.spec.minReadySeconds = 10;
    },
    ['spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds'],
  ],
  [
    'bad name My_App',
    (d) => ((d.metadata as Json).name = 'My_App'),
    [
      "metadata.name: Invalid value: \"My_App\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ],
  ],
  [
    'several errors come in upstream order',
    (d) => {
      d.spec.replicas = -1;
      ((d.spec.template as Json).metadata as Json).labels = { app: 'true' };
      ((d.spec.template as Json).spec as Json).containers = [{ name: 'c' }];
    },
    [
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"true"}: `selector` does not match template `labels`',
      'spec.template.spec.containers[0].image: Required value',
    ],
  ],
  [
    'an invalid selector skips the template checks',
    (d) => (d.spec.selector = { matchExpressions: [{ key: 'app', operator: 'Is', values: ['x'] }] }),
    [
      'spec.selector.matchExpressions[0].operator: Invalid value: "Is": not a valid selector operator',
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"Is", Values:[]string{"x"}}}}: invalid label selector',
    ],
  ],
  [
    'matchExpressions that match the template are fine',
    (d) =>
      (d.spec.selector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['nginx', 'web'] }] }),
    [],
  ],
];

describe('Deployment validation (controllers.md §1.5)', () => {
  it.each(cases)('%s', (_name, patch, expected) => {
    expect(createErrors(deployment(patch))).toEqual(expected);
  });

  it('the kubectl example without a selector', () => {
    const d = deployment((x) => delete x.spec.selector);
    (d.metadata as Json).name = 'kubia2';
    ((d.spec as Json).template as Json).metadata = { labels: { app: 'kubia' } };
    expect(createErrors(d)).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"kubia"}: `selector` does not match template `labels`',
    ]);
  });

  it('map values print with keys sorted', () => {
    const d = deployment(
      (x) => ((x.spec.template as Json).metadata = { labels: { tier: 'fe', app: 'web', 'a/b': 'c' } }),
    );
    expect(createErrors(d)).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"a/b":"c", "app":"web", "tier":"fe"}: `selector` does not match template `labels`',
    ]);
  });
});

describe('Deployment update', () => {
  it('an unchanged update is valid', () => {
    expect(updateErrors(deployment(), deployment())).toEqual([]);
  });

  it('changing spec.selector is rejected with the new value printed', () => {
    const next = deployment((d) => {
      d.spec.selector = { matchLabels: { app: 'new' } };
      ((d.spec.template as Json).metadata as Json).labels = { app: 'new' };
    });
    expect(updateErrors(next, deployment())).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"new"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });

  it('removing the selector: required, mismatch, then immutable (nil prints as "null")', () => {
    const next = deployment((d) => delete d.spec.selector);
    expect(updateErrors(next, deployment())).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`',
      'spec.selector: Invalid value: "null": field is immutable',
    ]);
  });

  it('the name is not re-validated on update, but may not change', () => {
    const old = deployment();
    const next = deployment((d) => ((d.metadata as Json).name = 'other'));
    expect(updateErrors(next, old)).toEqual(['metadata.name: Invalid value: "other": field is immutable']);
  });

  it('other spec changes are fine (replicas, template, strategy)', () => {
    const next = deployment((d) => {
      d.spec.replicas = 5;
      d.spec.strategy = { type: 'Recreate' };
      (((d.spec.template as Json).spec as Json).containers as Json[])[0].image = 'nginx:1.28';
    });
    expect(updateErrors(next, deployment())).toEqual([]);
  });
});
