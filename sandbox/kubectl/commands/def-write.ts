/** Command table entries: Commands that change objects: apply, replace, delete, patch, label, annotate, set. */
import type { CommandDef } from './types';
import type { FlagSpec } from '../flags';
import {
  ALL,
  ALL_NS,
  DRY_RUN,
  FIELD_MANAGER,
  FIELD_SELECTOR,
  FILENAME,
  OUTPUT,
  RECURSIVE,
  SELECTOR,
  VALIDATE,
  WRITE_FLAGS,
  b,
  i,
  s,
} from './flags';
import { runApply } from '../cmd/apply';
import { runReplace } from '../cmd/replace';
import { runDelete } from '../cmd/delete';
import { runPatch } from '../cmd/patch';
import { runLabelOrAnnotate } from '../cmd/label';
import { runSetImage } from '../cmd/set-image';
import { runSetEnv } from '../cmd/set-env';
import { runSetSelector } from '../cmd/set-selector';

export const APPLY: CommandDef = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  group: 'Advanced Commands',
  long: "Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.\n\n JSON and YAML formats are accepted.",
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  flags: [
    { ...FILENAME, usage: 'The files that contain the configurations to apply.' },
    RECURSIVE,
    SELECTOR,
    VALIDATE,
    b('server-side', 'If true, apply runs in the server instead of the client.'),
    b('force-conflicts', 'If true, server-side apply will force the changes against conflicts.'),
    b(
      'overwrite',
      'Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration',
      undefined,
      'true',
    ),
    FIELD_MANAGER('kubectl-client-side-apply'),
    ...WRITE_FLAGS,
  ],
  run: runApply,
};

export const REPLACE: CommandDef = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin',
  group: 'Advanced Commands',
  usage: 'kubectl replace -f FILENAME [options]',
  flags: [
    { ...FILENAME, usage: 'The files that contain the configurations to replace.' },
    RECURSIVE,
    b(
      'force',
      'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
    ),
    VALIDATE,
    FIELD_MANAGER('kubectl-replace'),
    ...WRITE_FLAGS,
  ],
  run: runReplace,
};

export const DELETE: CommandDef = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  group: 'Basic Commands (Intermediate)',
  usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  flags: [
    ALL,
    ALL_NS,
    {
      ...s(
        'cascade',
        'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
        undefined,
        'background',
      ),
      noOptDefault: 'background',
    },
    DRY_RUN,
    FIELD_SELECTOR,
    { ...FILENAME, usage: 'containing the resource to delete.' },
    b(
      'force',
      'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
    ),
    i(
      'grace-period',
      'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
      '-1',
    ),
    b(
      'ignore-not-found',
      'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.',
    ),
    b('now', 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).'),
    { ...OUTPUT, usage: 'Output mode. Use "-o name" for shorter output (resource/name).' },
    RECURSIVE,
    SELECTOR,
    b(
      'wait',
      'If true, wait for resources to be gone before returning. This waits for finalizers.',
      undefined,
      'true',
    ),
  ],
  run: runDelete,
};

export const PATCH: CommandDef = {
  name: 'patch',
  short: 'Update fields of a resource',
  group: 'Advanced Commands',
  usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
  flags: [
    s('patch', 'The patch to be applied to the resource JSON file.', 'p'),
    s('patch-file', 'A file containing a patch to be applied to the resource.'),
    s('type', 'The type of patch being provided; one of [json merge strategic]', undefined, 'strategic'),
    FIELD_MANAGER('kubectl-patch'),
    ...WRITE_FLAGS,
  ],
  run: runPatch,
};

const labelFlags = (what: string, manager: string): FlagSpec[] => [
  ALL,
  ALL_NS,
  FIELD_SELECTOR,
  FILENAME,
  b('list', `If true, display the ${what} for a given resource.`),
  b('local', `If true, ${what} will NOT contact api-server but run locally.`),
  b(
    'overwrite',
    `If true, allow ${what} to be overwritten, otherwise reject ${what} updates that overwrite existing ${what}.`,
  ),
  s(
    'resource-version',
    `If non-empty, the ${what} update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.`,
  ),
  SELECTOR,
  RECURSIVE,
  FIELD_MANAGER(manager),
  ...WRITE_FLAGS,
];

export const LABEL: CommandDef = {
  name: 'label',
  short: 'Update the labels on a resource',
  group: 'Settings Commands',
  usage:
    'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: labelFlags('labels', 'kubectl-label'),
  run: runLabelOrAnnotate('label'),
};

export const ANNOTATE: CommandDef = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  group: 'Settings Commands',
  usage:
    'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: labelFlags('annotations', 'kubectl-annotate'),
  run: runLabelOrAnnotate('annotate'),
};

export const SET: CommandDef = {
  name: 'set',
  short: 'Set specific features on objects',
  group: 'Basic Commands (Beginner)',
  long: 'Configure application resources.\n\n These commands help you make changes to existing application resources.',
  usage: 'kubectl set SUBCOMMAND [options]',
  subcommands: [
    {
      name: 'image',
      short: 'Update the image of a pod template',
      usage:
        'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]',
      flags: [
        ALL,
        FILENAME,
        b('local', 'If true, set image will NOT contact api-server but run locally.'),
        SELECTOR,
        RECURSIVE,
        FIELD_MANAGER('kubectl-set'),
        ...WRITE_FLAGS,
      ],
      run: runSetImage,
    },
    {
      name: 'env',
      short: 'Update environment variables on a pod template',
      usage: 'kubectl set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N [options]',
      flags: [FIELD_MANAGER('kubectl-set'), ...WRITE_FLAGS],
      run: runSetEnv,
    },
    {
      name: 'selector',
      short: 'Set the selector on a resource',
      usage:
        'kubectl set selector (-f FILENAME | TYPE NAME) EXPRESSIONS [--resource-version=version] [options]',
      flags: [FIELD_MANAGER('kubectl-set'), ...WRITE_FLAGS],
      run: runSetSelector,
    },
  ],
};
