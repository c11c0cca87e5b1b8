import { describe, expect, it } from 'vitest';
import { start as startNamespace } from '../../../../sandbox/controllers/namespace/index';
import { start as startGC } from '../../../../sandbox/controllers/garbagecollector/index';
import { start as startEndpoints } from '../../../../sandbox/controllers/endpoints/index';
import { harness, podInput, serviceInput } from '../endpoints/harness';

describe('namespace controller', () => {
  it('deletes the content, then the namespace', () => {
    const h = harness([startNamespace, startGC, startEndpoints]);
    const { api } = h.ctx;
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    api.create(podInput('p1', { app: 'x' }, { namespace: 'shop' }));
    api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'shop' } });
    api.create({ ...serviceInput('x', { app: 'x' }), metadata: { name: 'x', namespace: 'shop' } });
    h.settle();
    expect(api.list('endpointslices', 'shop').items).toHaveLength(1);
    api.delete('namespaces', undefined, 'shop');
    expect(api.get('namespaces', undefined, 'shop').status).toEqual({ phase: 'Terminating' });
    h.settle();
    expect(api.exists('namespaces', undefined, 'shop')).toBe(false);
    for (const plural of [
      'pods',
      'configmaps',
      'services',
      'endpoints',
      'endpointslices',
      'resourcequotas',
    ]) {
      expect(api.list(plural, 'shop').items, plural).toHaveLength(0);
    }
  });

  it('waits for gracefully terminating pods', () => {
    const h = harness([startNamespace]);
    const { api } = h.ctx;
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'slow' } });
    api.create(podInput('p1', { app: 'x' }, { namespace: 'slow', node: 'node-1' }));
    h.settle();
    api.delete('namespaces', undefined, 'slow');
    h.settle(10);
    expect(api.get('namespaces', undefined, 'slow').metadata.deletionTimestamp).toBeDefined();
    expect(api.get('pods', 'slow', 'p1').metadata.deletionTimestamp).toBeDefined();
    // What the kubelet does once the container stopped.
    api.delete('pods', 'slow', 'p1', { gracePeriodSeconds: 0 });
    h.settle();
    expect(api.exists('namespaces', undefined, 'slow')).toBe(false);
  });
});
