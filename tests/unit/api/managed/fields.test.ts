import { describe, expect, it } from 'vitest';
import {
  difference,
  intersection,
  isMember,
  members,
  union,
  type Fields,
} from '../../../../sandbox/api/managed/fields';
import { keyElement, pathString } from '../../../../sandbox/api/managed/path';

const a: Fields = { 'f:spec': { 'f:replicas': {}, 'f:template': { 'f:labels': { '.': {}, 'f:app': {} } } } };
const b: Fields = { 'f:spec': { 'f:replicas': {}, 'f:paused': {} } };

describe('field sets in FieldsV1 form', () => {
  it('a leaf and a node with `.` are members; a node with children only is not', () => {
    expect(isMember({})).toBe(true);
    expect(isMember({ '.': {}, 'f:app': {} })).toBe(true);
    expect(isMember({ 'f:app': {} })).toBe(false);
  });

  it('union keeps both, and a leaf member that gains children keeps its membership as `.`', () => {
    expect(union(a, b)).toEqual({
      'f:spec': { 'f:replicas': {}, 'f:paused': {}, 'f:template': { 'f:labels': { '.': {}, 'f:app': {} } } },
    });
    expect(union({ 'f:labels': {} }, { 'f:labels': { 'f:app': {} } })).toEqual({
      'f:labels': { '.': {}, 'f:app': {} },
    });
    // Nothing new: the same set comes back (no copy for a writer rewriting its own fields).
    expect(union(a, { 'f:spec': { 'f:replicas': {} } })).toBe(a);
  });

  it('difference removes members only: children of a removed member stay', () => {
    expect(difference(a, b)).toEqual({
      'f:spec': { 'f:template': { 'f:labels': { '.': {}, 'f:app': {} } } },
    });
    expect(difference(a, { 'f:spec': { 'f:template': { 'f:labels': {} } } })).toEqual({
      'f:spec': { 'f:replicas': {}, 'f:template': { 'f:labels': { 'f:app': {} } } },
    });
    expect(difference(b, b)).toEqual({});
  });

  it('intersection keeps common members', () => {
    expect(intersection(a, b)).toEqual({ 'f:spec': { 'f:replicas': {} } });
    expect(intersection(a, { 'f:status': {} })).toEqual({});
  });

  it('lists members and prints paths as conflicts show them', () => {
    const set: Fields = {
      'f:spec': {
        'f:replicas': {},
        'f:containers': { 'k:{"name":"kubia"}': { '.': {}, 'f:image': {} } },
        'f:ports': { 'k:{"containerPort":8080,"protocol":"TCP"}': {} },
        'f:finalizers': { 'v:"x"': {} },
      },
    };
    expect(members(set).map(pathString)).toEqual([
      '.spec.replicas',
      '.spec.containers[name="kubia"]',
      '.spec.containers[name="kubia"].image',
      '.spec.finalizers[="x"]',
      '.spec.ports[containerPort=8080,protocol="TCP"]',
    ]);
  });

  it('keys list-map items by their keys sorted by name, with the protocol default', () => {
    expect(keyElement({ protocol: 'UDP', containerPort: 53 }, ['containerPort', 'protocol'])).toBe(
      'k:{"containerPort":53,"protocol":"UDP"}',
    );
    expect(keyElement({ containerPort: 80 }, ['containerPort', 'protocol'])).toBe(
      'k:{"containerPort":80,"protocol":"TCP"}',
    );
    expect(keyElement({ image: 'x' }, ['name'])).toBeUndefined();
  });
});
