/** Command table entries: Troubleshooting: describe, logs, exec, edit. */
import type { CommandDef } from './types';
import {
  ALL_NS,
  FIELD_MANAGER,
  FILENAME,
  OUTPUT,
  RECORD,
  RECURSIVE,
  SELECTOR,
  SHOW_MANAGED,
  VALIDATE,
  b,
  i,
  s,
} from './flags';
import { runDescribe, runEdit, runExec, runLogs } from '../cmd/wired';

export const DESCRIBE: CommandDef = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  group: 'Troubleshooting and Debugging Commands',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  flags: [
    ALL_NS,
    FILENAME,
    SELECTOR,
    RECURSIVE,
    b('show-events', 'If true, display events related to the described object.', undefined, 'true'),
  ],
  run: runDescribe,
};

export const LOGS: CommandDef = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  group: 'Troubleshooting and Debugging Commands',
  usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  flags: [
    b('all-containers', "Get all containers' logs in the pod(s)."),
    s('container', 'Print the logs of this container', 'c'),
    b('follow', 'Specify if the logs should be streamed.', 'f'),
    b(
      'previous',
      'If true, print the logs for the previous instance of the container in a pod if it exists.',
      'p',
    ),
    SELECTOR,
    i(
      'tail',
      'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.',
      '-1',
    ),
    b('timestamps', 'Include timestamps on each line in the log output'),
  ],
  run: runLogs,
};

export const EXEC: CommandDef = {
  name: 'exec',
  short: 'Execute a command in a container',
  group: 'Troubleshooting and Debugging Commands',
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  flags: [
    s(
      'container',
      'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen',
      'c',
    ),
    b('stdin', 'Pass stdin to the container', 'i'),
    b('tty', 'Stdin is a TTY', 't'),
    b('quiet', 'Only print output from the remote session', 'q'),
  ],
  run: runExec,
};

export const EDIT: CommandDef = {
  name: 'edit',
  short: 'Edit a resource on the server',
  group: 'Basic Commands (Intermediate)',
  usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME) [options]',
  flags: [
    FILENAME,
    {
      ...OUTPUT,
      usage:
        'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
    },
    RECORD,
    VALIDATE,
    FIELD_MANAGER('kubectl-edit'),
    SHOW_MANAGED,
  ],
  run: runEdit,
};
