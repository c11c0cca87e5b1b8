/** Command table entries: Deploy commands: scale, rollout, the legacy rolling-update. */
import type { CommandDef } from './types';
import type { FlagSpec } from '../flags';
import {
  ALL,
  DRY_RUN,
  FIELD_MANAGER,
  FILENAME,
  OUTPUT,
  RECURSIVE,
  SELECTOR,
  WRITE_FLAGS,
  b,
  i,
  s,
} from './flags';
import { runScale } from '../cmd/scale';
import { runRollingUpdate, runRollout } from '../cmd/wired';

export const SCALE: CommandDef = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  group: 'Deploy Commands',
  long: 'Set a new size for a deployment, replica set, replication controller, or stateful set.\n\n Scale also allows users to specify one or more preconditions for the scale action.\n\n If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.',
  usage:
    'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  required: ['replicas'],
  flags: [
    ALL,
    i(
      'current-replicas',
      'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.',
      '-1',
    ),
    { ...FILENAME, usage: 'Filename, directory, or URL to files identifying the resource to set a new size' },
    RECURSIVE,
    i('replicas', 'The new desired number of replicas. Required.'),
    s(
      'resource-version',
      'Precondition for resource version. Requires that the current resource version match this value in order to scale.',
    ),
    SELECTOR,
    s(
      'timeout',
      "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).",
      undefined,
      '0s',
    ),
    ...WRITE_FLAGS,
  ],
  run: runScale,
};

const rolloutSub = (name: string, short: string, flags: FlagSpec[] = []): CommandDef => ({
  name,
  short,
  usage: `kubectl rollout ${name} RESOURCE`,
  flags: [FILENAME, SELECTOR, RECURSIVE, ...flags],
  run: runRollout(name),
});

export const ROLLOUT: CommandDef = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  group: 'Deploy Commands',
  long: 'Manage the rollout of one or many resources.\n        \n Valid resource types include:\n\n  *  deployments\n  *  daemonsets\n  *  statefulsets',
  usage: 'kubectl rollout SUBCOMMAND [options]',
  subcommands: [
    rolloutSub('history', 'View rollout history', [
      i('revision', 'See the details, including podTemplate of the revision specified'),
      OUTPUT,
    ]),
    rolloutSub('pause', 'Mark the provided resource as paused', [FIELD_MANAGER('kubectl-rollout'), OUTPUT]),
    rolloutSub('restart', 'Restart a resource', [FIELD_MANAGER('kubectl-rollout'), OUTPUT]),
    rolloutSub('resume', 'Resume a paused resource', [FIELD_MANAGER('kubectl-rollout'), OUTPUT]),
    rolloutSub('status', 'Show the status of the rollout', [
      i('revision', 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).'),
      s(
        'timeout',
        'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).',
        undefined,
        '0s',
      ),
      b('watch', "Watch the status of the rollout until it's done.", 'w', 'true'),
    ]),
    rolloutSub('undo', 'Undo a previous rollout', [
      i('to-revision', 'The revision to rollback to. Default to 0 (last revision).'),
      DRY_RUN,
      OUTPUT,
    ]),
  ],
};

export const ROLLING_UPDATE: CommandDef = {
  name: 'rolling-update',
  short: 'Perform a rolling update of the given ReplicationController',
  usage:
    'kubectl rolling-update OLD_CONTROLLER_NAME ([NEW_CONTROLLER_NAME] --image=NEW_CONTAINER_IMAGE | -f NEW_CONTROLLER_SPEC) [options]',
  hidden: true,
  deprecated: 'use "rollout" instead',
  flags: [
    s(
      'image',
      'Image to use for upgrading the replication controller. Must be distinct from the existing image (either new image or new image tag).  Can not be used with --filename/-f',
    ),
    s(
      'update-period',
      'Time to wait between updating pods. Valid time units are "ns", "us" (or "µs"), "ms", "s", "m", "h".',
      undefined,
      '1m0s',
    ),
    s(
      'poll-interval',
      'Time delay between polling for replication controller status after the update. Valid time units are "ns", "us" (or "µs"), "ms", "s", "m", "h".',
      undefined,
      '3s',
    ),
    s(
      'timeout',
      'Max time to wait for a replication controller to update before giving up. Valid time units are "ns", "us" (or "µs"), "ms", "s", "m", "h".',
      undefined,
      '5m0s',
    ),
    s(
      'container',
      'Container name which will have its image upgraded. Only relevant when --image is specified, ignored otherwise. Required when using --image on a multi-container pod',
    ),
    s(
      'deployment-label-key',
      "The key to use to differentiate between two different controllers, default 'deployment'.  Only relevant when --image is specified, ignored otherwise",
      undefined,
      'deployment',
    ),
    s(
      'image-pull-policy',
      'Explicit policy for when to pull container images. Required when --image is same as existing image, ignored otherwise.',
    ),
    b(
      'rollback',
      'If true, this is a request to abort an existing rollout that is partially rolled out. It effectively reverses current and next and runs a rollout',
    ),
    FILENAME,
    DRY_RUN,
    OUTPUT,
  ],
  run: runRollingUpdate,
};
