/** ObjectMeta: names per kind, generateName, labels, annotations, finalizers, owner references. */
import { describe, expect, it } from 'vitest';
import { createErrors, deployment, pod, service, updateErrors, type Json } from './helpers';

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const DNS1123_LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const withMeta = (obj: Json, meta: Json): Json => ({ ...obj, metadata: { namespace: 'default', ...meta } });

describe('names', () => {
  it('name or generateName is required', () => {
    expect(createErrors(withMeta(deployment(), {}))).toEqual([
      'metadata.name: Required value: name or generateName is required',
    ]);
  });

  it.each([
    [
      'Deployment My_App',
      withMeta(deployment(), { name: 'My_App' }),
      [`metadata.name: Invalid value: "My_App": ${SUBDOMAIN}`],
    ],
    [
      'Pod Kubia',
      withMeta(pod(), { name: 'Kubia' }),
      [`metadata.name: Invalid value: "Kubia": ${SUBDOMAIN}`],
    ],
    ['Pod with dots is fine', withMeta(pod(), { name: 'kubia.v1' }), []],
    [
      'Service with dots',
      withMeta(service(), { name: 'kubia.v1' }),
      [`metadata.name: Invalid value: "kubia.v1": ${DNS1035}`],
    ],
    [
      'Service starting with a digit',
      withMeta(service(), { name: '1kubia' }),
      [`metadata.name: Invalid value: "1kubia": ${DNS1035}`],
    ],
    [
      'a 254-character name',
      withMeta(pod(), { name: 'a'.repeat(254) }),
      [`metadata.name: Invalid value: "${'a'.repeat(254)}": must be no more than 253 characters`],
    ],
  ])('%s', (_n, obj, expected) => {
    expect(createErrors(obj)).toEqual(expected);
  });

  it('Namespace names are DNS-1123 labels ("must not contain dots" for a valid subdomain)', () => {
    const ns = (name: string): Json => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    expect(createErrors(ns('team-a'))).toEqual([]);
    expect(createErrors(ns('Team_A'))).toEqual([`metadata.name: Invalid value: "Team_A": ${DNS1123_LABEL}`]);
    expect(createErrors(ns('team.a'))).toEqual([
      'metadata.name: Invalid value: "team.a": must not contain dots',
    ]);
  });

  it('generateName is checked as a prefix (a trailing dash is allowed)', () => {
    expect(createErrors(withMeta(pod(), { generateName: 'kubia-', name: 'kubia-x7k2p' }))).toEqual([]);
    expect(createErrors(withMeta(pod(), { generateName: 'Kubia-', name: 'Kubia-x7k2p' }))).toEqual([
      `metadata.generateName: Invalid value: "Kubia-": ${SUBDOMAIN}`,
      `metadata.name: Invalid value: "Kubia-x7k2p": ${SUBDOMAIN}`,
    ]);
  });

  it('namespace is required on namespaced kinds and must be a DNS label', () => {
    expect(createErrors({ ...pod(), metadata: { name: 'p' } })).toEqual([
      'metadata.namespace: Required value',
    ]);
    expect(createErrors({ ...pod(), metadata: { name: 'p', namespace: 'My_NS' } })).toEqual([
      `metadata.namespace: Invalid value: "My_NS": ${DNS1123_LABEL}`,
    ]);
  });
});

