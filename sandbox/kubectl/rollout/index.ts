/**
 * kubectl's rollout subcommands (status, history, undo, pause, resume, restart) and the legacy
 * client-side `rolling-update`. Each takes the env, the command's IO and parsed options, writes
 * kubectl's output and resolves to the exit code.
 */
export { rolloutStatus, deploymentStatus, INTERRUPTED, type RolloutStatusOptions } from './status';
export { rolloutHistory, type RolloutHistoryOptions } from './history';
export { rolloutUndo, type RolloutUndoOptions } from './undo';
export { rolloutPause, rolloutResume, rolloutRestart } from './pause';
export { rollingUpdate, DEPRECATION, type RollingUpdateOptions } from './rolling-update';
export type { RolloutTarget } from './common';
export { errorText, KubectlError } from './errors';
// logs/exec/edit live in ops/; re-exported so a caller that loads only this module finds them.
export { logsCommand, execCommand, editObjects } from '../ops';
