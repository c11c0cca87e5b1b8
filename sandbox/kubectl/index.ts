/** kubectl: argv in, text out, exit code back. (Not implemented yet.) */
import type { CommandIO } from '../shell/types';
import type { KubectlEnv } from './env';

export type { KubectlEnv, EditorHost } from './env';

export async function kubectl(_argv: readonly string[], io: CommandIO, _env: KubectlEnv): Promise<number> {
  io.stderr.write('error: kubectl is not available yet\n');
  return 1;
}
