import { describe, expect, it } from 'vitest';
import {
  parseFieldSelector,
  matchesFields,
  FieldSelectorError,
} from '../../../../sandbox/api/selectors/fields';
import type { KubeObject } from '../../../../sandbox/api/types';

const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'kubia-abcde', namespace: 'default' },
  spec: { nodeName: 'node-1' },
  status: { phase: 'Running' },
};
const event: KubeObject = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'kubia.1', namespace: 'default' },
  involvedObject: { kind: 'Deployment', name: 'kubia', namespace: 'default', uid: 'u1' },
  reason: 'ScalingReplicaSet',
  type: 'Normal',
  source: { component: 'deployment-controller' },
};

describe('field selectors', () => {
  it.each([
    ['pods', pod, 'metadata.name=kubia-abcde', true],
    ['pods', pod, 'metadata.name==kubia-abcde', true],
    ['pods', pod, 'metadata.name!=kubia-abcde', false],
    ['pods', pod, 'metadata.namespace=default,status.phase=Running', true],
    ['pods', pod, 'status.phase!=Running', false],
    ['pods', pod, 'spec.nodeName=node-2', false],
    ['events', event, 'involvedObject.kind=Deployment,involvedObject.name=kubia', true],
    ['events', event, 'involvedObject.uid=u1', true],
    ['events', event, 'reason=ScalingReplicaSet,type=Normal', true],
    ['events', event, 'source=deployment-controller', true],
    ['events', event, 'involvedObject.name=other', false],
  ] as const)('%s %j', (resource, obj, sel, expected) => {
    expect(matchesFields(parseFieldSelector(sel, resource), obj)).toBe(expected);
  });

  it('rejects field labels the resource does not support', () => {
    expect(() => parseFieldSelector('spec.replicas=3', 'deployments')).toThrow(FieldSelectorError);
    expect(() => parseFieldSelector('spec.replicas=3', 'deployments')).toThrow(
      'field label not supported: spec.replicas',
    );
    expect(() => parseFieldSelector('status.phase=Running', 'services')).toThrow(
      'field label not supported: status.phase',
    );
  });

  it('rejects terms without an operator', () => {
    expect(() => parseFieldSelector('metadata.name', 'pods')).toThrow(
      "invalid selector: 'metadata.name'; can't understand 'metadata.name'",
    );
  });
});
