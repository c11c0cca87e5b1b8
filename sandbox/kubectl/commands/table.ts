/** The command table: every kubectl command we emulate, in kubectl's registration order. */
import type { CommandDef } from './types';
import { GET } from './def-get';
import { CREATE, EXPOSE, RUN } from './def-create';
import { ANNOTATE, APPLY, DELETE, LABEL, PATCH, REPLACE, SET } from './def-write';
import { ROLLING_UPDATE, ROLLOUT, SCALE } from './def-deploy';
import { DESCRIBE, EDIT, EXEC, LOGS } from './def-debug';
import {
  API_RESOURCES,
  API_VERSIONS,
  CLUSTER_INFO,
  CONFIG,
  EXPLAIN,
  UNSUPPORTED,
  VERSION,
  WAIT,
  DIFF,
  EVENTS,
  PORT_FORWARD,
  TOP,
} from './def-other';

export const COMMANDS: CommandDef[] = [
  CREATE,
  EXPOSE,
  RUN,
  SET,
  EXPLAIN,
  GET,
  EDIT,
  DELETE,
  ROLLOUT,
  SCALE,
  CLUSTER_INFO,
  DESCRIBE,
  LOGS,
  EXEC,
  APPLY,
  PATCH,
  REPLACE,
  LABEL,
  ANNOTATE,
  API_RESOURCES,
  CONFIG,
  API_VERSIONS,
  VERSION,
  WAIT,
  DIFF,
  ROLLING_UPDATE,
  EVENTS,
  PORT_FORWARD,
  TOP,
  ...UNSUPPORTED,
];
