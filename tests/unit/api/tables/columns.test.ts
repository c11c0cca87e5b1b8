import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../../../sandbox/api/resources';
import { hasPrinter, printerFor, toTable } from '../../../../sandbox/api/tables';
import { NAME_COLUMN, AGE_COLUMN } from '../../../../sandbox/api/tables/columns';
import { META_CREATION_TIMESTAMP, META_NAME } from '../../../../sandbox/api/tables/descriptions';
import { NOW, resource } from './fixtures';

/** [name, type, priority] of each column, in order, as printers.go (v1.32) defines them. */
const EXPECTED: Record<string, Array<[string, string, number]>> = {
  pods: [
    ['Name', 'string', 0],
    ['Ready', 'string', 0],
    ['Status', 'string', 0],
    ['Restarts', 'string', 0],
    ['Age', 'string', 0],
    ['IP', 'string', 1],
    ['Node', 'string', 1],
    ['Nominated Node', 'string', 1],
    ['Readiness Gates', 'string', 1],
  ],
  deployments: [
    ['Name', 'string', 0],
    ['Ready', 'string', 0],
    ['Up-to-date', 'string', 0],
    ['Available', 'string', 0],
    ['Age', 'string', 0],
    ['Containers', 'string', 1],
    ['Images', 'string', 1],
    ['Selector', 'string', 1],
  ],
  replicasets: [
    ['Name', 'string', 0],
    ['Desired', 'integer', 0],
    ['Current', 'integer', 0],
    ['Ready', 'integer', 0],
    ['Age', 'string', 0],
    ['Containers', 'string', 1],
    ['Images', 'string', 1],
    ['Selector', 'string', 1],
  ],
  replicationcontrollers: [
    ['Name', 'string', 0],
    ['Desired', 'integer', 0],
    ['Current', 'integer', 0],
    ['Ready', 'integer', 0],
    ['Age', 'string', 0],
    ['Containers', 'string', 1],
    ['Images', 'string', 1],
    ['Selector', 'string', 1],
  ],
  services: [
    ['Name', 'string', 0],
    ['Type', 'string', 0],
    ['Cluster-IP', 'string', 0],
    ['External-IP', 'string', 0],
    ['Port(s)', 'string', 0],
    ['Age', 'string', 0],
    ['Selector', 'string', 1],
  ],
  endpoints: [
    ['Name', 'string', 0],
    ['Endpoints', 'string', 0],
    ['Age', 'string', 0],
  ],
  endpointslices: [
    ['Name', 'string', 0],
    ['AddressType', 'string', 0],
    ['Ports', 'string', 0],
    ['Endpoints', 'string', 0],
    ['Age', 'string', 0],
  ],
  namespaces: [
    ['Name', 'string', 0],
    ['Status', 'string', 0],
    ['Age', 'string', 0],
  ],
  nodes: [
    ['Name', 'string', 0],
    ['Status', 'string', 0],
    ['Roles', 'string', 0],
    ['Age', 'string', 0],
    ['Version', 'string', 0],
    ['Internal-IP', 'string', 1],
    ['External-IP', 'string', 1],
    ['OS-Image', 'string', 1],
    ['Kernel-Version', 'string', 1],
    ['Container-Runtime', 'string', 1],
  ],
  configmaps: [
    ['Name', 'string', 0],
    ['Data', 'string', 0],
    ['Age', 'string', 0],
  ],
  events: [
    ['Last Seen', 'string', 0],
    ['Type', 'string', 0],
    ['Reason', 'string', 0],
    ['Object', 'string', 0],
    ['Subobject', 'string', 1],
    ['Source', 'string', 1],
    ['Message', 'string', 0],
    ['First Seen', 'string', 1],
    ['Count', 'string', 1],
    ['Name', 'string', 1],
  ],
  resourcequotas: [
    ['Name', 'string', 0],
    ['Age', 'string', 0],
    ['Request', 'string', 0],
    ['Limit', 'string', 0],
  ],
};

describe('column definitions', () => {
  it('every served resource has its own printer', () => {
    expect(RESOURCES.filter((r) => !hasPrinter(r)).map((r) => r.plural)).toEqual([]);
    expect(Object.keys(EXPECTED).sort()).toEqual(RESOURCES.map((r) => r.plural).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (plural, want) => {
    const cols = toTable(resource(plural), [], { now: NOW }).columnDefinitions;
    expect(cols.map((c) => [c.name, c.type, c.priority])).toEqual(want);
    for (const c of cols) {
      expect(c.format).toBe(c.name === 'Name' ? 'name' : '');
      expect(c.description.length).toBeGreaterThan(0);
    }
  });

  it('Name and Age carry the ObjectMeta swagger docs', () => {
    expect(NAME_COLUMN).toEqual({
      name: 'Name',
      type: 'string',
      format: 'name',
      description: META_NAME,
      priority: 0,
    });
    expect(AGE_COLUMN).toEqual({
      name: 'Age',
      type: 'string',
      format: '',
      description: META_CREATION_TIMESTAMP,
      priority: 0,
    });
    expect(META_NAME).toMatch(/^Name must be unique within a namespace\. /);
    expect(META_CREATION_TIMESTAMP).toContain('\n\nPopulated by the system. Read-only. Null for lists.');
  });

  it('a resource without a printer gets the default Name / Created At table', () => {
    const cols = printerFor({ group: 'example.com', plural: 'widgets' }).columns;
    expect(cols.map((c) => [c.name, c.type, c.format, c.priority])).toEqual([
      ['Name', 'string', 'name', 0],
      ['Created At', 'date', '', 0],
    ]);
    expect(cols[1].description).toBe(META_CREATION_TIMESTAMP);
  });

  it('selected descriptions match upstream', () => {
    const pods = printerFor(resource('pods')).columns;
    expect(pods[1].description).toBe('The aggregate readiness state of this pod for accepting traffic.');
    expect(pods[3].description).toBe(
      'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    );
    expect(printerFor(resource('deployments')).columns[1].description).toBe(
      'Number of the pod with ready state',
    );
    expect(printerFor(resource('replicasets')).columns[3].description).toBe(
      'The number of ready replicas for this replica set.',
    );
    expect(printerFor(resource('nodes')).columns[1].description).toBe('The status of the node');
    expect(printerFor(resource('events')).columns[3].description).toBe(
      'The object that this event is about.',
    );
  });
});
