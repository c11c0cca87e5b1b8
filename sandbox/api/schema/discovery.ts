/** Field schemas: discovery.k8s.io/v1 EndpointSlice. */
import { bool, core, discovery, enumOf, int32, listOf, mapOf, meta, named, ref, str, struct } from './build';
import { PROTOCOL } from './enums';
import type { TypeSchema } from './types';

export const DISCOVERY_TYPES: TypeSchema[] = [
  struct(
    discovery('Endpoint'),
    {
      addresses: listOf(str(), { listType: 'set' }, 'The addresses of this endpoint.'),
      conditions: ref(
        discovery('EndpointConditions'),
        'Whether the endpoint is ready, serving or terminating.',
      ),
      hostname: str(),
      targetRef: ref(core('ObjectReference')),
      deprecatedTopology: mapOf(str()),
      nodeName: str(),
      zone: str(),
      hints: ref(discovery('EndpointHints')),
    },
    { required: ['addresses'] },
  ),
  struct(discovery('EndpointConditions'), {
    ready: bool(),
    serving: bool(),
    terminating: bool(),
  }),
  struct(discovery('EndpointHints'), {
    forZones: listOf(ref(discovery('ForZone')), { listType: 'atomic' }),
  }),
  struct(
    discovery('EndpointPort'),
    {
      name: str(),
      protocol: enumOf('v1.Protocol', PROTOCOL),
      port: int32(),
      appProtocol: str(),
    },
    { structType: 'atomic' },
  ),
  struct(
    discovery('EndpointSlice'),
    {
      kind: str('The type of this object, in CamelCase.'),
      apiVersion: str('The versioned schema of this object, e.g. apps/v1.'),
      metadata: ref(meta('ObjectMeta'), "Standard object's metadata."),
      addressType: named('v1.AddressType', 'IPv4, IPv6 or FQDN.'),
      endpoints: listOf(ref(discovery('Endpoint')), { listType: 'atomic' }, 'The endpoints in this slice.'),
      ports: listOf(
        ref(discovery('EndpointPort')),
        { listType: 'atomic' },
        'Ports exposed by every endpoint of the slice.',
      ),
    },
    { description: 'A subset of the endpoints behind a Service.', required: ['addressType', 'endpoints'] },
  ),
  struct(
    discovery('ForZone'),
    {
      name: str(),
    },
    { required: ['name'] },
  ),
];
