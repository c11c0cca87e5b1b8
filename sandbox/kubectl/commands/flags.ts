/** Flag sets shared by several commands. */
import type { FlagSpec } from '../flags';

export const GLOBAL_FLAGS: FlagSpec[] = [
  {
    name: 'namespace',
    short: 'n',
    type: 'string',
    usage: 'If present, the namespace scope for this CLI request',
  },
  { name: 'kubeconfig', type: 'string', usage: 'Path to the kubeconfig file to use for CLI requests.' },
  { name: 'context', type: 'string', usage: 'The name of the kubeconfig context to use' },
  { name: 'cluster', type: 'string', usage: 'The name of the kubeconfig cluster to use' },
  { name: 'user', type: 'string', usage: 'The name of the kubeconfig user to use' },
  { name: 'server', short: 's', type: 'string', usage: 'The address and port of the Kubernetes API server' },
  {
    name: 'request-timeout',
    type: 'string',
    default: '0',
    usage:
      "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests.",
  },
  { name: 'v', short: 'v', type: 'string', default: '0', usage: 'number for the log level verbosity' },
  { name: 'help', short: 'h', type: 'bool', usage: 'help for kubectl' },
];

export const FILENAME: FlagSpec = {
  name: 'filename',
  short: 'f',
  type: 'stringSlice',
  default: '[]',
  usage: 'Filename, directory, or URL to files to use',
};
export const RECURSIVE: FlagSpec = {
  name: 'recursive',
  short: 'R',
  type: 'bool',
  default: 'false',
  usage:
    'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
};
export const OUTPUT: FlagSpec = {
  name: 'output',
  short: 'o',
  type: 'string',
  usage:
    'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
};
export const SELECTOR: FlagSpec = {
  name: 'selector',
  short: 'l',
  type: 'string',
  usage:
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
};
export const DRY_RUN: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  default: 'none',
  noOptDefault: 'unchanged',
  usage:
    'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
};
export const RECORD: FlagSpec = {
  name: 'record',
  type: 'bool',
  default: 'false',
  usage:
    'Record current kubectl command in the resource annotation. If set to false, do not record the command. If set to true, record the command. If not set, default to updating the existing annotation value only if one already exists.',
  deprecated: '--record will be removed in the future',
};
export const VALIDATE: FlagSpec = {
  name: 'validate',
  type: 'string',
  default: 'strict',
  usage:
    'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
};
export const SHOW_MANAGED: FlagSpec = {
  name: 'show-managed-fields',
  type: 'bool',
  default: 'false',
  usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
};
export const ALL: FlagSpec = {
  name: 'all',
  type: 'bool',
  default: 'false',
  usage: 'Select all resources in the namespace of the specified resource types',
};
export const FIELD_MANAGER = (name: string): FlagSpec => ({
  name: 'field-manager',
  type: 'string',
  default: name,
  usage: 'Name of the manager used to track field ownership.',
});

/** Short builders for flag specs (bool, string, int). */
export const b = (name: string, usage: string, short?: string, def = 'false'): FlagSpec => ({
  name,
  short,
  type: 'bool',
  default: def,
  usage,
});
export const s = (name: string, usage: string, short?: string, def = ''): FlagSpec => ({
  name,
  short,
  type: 'string',
  default: def,
  usage,
});
export const i = (name: string, usage: string, def = '0'): FlagSpec => ({
  name,
  type: 'int',
  default: def,
  usage,
});
export const TEMPLATE_FLAGS: FlagSpec[] = [
  b(
    'allow-missing-template-keys',
    'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
    undefined,
    'true',
  ),
  s(
    'template',
    'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
  ),
];
export const KUSTOMIZE = s(
  'kustomize',
  "Process the kustomization directory. This flag can't be used together with -f or -R.",
  'k',
);
export const ALL_NS = b(
  'all-namespaces',
  'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
  'A',
);
export const FIELD_SELECTOR = s(
  'field-selector',
  "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
);
export const WRITE_FLAGS = [DRY_RUN, OUTPUT, SHOW_MANAGED, RECORD, ...TEMPLATE_FLAGS];
