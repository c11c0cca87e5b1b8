/** `kubectl set image` (§5.7): SMP of the pod template's containers, manager kubectl-set. */
import type { RunContext } from '../commands/types';
import { KubectlError, printError } from '../errors';
import { deepCopy } from './common';
import { containersOf, fetchTargets, patchAndPrint } from './set-common';

export async function runSetImage(ctx: RunContext): Promise<number> {
  const { io, flags } = ctx;
  const pairs = flags.args.filter((a) => a.includes('='));
  const words = flags.args.filter((a) => !a.includes('='));
  // Like kubectl's Complete: fetch every object first; any failure stops before the update check.
  const targets = fetchTargets(ctx, words);
  if (!targets) return 1;
  if (pairs.length === 0) throw new KubectlError('at least one image update is required');
  let rc = 0;
  for (const target of targets) {
    const { ref, live } = target;
    try {
      const modified = deepCopy(live);
      const containers = containersOf(modified);
      if (!containers) {
        throw new KubectlError(
          `${ref.resource.plural}/${live.metadata.name ?? ''} the object is not a pod or does not have a pod template: *v1.${live.kind}`,
        );
      }
      const missing: string[] = [];
      for (const p of pairs) {
        const eq = p.indexOf('=');
        const cname = p.slice(0, eq);
        const image = p.slice(eq + 1);
        const hits = cname === '*' ? containers : containers.filter((c) => c.name === cname);
        if (hits.length === 0) missing.push(cname);
        for (const c of hits) c.image = image;
      }
      patchAndPrint(ctx, target, modified, 'image updated');
      for (const m of missing) {
        printError(io.stderr, new KubectlError(`unable to find container named "${m}"`));
        rc = 1;
      }
    } catch (e) {
      printError(io.stderr, e);
      rc = 1;
    }
  }
  return rc;
}
