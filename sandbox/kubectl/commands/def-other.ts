/** Command table entries: explain, cluster-info, api-resources, api-versions, version, config and the unsupported ones. */
import type { CommandDef } from './types';
import { runWait } from '../cmd/wait';
import { runDiff } from '../cmd/diff';
import { runEvents } from '../cmd/events';
import { runTop } from '../cmd/top';
import { runPortForward } from '../cmd/port-forward';
import { OUTPUT, b, s } from './flags';
import { runExplain } from '../cmd/explain';
import {
  runApiResources,
  runApiVersions,
  runClusterInfo,
  runConfigView,
  runCurrentContext,
  runGetContexts,
  runSetContext,
  runUseContext,
  runVersion,
} from '../cmd/misc';

export const EXPLAIN: CommandDef = {
  name: 'explain',
  short: 'Get documentation for a resource',
  group: 'Basic Commands (Intermediate)',
  usage:
    'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  flags: [
    b(
      'recursive',
      'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.',
    ),
    s('api-version', 'Use given api-version (group/version) of the resource.'),
    s(
      'output',
      'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).',
      undefined,
      'plaintext',
    ),
  ],
  run: runExplain,
};

export const CLUSTER_INFO: CommandDef = {
  name: 'cluster-info',
  short: 'Display cluster information',
  group: 'Cluster Management Commands',
  usage: 'kubectl cluster-info [flags] [options]',
  run: runClusterInfo,
};

export const API_RESOURCES: CommandDef = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  group: 'Other Commands',
  usage: 'kubectl api-resources [flags] [options]',
  flags: [
    s('api-group', 'Limit to resources in the specified API group.'),
    b(
      'namespaced',
      'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.',
      undefined,
      'true',
    ),
    b(
      'no-headers',
      "When using the default or custom-column output format, don't print headers (default print headers).",
    ),
    s('output', 'Output format. One of: (wide, name).', 'o'),
    b('cached', 'Use the cached list of resources if available.'),
    s(
      'sort-by',
      "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.",
    ),
  ],
  run: runApiResources,
};

export const API_VERSIONS: CommandDef = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  group: 'Other Commands',
  usage: 'kubectl api-versions [options]',
  run: runApiVersions,
};

export const VERSION: CommandDef = {
  name: 'version',
  short: 'Print the client and server version information',
  group: 'Other Commands',
  usage: 'kubectl version [flags] [options]',
  flags: [
    b('client', 'If true, shows client version only (no server required).'),
    s('output', "One of 'yaml' or 'json'.", 'o'),
  ],
  run: runVersion,
};

export const CONFIG: CommandDef = {
  name: 'config',
  short: 'Modify kubeconfig files',
  group: 'Other Commands',
  usage: 'kubectl config SUBCOMMAND [options]',
  subcommands: [
    {
      name: 'set-context',
      short: 'Set a context entry in kubeconfig',
      usage:
        'kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]',
      flags: [{ name: 'current', type: 'bool', default: 'false', usage: 'Modify the current context' }],
      run: runSetContext,
    },
    {
      name: 'use-context',
      aliases: ['use'],
      short: 'Set the current-context in a kubeconfig file',
      usage: 'kubectl config use-context CONTEXT_NAME [options]',
      run: runUseContext,
    },
    {
      name: 'current-context',
      short: 'Display the current-context',
      usage: 'kubectl config current-context [options]',
      run: runCurrentContext,
    },
    {
      name: 'get-contexts',
      short: 'Describe one or many contexts',
      usage: 'kubectl config get-contexts [(-o|--output=)name)] [options]',
      flags: [
        OUTPUT,
        b(
          'no-headers',
          "When using the default or custom-column output format, don't print headers (default print headers).",
        ),
      ],
      run: runGetContexts,
    },
    {
      name: 'view',
      short: 'Display merged kubeconfig settings or a specified kubeconfig file',
      usage: 'kubectl config view [flags] [options]',
      flags: [
        OUTPUT,
        b('minify', 'Remove all information not used by current-context from the output'),
        b('raw', 'Display raw byte data and sensitive data'),
      ],
      run: runConfigView,
    },
  ],
};

/** Real commands the sandbox does not emulate: they exist (no "unknown command"), but say so. */
export const UNSUPPORTED = [
  'autoscale',
  'certificate',
  'cordon',
  'uncordon',
  'drain',
  'taint',
  'attach',
  'proxy',
  'cp',
  'auth',
  'debug',
  'kustomize',
  'completion',
  'plugin',
  'options',
].map((name): CommandDef => ({
  name,
  short: '',
  usage: `kubectl ${name} [options]`,
  hidden: true,
  run: async (ctx) => {
    ctx.io.stderr.write(`error: "kubectl ${name}" is not available in this sandbox\n`);
    return 1;
  },
}));

export const EVENTS: CommandDef = {
  name: 'events',
  short: 'List events',
  group: 'Troubleshooting and Debugging Commands',
  usage:
    'kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--event=Normal,Warning] [options]',
  run: runEvents,
};

export const PORT_FORWARD: CommandDef = {
  name: 'port-forward',
  short: 'Forward one or more local ports to a pod',
  group: 'Troubleshooting and Debugging Commands',
  usage:
    'kubectl port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  run: runPortForward,
};

/** `kubectl top`: the sandbox runs no metrics-server, so it fails as on a cluster without one. */
export const TOP: CommandDef = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  group: 'Cluster Management Commands',
  usage: 'kubectl top [flags] [options]',
  subcommands: [
    {
      name: 'node',
      aliases: ['nodes', 'no'],
      short: 'Display resource (CPU/memory) usage of nodes',
      usage: 'kubectl top node [NAME | -l label] [options]',
      run: runTop,
    },
    {
      name: 'pod',
      aliases: ['pods', 'po'],
      short: 'Display resource (CPU/memory) usage of pods',
      usage: 'kubectl top pod [NAME | -l label] [options]',
      run: runTop,
    },
  ],
};

export const WAIT: CommandDef = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  group: 'Advanced Commands',
  usage:
    "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  run: runWait,
};

export const DIFF: CommandDef = {
  name: 'diff',
  short: 'Diff the live version against a would-be applied version',
  group: 'Advanced Commands',
  usage: 'kubectl diff -f FILENAME [options]',
  run: runDiff,
};
