/** ConfigMap keys and immutability; Namespace names and finalizers; metadata-only kinds. */
import { describe, expect, it } from 'vitest';
import { createErrors, updateErrors, type Json } from './helpers';

const configMap = (extra: Json): Json => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'cfg', namespace: 'default' },
  ...extra,
});

describe('ConfigMap', () => {
  it('valid keys', () => {
    expect(
      createErrors(configMap({ data: { 'app.properties': 'a=1', KEY_NAME: 'x', 'key-name': 'y' } })),
    ).toEqual([]);
  });

  it('bad keys, in key order', () => {
    expect(createErrors(configMap({ data: { 'bad key': '1', '..x': '2' } }))).toEqual([
      'data[..x]: Invalid value: "..x": must not start with \'..\'',
      "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
  });

  it('a key in data and binaryData', () => {
    expect(createErrors(configMap({ data: { a: '1' }, binaryData: { a: 'AQ==' } }))).toEqual([
      'data[a]: Invalid value: "a": duplicate of key present in binaryData',
    ]);
  });

  it('more than 1 MiB', () => {
    expect(createErrors(configMap({ data: { a: 'x'.repeat(1024 * 1024 + 1) } }))).toEqual([
      ': Too long: may not be more than 1048576 bytes',
    ]);
  });

  it('immutable ConfigMaps', () => {
    const old = configMap({ data: { a: '1' }, immutable: true });
    expect(updateErrors(configMap({ data: { a: '2' }, immutable: true }), old)).toEqual([
      'data: Forbidden: field is immutable when `immutable` is set',
    ]);
    expect(updateErrors(configMap({ data: { a: '1' } }), old)).toEqual([
      'immutable: Forbidden: field is immutable when `immutable` is set',
    ]);
    expect(updateErrors(configMap({ data: { a: '2' } }), configMap({ data: { a: '1' } }))).toEqual([]);
  });
});

describe('Namespace', () => {
  const ns = (extra: Json): Json => ({ apiVersion: 'v1', kind: 'Namespace', ...extra });

  it('valid, with the default label and finalizer', () => {
    expect(createErrors(ns({ metadata: { name: 'team-a' }, spec: { finalizers: ['kubernetes'] } }))).toEqual(
      [],
    );
  });

  it('spec.finalizers must be qualified (no index in the path)', () => {
    expect(createErrors(ns({ metadata: { name: 'team-a' }, spec: { finalizers: ['cleanup'] } }))).toEqual([
      'spec.finalizers: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified',
    ]);
  });

  it('updates only check metadata', () => {
    expect(
      updateErrors(ns({ metadata: { name: 'a', labels: { x: 'y' } } }), ns({ metadata: { name: 'a' } })),
    ).toEqual([]);
  });
});

describe('kinds validated on metadata only', () => {
  it('Event and Node names', () => {
    const event = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'Kubia.1', namespace: 'default' } };
    expect(createErrors(event)[0]).toMatch(
      /^metadata\.name: Invalid value: "Kubia\.1": a lowercase RFC 1123 subdomain/,
    );
    expect(createErrors({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } })).toEqual([]);
  });

  it('Endpoints need addresses and valid IPs', () => {
    const ep = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kubia', namespace: 'default' },
      subsets: [{ addresses: [{ ip: '10.244.1.5' }], ports: [{ port: 8080 }] }, { ports: [{ port: 80 }] }],
    };
    expect(createErrors(ep)).toEqual([
      'subsets[1]: Required value: must specify `addresses` or `notReadyAddresses`',
    ]);
  });
});