describe('labels and annotations', () => {
  it('a bad label key (the kubectl.md §6.2 example)', () => {
    expect(createErrors(withMeta(pod(), { name: 'kubia-manual', labels: { 'bad key': 'x' } }))).toEqual([
      `metadata.labels: Invalid value: "bad key": ${NAME_PART}`,
    ]);
  });

  it('a bad label value', () => {
    expect(createErrors(withMeta(pod(), { name: 'p', labels: { app: 'my app' } }))).toEqual([
      `metadata.labels: Invalid value: "my app": ${LABEL_VALUE}`,
    ]);
  });

  it('prefixed keys: the prefix is a DNS subdomain', () => {
    expect(
      createErrors(
        withMeta(pod(), { name: 'p', labels: { 'Example.com/app': 'x', 'example.com/app': 'y' } }),
      ),
    ).toEqual([`metadata.labels: Invalid value: "Example.com/app": prefix part ${SUBDOMAIN}`]);
  });

  it('too many slashes, empty name part, long values', () => {
    expect(createErrors(withMeta(pod(), { name: 'p', labels: { 'a/b/c': '1' } }))).toEqual([
      "metadata.labels: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
    expect(createErrors(withMeta(pod(), { name: 'p', labels: { 'example.com/': '1' } }))).toEqual([
      'metadata.labels: Invalid value: "example.com/": name part must be non-empty',
      `metadata.labels: Invalid value: "example.com/": ${NAME_PART}`,
    ]);
    expect(createErrors(withMeta(pod(), { name: 'p', labels: { app: 'v'.repeat(64) } }))).toEqual([
      `metadata.labels: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`,
    ]);
  });

  it('annotation keys are checked lower-cased; values are free; total size is 256 KiB', () => {
    expect(
      createErrors(withMeta(pod(), { name: 'p', annotations: { 'Example.com/Note': 'any value: ok' } })),
    ).toEqual([]);
    expect(createErrors(withMeta(pod(), { name: 'p', annotations: { 'bad key': 'x' } }))).toEqual([
      `metadata.annotations: Invalid value: "bad key": ${NAME_PART}`,
    ]);
    expect(createErrors(withMeta(pod(), { name: 'p', annotations: { big: 'x'.repeat(262142) } }))).toEqual([
      'metadata.annotations: Too long: may not be more than 262144 bytes',
    ]);
    expect(createErrors(withMeta(pod(), { name: 'p', annotations: { big: 'x'.repeat(262141) } }))).toEqual(
      [],
    );
  });
});

describe('finalizers and owner references', () => {
  it('finalizers must be qualified, standard or fully qualified', () => {
    expect(
      createErrors(withMeta(pod(), { name: 'p', finalizers: ['example.com/cleanup', 'foregroundDeletion'] })),
    ).toEqual([]);
    expect(createErrors(withMeta(pod(), { name: 'p', finalizers: ['cleanup'] }))).toEqual([
      'metadata.finalizers[0]: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified',
    ]);
    expect(
      createErrors(withMeta(pod(), { name: 'p', finalizers: ['orphan', 'foregroundDeletion'] })),
    ).toEqual([
      'metadata.finalizers: Invalid value: []string{"orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set',
    ]);
  });

  it('owner references need apiVersion, kind, name and uid (reported without an index)', () => {
    expect(
      createErrors(
        withMeta(pod(), {
          name: 'p',
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: '', uid: '' }],
        }),
      ),
    ).toEqual([
      'metadata.ownerReferences.name: Invalid value: "": name must not be empty',
      'metadata.ownerReferences.uid: Invalid value: "": uid must not be empty',
    ]);
  });
});

describe('metadata on update', () => {
  it('name, namespace and uid are immutable; labels are re-validated', () => {
    const old = withMeta(pod(), { name: 'p', uid: 'u1', labels: { app: 'a' } });
    const next = withMeta(pod(), { name: 'p', uid: 'u2', labels: { app: 'a b' } });
    expect(updateErrors(next, old)).toEqual([
      'metadata.uid: Invalid value: "u2": field is immutable',
      `metadata.labels: Invalid value: "a b": ${LABEL_VALUE}`,
      `metadata.labels: Invalid value: "a b": ${LABEL_VALUE}`,
    ]);
  });

  it('no new finalizers on an object being deleted', () => {
    const old = withMeta(pod(), {
      name: 'p',
      deletionTimestamp: '2025-01-01T10:00:00Z',
      finalizers: ['example.com/a'],
    });
    const next = withMeta(pod(), {
      name: 'p',
      deletionTimestamp: '2025-01-01T10:00:00Z',
      finalizers: ['example.com/a', 'example.com/b'],
    });
    expect(updateErrors(next, old)[0]).toBe(
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/b"}',
    );
  });
});
