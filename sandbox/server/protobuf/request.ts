/**
 * A protobuf request body (`application/vnd.kubernetes.protobuf`) to the JSON object the API server
 * takes, with the errors the real apiserver's create/update handlers give for a body they cannot
 * decode (400 BadRequest, worded by `transformDecodeError`).
 */
import { badRequest, unsupportedMediaType, type StatusError } from '../../api/errors';
import { resourceForKind } from '../../api/resources';
import { decodeMessage } from './decode';
import { decodeEnvelope, type Envelope } from './envelope';
import { messageForKind } from './kinds';
import { ProtobufError } from './reader';
import { hex } from './text';

export const PROTOBUF_TYPE = 'application/vnd.kubernetes.protobuf';

/** The kind the endpoint decodes into (the handler's default group/version/kind). */
export interface ExpectedKind {
  group: string;
  version: string;
  kind: string;
}

export const DELETE_OPTIONS: ExpectedKind = { group: 'meta.k8s.io', version: 'v1', kind: 'DeleteOptions' };

export function decodeProtobufBody(body: Uint8Array, expected: ExpectedKind): Record<string, unknown> {
  let env: Envelope;
  try {
    env = decodeEnvelope(body);
  } catch (e) {
    // No kind known yet: the apiserver adds a hex summary of the first 30 bytes.
    const summary =
      body.length === 0 ? '<empty>' : hex(body.subarray(0, 30)) + (body.length > 30 ? ' ...' : '');
    throw badRequest(
      `the object provided is unrecognized (must be of type ${expected.kind}): ${messageOf(e)} (${summary})`,
    );
  }
  // copyKindDefaults: a missing kind or version comes from the endpoint.
  const slash = env.apiVersion.indexOf('/');
  let group = slash >= 0 ? env.apiVersion.slice(0, slash) : '';
  let version = slash >= 0 ? env.apiVersion.slice(slash + 1) : env.apiVersion;
  const kind = env.kind || expected.kind;
  if (!version) {
    group = expected.group;
    version = expected.version;
  }
  const apiVersion = group ? `${group}/${version}` : version;
  const cannot = (why: string): StatusError =>
    badRequest(`${kind} in version "${version}" cannot be handled as a ${expected.kind}: ${why}`);

  const table = messageForKind(group, version, kind);
  const sameKind = kind === expected.kind && (group === expected.group || kind === 'DeleteOptions');
  if (!sameKind) {
    if (!table && !resourceForKind(apiVersion, kind)) {
      throw cannot(
        `no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`,
      );
    }
    const internal = expected.group ? expected.group.split('.')[0] : 'core';
    throw cannot(`converting (${version}.${kind}) to (${internal}.${expected.kind}): unknown conversion`);
  }
  if (!table) {
    throw unsupportedMediaType(
      `the simulated API server does not decode protobuf bodies of kind ${kind} (${apiVersion}) - send it as application/json`,
    );
  }
  try {
    return { kind, apiVersion, ...decodeMessage(env.raw, table) };
  } catch (e) {
    throw cannot(messageOf(e));
  }
}

function messageOf(e: unknown): string {
  if (e instanceof ProtobufError) return e.message;
  // Anything else is a bug in the decoder; still a 400 that names the body, not a 500.
  return `proto: ${e instanceof Error ? e.message : String(e)}`;
}
