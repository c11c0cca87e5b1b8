/** Field schemas: core/v1 probes and lifecycle handlers. */
import { core, enumOf, int32, int64, intOrString, listOf, ref, str, struct } from './build';
import { URI_SCHEME } from './enums';
import type { TypeSchema } from './types';

export const CORE_PROBE_TYPES: TypeSchema[] = [
  struct(
    core('Probe'),
    {
      exec: ref(core('ExecAction'), 'Check by running a command in the container.'),
      httpGet: ref(core('HTTPGetAction'), 'Check with an HTTP GET request.'),
      tcpSocket: ref(core('TCPSocketAction'), 'Check by opening a TCP connection.'),
      grpc: ref(core('GRPCAction'), 'Check with a gRPC health request.'),
      initialDelaySeconds: int32('Seconds after the container starts before the first check.'),
      timeoutSeconds: int32('Seconds before a check times out. Defaults to 1.'),
      periodSeconds: int32('Seconds between checks. Defaults to 10.'),
      successThreshold: int32(
        'Consecutive successes needed after a failure. Defaults to 1 (must be 1 for liveness).',
      ),
      failureThreshold: int32('Consecutive failures before giving up. Defaults to 3.'),
      terminationGracePeriodSeconds: int64('Grace period used when a failing probe kills the container.'),
    },
    { description: 'A periodic health check the kubelet runs against a container.' },
  ),
  struct(
    core('HTTPGetAction'),
    {
      path: str('The HTTP path to request, e.g. /.'),
      port: intOrString('Port number or name to connect to.'),
      host: str('Host to connect to; defaults to the pod IP.'),
      scheme: enumOf('v1.URIScheme', URI_SCHEME, 'HTTP (the default) or HTTPS.'),
      httpHeaders: listOf(ref(core('HTTPHeader')), { listType: 'atomic' }, 'Extra request headers.'),
    },
    {
      description: 'An HTTP GET request; a status code from 200 to 399 counts as success.',
      required: ['port'],
    },
  ),
  struct(
    core('HTTPHeader'),
    {
      name: str(),
      value: str(),
    },
    { required: ['name', 'value'] },
  ),
  struct(
    core('TCPSocketAction'),
    {
      port: intOrString('Port number or name to connect to.'),
      host: str(),
    },
    { description: 'A TCP connection attempt; an open port counts as success.', required: ['port'] },
  ),
  struct(
    core('ExecAction'),
    {
      command: listOf(str(), { listType: 'atomic' }, 'The command line to run; not run in a shell.'),
    },
    { description: 'A command run inside the container; exit code 0 counts as success.' },
  ),
  struct(
    core('GRPCAction'),
    {
      port: int32(),
      service: str(),
    },
    { required: ['port'] },
  ),
  struct(core('Lifecycle'), {
    postStart: ref(core('LifecycleHandler')),
    preStop: ref(core('LifecycleHandler')),
  }),
  struct(core('LifecycleHandler'), {
    exec: ref(core('ExecAction')),
    httpGet: ref(core('HTTPGetAction')),
    tcpSocket: ref(core('TCPSocketAction')),
    sleep: ref(core('SleepAction')),
  }),
  struct(
    core('SleepAction'),
    {
      seconds: int64(),
    },
    { required: ['seconds'] },
  ),
];
