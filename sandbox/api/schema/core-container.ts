/** Field schemas: core/v1 containers: ports, environment, resources, mounts. */
import { bool, core, enumOf, int32, listOf, mapOf, named, quantity, ref, str, struct } from './build';
import { MOUNT_PROPAGATION_MODE, PROTOCOL, PULL_POLICY, TERMINATION_MESSAGE_POLICY } from './enums';
import type { TypeSchema } from './types';

export const CORE_CONTAINER_TYPES: TypeSchema[] = [
  struct(
    core('Container'),
    {
      name: str('Name of the container, unique within the pod (a DNS label).'),
      image: str('The container image, e.g. luksa/kubia:v1.'),
      command: listOf(
        str(),
        { listType: 'atomic' },
        "Entrypoint array, replacing the image's ENTRYPOINT. Not run in a shell.",
      ),
      args: listOf(str(), { listType: 'atomic' }, "Arguments to the entrypoint, replacing the image's CMD."),
      workingDir: str('Working directory of the container.'),
      ports: listOf(
        ref(core('ContainerPort')),
        {
          patchStrategy: 'merge',
          patchMergeKey: 'containerPort',
          listType: 'map',
          listMapKeys: ['containerPort', 'protocol'],
        },
        'Ports the container exposes; informational, other ports are reachable too.',
      ),
      envFrom: listOf(
        ref(core('EnvFromSource')),
        { listType: 'atomic' },
        'Sources (ConfigMaps, Secrets) whose keys all become environment variables.',
      ),
      env: listOf(
        ref(core('EnvVar')),
        { patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
        'Environment variables to set.',
      ),
      resources: ref(core('ResourceRequirements'), 'CPU and memory requests and limits.'),
      resizePolicy: listOf(ref(core('ContainerResizePolicy')), { listType: 'atomic' }),
      restartPolicy: named('v1.ContainerRestartPolicy'),
      volumeMounts: listOf(
        ref(core('VolumeMount')),
        { patchStrategy: 'merge', patchMergeKey: 'mountPath', listType: 'map', listMapKeys: ['mountPath'] },
        'Volumes to mount into the container filesystem.',
      ),
      volumeDevices: listOf(ref(core('VolumeDevice')), {
        patchStrategy: 'merge',
        patchMergeKey: 'devicePath',
        listType: 'map',
        listMapKeys: ['devicePath'],
      }),
      livenessProbe: ref(
        core('Probe'),
        'Checks that the container is alive; the container is restarted when it fails.',
      ),
      readinessProbe: ref(
        core('Probe'),
        "Checks that the container can serve; a failing pod is removed from Services' endpoints.",
      ),
      startupProbe: ref(
        core('Probe'),
        'Checks that the application has started; other probes wait until it succeeds.',
      ),
      lifecycle: ref(core('Lifecycle'), 'Actions run right after start and before termination.'),
      terminationMessagePath: str('File whose content becomes the termination message.'),
      terminationMessagePolicy: enumOf(
        'v1.TerminationMessagePolicy',
        TERMINATION_MESSAGE_POLICY,
        'File or FallbackToLogsOnError.',
      ),
      imagePullPolicy: enumOf(
        'v1.PullPolicy',
        PULL_POLICY,
        'Always, Never or IfNotPresent. Defaults to Always for the :latest tag, else IfNotPresent.',
      ),
      securityContext: ref(core('SecurityContext'), 'Security options of this container.'),
      stdin: bool('Keep a stdin buffer open for the container.'),
      stdinOnce: bool(),
      tty: bool('Allocate a TTY for the container.'),
    },
    { description: 'A single application container in a pod.', required: ['name'] },
  ),
  struct(
    core('EphemeralContainer'),
    {
      name: str(),
      image: str(),
      command: listOf(str(), { listType: 'atomic' }),
      args: listOf(str(), { listType: 'atomic' }),
      workingDir: str(),
      ports: listOf(ref(core('ContainerPort')), {
        patchStrategy: 'merge',
        patchMergeKey: 'containerPort',
        listType: 'map',
        listMapKeys: ['containerPort', 'protocol'],
      }),
      envFrom: listOf(ref(core('EnvFromSource')), { listType: 'atomic' }),
      env: listOf(ref(core('EnvVar')), {
        patchStrategy: 'merge',
        patchMergeKey: 'name',
        listType: 'map',
        listMapKeys: ['name'],
      }),
      resources: ref(core('ResourceRequirements')),
      resizePolicy: listOf(ref(core('ContainerResizePolicy')), { listType: 'atomic' }),
      restartPolicy: named('v1.ContainerRestartPolicy'),
      volumeMounts: listOf(ref(core('VolumeMount')), {
        patchStrategy: 'merge',
        patchMergeKey: 'mountPath',
        listType: 'map',
        listMapKeys: ['mountPath'],
      }),
      volumeDevices: listOf(ref(core('VolumeDevice')), {
        patchStrategy: 'merge',
        patchMergeKey: 'devicePath',
        listType: 'map',
        listMapKeys: ['devicePath'],
      }),
      livenessProbe: ref(core('Probe')),
      readinessProbe: ref(core('Probe')),
      startupProbe: ref(core('Probe')),
      lifecycle: ref(core('Lifecycle')),
      terminationMessagePath: str(),
      terminationMessagePolicy: enumOf('v1.TerminationMessagePolicy', TERMINATION_MESSAGE_POLICY),
      imagePullPolicy: enumOf('v1.PullPolicy', PULL_POLICY),
      securityContext: ref(core('SecurityContext')),
      stdin: bool(),
      stdinOnce: bool(),
      tty: bool(),
      targetContainerName: str(),
    },
    { required: ['name'] },
  ),
  struct(
    core('ContainerPort'),
    {
      name: str('A name (IANA_SVC_NAME) that Services can refer to.'),
      hostPort: int32('Port to expose on the node as well; rarely needed.'),
      containerPort: int32('Port number on the pod IP (1-65535).'),
      protocol: enumOf('v1.Protocol', PROTOCOL, 'TCP (the default), UDP or SCTP.'),
      hostIP: str(),
    },
    { description: 'A network port a container listens on.', required: ['containerPort'] },
  ),
  struct(
    core('EnvVar'),
    {
      name: str('Name of the variable.'),
      value: str('The value; $(VAR) references to earlier variables are expanded.'),
      valueFrom: ref(
        core('EnvVarSource'),
        'Take the value from a ConfigMap, Secret, pod field or resource instead.',
      ),
    },
    { description: 'An environment variable set in a container.', required: ['name'] },
  ),
  struct(
    core('EnvVarSource'),
    {
      fieldRef: ref(core('ObjectFieldSelector'), 'A field of the pod, e.g. metadata.name or status.podIP.'),
      resourceFieldRef: ref(core('ResourceFieldSelector'), 'A resource request or limit of a container.'),
      configMapKeyRef: ref(core('ConfigMapKeySelector'), 'A key of a ConfigMap.'),
      secretKeyRef: ref(core('SecretKeySelector'), 'A key of a Secret.'),
    },
    { description: 'Where an environment variable takes its value from.' },
  ),
  struct(core('EnvFromSource'), {
    prefix: str(),
    configMapRef: ref(core('ConfigMapEnvSource')),
    secretRef: ref(core('SecretEnvSource')),
  }),
  struct(core('ConfigMapEnvSource'), {
    name: str(),
    optional: bool(),
  }),
  struct(core('SecretEnvSource'), {
    name: str(),
    optional: bool(),
  }),
  struct(
    core('ConfigMapKeySelector'),
    {
      name: str('Name of the ConfigMap.'),
      key: str('The key to read.'),
      optional: bool('Whether the ConfigMap or key may be missing.'),
    },
    { required: ['key'], structType: 'atomic' },
  ),
  struct(
    core('SecretKeySelector'),
    {
      name: str(),
      key: str(),
      optional: bool(),
    },
    { required: ['key'], structType: 'atomic' },
  ),
  struct(
    core('ObjectFieldSelector'),
    {
      apiVersion: str(),
      fieldPath: str(),
    },
    { required: ['fieldPath'], structType: 'atomic' },
  ),
  struct(
    core('ResourceFieldSelector'),
    {
      containerName: str(),
      resource: str(),
      divisor: quantity(),
    },
    { required: ['resource'], structType: 'atomic' },
  ),
  struct(
    core('ResourceRequirements'),
    {
      limits: mapOf(
        quantity(),
        { goType: 'v1.ResourceList' },
        'The maximum resources the container may use.',
      ),
      requests: mapOf(
        quantity(),
        { goType: 'v1.ResourceList' },
        'The minimum resources the container needs; the scheduler uses them.',
      ),
      claims: listOf(ref(core('ResourceClaim')), { listType: 'map', listMapKeys: ['name'] }),
    },
    { description: 'Compute resources a container asks for (requests) and may not exceed (limits).' },
  ),
  struct(
    core('ResourceClaim'),
    {
      name: str(),
      request: str(),
    },
    { required: ['name'] },
  ),
  struct(
    core('ContainerResizePolicy'),
    {
      resourceName: named('v1.ResourceName'),
      restartPolicy: named('v1.ResourceResizeRestartPolicy'),
    },
    { required: ['resourceName', 'restartPolicy'] },
  ),
  struct(
    core('VolumeMount'),
    {
      name: str('Name of the volume to mount.'),
      readOnly: bool('Mount read-only. Defaults to false.'),
      recursiveReadOnly: named('v1.RecursiveReadOnlyMode'),
      mountPath: str('Path inside the container where the volume appears.'),
      subPath: str('A sub-path of the volume to mount instead of its root.'),
      mountPropagation: enumOf('v1.MountPropagationMode', MOUNT_PROPAGATION_MODE),
      subPathExpr: str(),
    },
    { description: 'Where a volume appears inside a container.', required: ['name', 'mountPath'] },
  ),
  struct(
    core('VolumeDevice'),
    {
      name: str(),
      devicePath: str(),
    },
    { required: ['name', 'devicePath'] },
  ),
];
