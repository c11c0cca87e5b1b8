/**
 * Bodies as kubectl's typed client sends them, to the JSON Go's encoding/json writes for the same
 * struct: the spec's 57-byte namespace, two bodies captured from a real kubectl v1.32, and bodies
 * built with the test encoder for the rules (zero values, omitempty, pointers, maps, times, bytes).
 */
import { describe, expect, it } from 'vitest';
import { decodeProtobufBody, type ExpectedKind } from '../../../../sandbox/server/protobuf/request';
import { entry, envelope, fromHex, int, key, ld, msg, varint } from './encode';

const NAMESPACE: ExpectedKind = { group: '', version: 'v1', kind: 'Namespace' };
const CONFIGMAP: ExpectedKind = { group: '', version: 'v1', kind: 'ConfigMap' };
const SECRET: ExpectedKind = { group: '', version: 'v1', kind: 'Secret' };
const DEPLOYMENT: ExpectedKind = { group: 'apps', version: 'v1', kind: 'Deployment' };
const SERVICE: ExpectedKind = { group: '', version: 'v1', kind: 'Service' };

describe('bodies a real kubectl sends', () => {
  it('decodes the 57-byte `kubectl create namespace custom` body of the wire spec', () => {
    const body = Uint8Array.from([
      ...[0x6b, 0x38, 0x73, 0x00],
      ...[0x0a, 0x0f, 0x0a, 0x02, ...'v1'.split('').map((c) => c.charCodeAt(0))],
      ...[0x12, 0x09, ...'Namespace'.split('').map((c) => c.charCodeAt(0))],
      ...[0x12, 0x1e, 0x0a, 0x16, 0x0a, 0x06, ...'custom'.split('').map((c) => c.charCodeAt(0))],
      ...[0x12, 0x00, 0x1a, 0x00, 0x22, 0x00, 0x2a, 0x00, 0x32, 0x00, 0x38, 0x00, 0x42, 0x00],
      ...[0x12, 0x00, 0x1a, 0x02, 0x0a, 0x00],
      ...[0x1a, 0x00, 0x22, 0x00],
    ]);
    expect(body).toHaveLength(57);
    expect(decodeProtobufBody(body, NAMESPACE)).toEqual({
      kind: 'Namespace',
      apiVersion: 'v1',
      metadata: { name: 'custom', creationTimestamp: null },
      spec: {},
      status: {},
    });
  });

  it('decodes `kubectl create deployment kubia --image=luksa/kubia:v1 --replicas=3 --port=8080`', () => {
    // Captured from kubectl v1.32.5; the expected JSON is its `--dry-run=client -o json`.
    const body = fromHex(
      '6b3873000a150a07617070732f7631120a4465706c6f796d656e7412ca010a230a056b7562696112001a0022002a00320038' +
        '0042005a0c0a0361707012056b756269611294010803120e0a0c0a0361707012056b756269611a780a1e0a0012001a00' +
        '22002a003200380042005a0c0a0361707012056b75626961125612380a056b75626961120e6c756b73612f6b75626961' +
        '3a76312a00320b0a00100018903f22002a0042006a007200800100880100900100a201001a00320042004a0052005800' +
        '600068008201008a01009a0100c2010022020a00280038001a0c0800100018002000280038001a002200',
    );
    expect(decodeProtobufBody(body, DEPLOYMENT)).toEqual({
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name: 'kubia', creationTimestamp: null, labels: { app: 'kubia' } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'kubia' } },
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'kubia' } },
          spec: {
            containers: [
              { name: 'kubia', image: 'luksa/kubia:v1', ports: [{ containerPort: 8080 }], resources: {} },
            ],
          },
        },
        strategy: {},
      },
      status: {},
    });
  });

  it('decodes `kubectl create service clusterip kubia --tcp=80:8080`', () => {
    const body = fromHex(
      '6b3873000a0d0a027631120753657276696365126f0a230a056b7562696112001a0022002a003200380042005a0c0a03617070' +
        '12056b7562696112440a1b0a0738302d38303830120354435018502207080010903f1a002800120c0a0361707012056b75' +
        '6269611a002209436c757374657249503a00420052005a00600068001a020a001a002200',
    );
    expect(decodeProtobufBody(body, SERVICE)).toEqual({
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { name: 'kubia', creationTimestamp: null, labels: { app: 'kubia' } },
      spec: {
        ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }],
        selector: { app: 'kubia' },
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    });
  });
});

