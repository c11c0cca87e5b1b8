/** The pod-level and interactive commands: logs, exec and edit. */
export { logsCommand, type LogsOptions } from './logs';
export { execCommand, type ExecOptions } from './exec';
export { editObjects, type EditOptions } from './edit';
