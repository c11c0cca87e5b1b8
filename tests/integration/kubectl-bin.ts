/**
 * The real kubectl the integration tests compare against: a v1.32 client binary (not gcloud's
 * dispatcher), or undefined, in which case those tests skip and say why.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const KUBECTL_CANDIDATES = [
  '/usr/lib/google-cloud-sdk/bin/kubectl.1.32',
  '/usr/local/bin/kubectl',
  '/usr/bin/kubectl',
];

let found: string | undefined | null = null;

export function findKubectl(): string | undefined {
  if (found !== null) return found;
  found = undefined;
  for (const c of KUBECTL_CANDIDATES) {
    if (!existsSync(c)) continue;
    try {
      const v = execFileSync(c, ['version', '--client', '-o', 'json'], { encoding: 'utf8', timeout: 20000 });
      const minor = (JSON.parse(v) as { clientVersion?: { minor?: string } }).clientVersion?.minor;
      if (minor?.startsWith('32') && !v.includes('dispatcher')) {
        found = c;
        break;
      }
    } catch {
      // not usable
    }
  }
  return found;
}

/** Find the binary, or warn once that `what` is skipped and where we looked. */
export function kubectlOrSkip(what: string): string | undefined {
  const bin = findKubectl();
  if (!bin)
    console.warn(`${what} skipped: no kubectl v1.32 binary (looked in ${KUBECTL_CANDIDATES.join(', ')})`);
  return bin;
}

/** What a command printed and its exit status. */
export interface Result {
  out: string;
  err: string;
  code: number;
}