describe("Go's JSON rules", () => {
  it('keeps a pointer that is zero, drops absent pointers and empty omitempty values', () => {
    const spec = [...int(1, 0), ...msg(3, msg(2, msg(2, ld(1, 'app'))))];
    const json = decodeProtobufBody(
      envelope('apps/v1', 'Deployment', [...msg(1, ld(1, 'd')), ...msg(2, spec)]),
      DEPLOYMENT,
    );
    const s = json.spec as Record<string, unknown>;
    expect(s.replicas).toBe(0);
    expect('revisionHistoryLimit' in s).toBe(false);
    // `selector` is a pointer without omitempty: null when absent. Absent structs are still written.
    expect(s.selector).toBeNull();
    expect(s.strategy).toEqual({});
    expect(s.template).toEqual({
      metadata: { creationTimestamp: null },
      spec: { containers: [{ name: 'app', resources: {} }] },
    });
  });

  it('writes `containers: null` when a pod template has none (the tag has no omitempty)', () => {
    const json = decodeProtobufBody(envelope('apps/v1', 'Deployment', msg(2, msg(3, msg(2)))), DEPLOYMENT);
    expect((json.spec as { template: { spec: unknown } }).template.spec).toEqual({ containers: null });
  });

  it('writes non-omitempty zero numbers (port, containerPort) and an IntOrString zero', () => {
    const json = decodeProtobufBody(envelope('v1', 'Service', msg(2, msg(1, ld(1, 'p')))), SERVICE);
    expect((json.spec as { ports: unknown[] }).ports).toEqual([{ name: 'p', port: 0, targetPort: 0 }]);
  });

  it('reads IntOrString as a string when its type is 1, and a negative int32', () => {
    const port = [...int(3, 80), ...msg(4, int(1, 1), int(2, 0), ld(3, 'http')), ...int(5, -5)];
    const json = decodeProtobufBody(envelope('v1', 'Service', msg(2, msg(1, port))), SERVICE);
    expect((json.spec as { ports: unknown[] }).ports).toEqual([
      { port: 80, targetPort: 'http', nodePort: -5 },
    ]);
  });

  it('decodes labels, annotations, data and binaryData (base64), sorted as Go writes maps', () => {
    const meta = msg(
      1,
      ld(1, 'cfg'),
      entry(11, 'tier', 'web'),
      entry(11, 'app', 'kubia'),
      entry(12, 'note', 'x'),
      entry(11, 'tier', 'backend'),
    );
    const raw = [...meta, ...entry(2, 'b', '2'), ...entry(2, 'a', '1'), ...entry(3, 'bin', [0, 1, 2, 0xff])];
    const json = decodeProtobufBody(envelope('v1', 'ConfigMap', raw), CONFIGMAP);
    expect(json).toEqual({
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: {
        name: 'cfg',
        creationTimestamp: null,
        labels: { app: 'kubia', tier: 'backend' },
        annotations: { note: 'x' },
      },
      data: { a: '1', b: '2' },
      binaryData: { bin: 'AAEC/w==' },
    });
    expect(Object.keys(json.data as object)).toEqual(['a', 'b']);
  });

  it('decodes Secret data as base64 and keeps type and stringData', () => {
    const raw = [
      ...msg(1, ld(1, 's')),
      ...entry(2, 'password', 'hunter2'),
      ...entry(2, 'empty', []),
      ...ld(3, 'Opaque'),
      ...entry(4, 'user', 'me'),
    ];
    expect(decodeProtobufBody(envelope('v1', 'Secret', raw), SECRET)).toEqual({
      kind: 'Secret',
      apiVersion: 'v1',
      metadata: { name: 's', creationTimestamp: null },
      data: { empty: '', password: 'aHVudGVyMg==' },
      stringData: { user: 'me' },
      type: 'Opaque',
    });
  });

  it('writes times as RFC 3339 in UTC (whole seconds), and an empty time as null', () => {
    const meta = msg(1, ld(1, 'n'), msg(8, int(1, 1767258000), int(2, 999_000_000)), msg(9), int(7, 4));
    const json = decodeProtobufBody(envelope('v1', 'Namespace', meta), NAMESPACE);
    expect(json.metadata).toEqual({
      name: 'n',
      generation: 4,
      creationTimestamp: '2026-01-01T09:00:00Z',
      deletionTimestamp: null,
    });
  });

  it('decodes strings as UTF-8, with U+FFFD for each invalid byte', () => {
    const raw = [
      ...msg(1, ld(1, 'n')),
      ...entry(2, 'k', [0xe2, 0x82, 0xac, 0x20, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
    ];
    const json = decodeProtobufBody(envelope('v1', 'ConfigMap', raw), CONFIGMAP);
    expect((json.data as Record<string, string>).k).toBe('€ \ufffd(\ufffd\ufffd\ufffd');
  });

  it('skips unknown fields of every wire type and keeps the known ones', () => {
    const meta = [
      ...ld(1, 'n'),
      ...int(99, 5),
      ...key(98, 1),
      ...[1, 2, 3, 4, 5, 6, 7, 8],
      ...key(97, 5),
      ...[1, 2, 3, 4],
      ...key(96, 3),
      ...ld(1, 'in a group'),
      ...key(96, 4),
      ...msg(17, ld(1, 'managedFields are skipped')),
    ];
    const raw = [...msg(1, ...[meta]), ...ld(50, 'future field'), ...entry(2, 'k', 'v')];
    expect(decodeProtobufBody(envelope('v1', 'ConfigMap', raw), CONFIGMAP)).toEqual({
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { name: 'n', creationTimestamp: null },
      data: { k: 'v' },
    });
  });

  it('merges repeated occurrences of a message field and lets the last scalar win', () => {
    const raw = [
      ...msg(1, ld(1, 'first'), entry(11, 'a', '1')),
      ...msg(1, ld(1, 'second'), entry(11, 'b', '2')),
    ];
    const json = decodeProtobufBody(envelope('v1', 'Namespace', raw), NAMESPACE);
    expect(json.metadata).toEqual({ name: 'second', creationTimestamp: null, labels: { a: '1', b: '2' } });
  });

  it('takes the kind and version from the endpoint when the envelope has none', () => {
    const body = Uint8Array.from([0x6b, 0x38, 0x73, 0x00, ...ld(2, msg(1, ld(1, 'ns')))]);
    expect(decodeProtobufBody(body, NAMESPACE)).toMatchObject({ kind: 'Namespace', apiVersion: 'v1' });
  });

  it('decodes DeleteOptions (a typed client DELETE body)', () => {
    const raw = [...int(1, 0), ...ld(4, 'Foreground'), ...msg(2, ld(2, '42')), ...ld(5, 'All')];
    const body = envelope('meta.k8s.io/v1', 'DeleteOptions', raw);
    expect(decodeProtobufBody(body, { group: 'meta.k8s.io', version: 'v1', kind: 'DeleteOptions' })).toEqual({
      kind: 'DeleteOptions',
      apiVersion: 'meta.k8s.io/v1',
      gracePeriodSeconds: 0,
      preconditions: { resourceVersion: '42' },
      propagationPolicy: 'Foreground',
      dryRun: ['All'],
    });
  });

  it('reads 64-bit integers', () => {
    const meta = msg(1, ld(1, 'n'), int(7, 2n ** 40n), int(10, -30));
    expect(decodeProtobufBody(envelope('v1', 'Namespace', meta), NAMESPACE).metadata).toMatchObject({
      generation: 2 ** 40,
      deletionGracePeriodSeconds: -30,
    });
    expect(varint(-30)).toHaveLength(10);
  });
});
