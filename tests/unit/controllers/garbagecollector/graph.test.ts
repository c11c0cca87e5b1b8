/**
 * The ownership graph keeps one node per object; a new version of an object that changes nothing
 * the graph holds (a pod status write) keeps its node, any change of owners, finalizers or the
 * deletion state gives a new one.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject, OwnerReference } from '../../../../sandbox/api/types';
import { nodeOf, sameNode } from '../../../../sandbox/controllers/garbagecollector/graph';

// A stored object's lists are frozen and shared by its versions.
const owners = Object.freeze([
  Object.freeze({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'rs1', controller: true }),
]) as OwnerReference[];
const pod = (metadata: Partial<KubeObject['metadata']>, status = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { namespace: 'default', name: 'web-1-a', uid: 'p1', ownerReferences: owners, ...metadata },
  status,
});

describe('sameNode', () => {
  it('keeps the node for a version that only changes status or resourceVersion', () => {
    const node = nodeOf('pods', pod({ resourceVersion: '1' }));
    expect(sameNode(node, 'pods', pod({ resourceVersion: '2' }, { phase: 'Running' }))).toBe(true);
    expect(
      sameNode(
        nodeOf('pods', pod({ ownerReferences: undefined })),
        'pods',
        pod({ ownerReferences: undefined }),
      ),
    ).toBe(true);
  });

  it('makes a new node when owners, finalizers, deletion or identity change', () => {
    const node = nodeOf('pods', pod({}));
    expect(sameNode(node, 'pods', pod({ ownerReferences: [...owners] }))).toBe(false);
    expect(sameNode(node, 'pods', pod({ ownerReferences: undefined }))).toBe(false);
    expect(sameNode(node, 'pods', pod({ finalizers: ['foregroundDeletion'] }))).toBe(false);
    expect(sameNode(node, 'pods', pod({ deletionTimestamp: '2026-01-01T00:00:00Z' }))).toBe(false);
    expect(sameNode(node, 'pods', pod({ uid: 'p2' }))).toBe(false);
    expect(sameNode(node, 'replicasets', pod({}))).toBe(false);
  });
});
