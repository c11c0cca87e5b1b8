/** Command table entries: `create` (and its generators), `run`, `expose`. */
import type { CommandDef } from './types';
import { FIELD_MANAGER, FILENAME, RECURSIVE, SELECTOR, VALIDATE, WRITE_FLAGS, b, i, s } from './flags';
import { runCreate, runCreateConfigMap, runCreateDeployment, runCreateNamespace } from '../cmd/create';
import { runExpose } from '../cmd/expose';
import {
  runCreateServiceClusterIP,
  runCreateServiceLoadBalancer,
  runCreateServiceNodePort,
} from '../cmd/create-service';
import { runRun } from '../cmd/run';

export const CREATE: CommandDef = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  group: 'Basic Commands (Beginner)',
  long: 'Create a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.',
  examples:
    '  # Create a pod using the data in pod.json\n  kubectl create -f ./pod.json\n  \n  # Create a pod based on the JSON passed into stdin\n  cat pod.json | kubectl create -f -\n  \n  # Edit the data in registry.yaml in JSON then create the resource using the edited data\n  kubectl create -f registry.yaml --edit -o json',
  usage: 'kubectl create -f FILENAME [options]',
  flags: [
    { ...FILENAME, usage: 'Filename, directory, or URL to files to use to create the resource' },
    RECURSIVE,
    b(
      'save-config',
      'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
    ),
    SELECTOR,
    VALIDATE,
    FIELD_MANAGER('kubectl-create'),
    ...WRITE_FLAGS,
  ],
  run: runCreate,
  subcommands: [
    {
      name: 'namespace',
      aliases: ['ns'],
      short: 'Create a namespace with the specified name',
      usage: 'kubectl create namespace NAME [--dry-run=server|client|none] [options]',
      flags: [...WRITE_FLAGS, VALIDATE, FIELD_MANAGER('kubectl-create')],
      run: runCreateNamespace,
    },
    {
      name: 'deployment',
      aliases: ['deploy'],
      short: 'Create a deployment with the specified name',
      usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]',
      flags: [
        {
          name: 'image',
          type: 'stringSlice',
          default: '[]',
          usage: 'Image names to run. A deployment can have multiple images set for multi-container pod.',
        },
        i('port', 'The containerPort that this deployment exposes.', '-1'),
        i('replicas', 'Number of replicas to create. Default is 1.', '1'),
        ...WRITE_FLAGS,
        VALIDATE,
        FIELD_MANAGER('kubectl-create'),
      ],
      run: runCreateDeployment,
    },
    {
      name: 'service',
      aliases: ['svc'],
      short: 'Create a service using a specified subcommand',
      usage: 'kubectl create service [flags] [options]',
      subcommands: [
        {
          name: 'clusterip',
          short: 'Create a ClusterIP service',
          usage:
            'kubectl create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]',
          flags: [...WRITE_FLAGS, VALIDATE, FIELD_MANAGER('kubectl-create')],
          run: runCreateServiceClusterIP,
        },
        {
          name: 'nodeport',
          short: 'Create a NodePort service',
          usage:
            'kubectl create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
          flags: [...WRITE_FLAGS, VALIDATE, FIELD_MANAGER('kubectl-create')],
          run: runCreateServiceNodePort,
        },
        {
          name: 'loadbalancer',
          short: 'Create a LoadBalancer service',
          usage:
            'kubectl create service loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
          flags: [...WRITE_FLAGS, VALIDATE, FIELD_MANAGER('kubectl-create')],
          run: runCreateServiceLoadBalancer,
        },
      ],
    },
    {
      name: 'configmap',
      aliases: ['cm'],
      short: 'Create a config map from a local file, directory or literal value',
      usage:
        'kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
      flags: [
        {
          name: 'from-literal',
          type: 'stringArray',
          default: '[]',
          usage: 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)',
        },
        {
          name: 'from-file',
          type: 'stringSlice',
          default: '[]',
          usage:
            'Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.',
        },
        ...WRITE_FLAGS,
        VALIDATE,
        FIELD_MANAGER('kubectl-create'),
      ],
      run: runCreateConfigMap,
    },
  ],
};

export const RUN: CommandDef = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  group: 'Basic Commands (Beginner)',
  long: 'Create and run a particular image in a pod.',
  usage:
    'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: [
    s('image', 'The image for the container to run.'),
    s('port', 'The port that this container exposes.'),
    s('labels', 'Comma separated labels to apply to the pod. Will override previous values.', 'l'),
    {
      name: 'env',
      type: 'stringArray',
      default: '[]',
      usage: 'Environment variables to set in the container.',
    },
    s(
      'restart',
      'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].',
      undefined,
      'Always',
    ),
    b(
      'command',
      "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.",
    ),
    FIELD_MANAGER('kubectl-run'),
    ...WRITE_FLAGS,
  ],
  run: runRun,
};

export const EXPOSE: CommandDef = {
  name: 'expose',
  short:
    'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  group: 'Basic Commands (Beginner)',
  usage:
    'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  flags: [
    FILENAME,
    s('name', 'The name for the newly created object.'),
    s(
      'port',
      'The port that the service should serve on. Copied from the resource being exposed, if unspecified',
    ),
    s('protocol', "The network protocol for the service to be created. Default is 'TCP'."),
    s(
      'target-port',
      'Name or number for the port on the container that the service should direct traffic to. Optional.',
    ),
    s(
      'type',
      "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'.",
    ),
    s(
      'selector',
      'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)',
      'l',
    ),
    FIELD_MANAGER('kubectl-expose'),
    ...WRITE_FLAGS,
  ],
  run: runExpose,
};
