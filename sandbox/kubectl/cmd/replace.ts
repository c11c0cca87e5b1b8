/** `kubectl replace -f` (§5.9): PUT with the live resourceVersion; `--force` deletes then creates. */
import type { RunContext } from '../commands/types';
import { isNotFound, printErrors, withSource } from '../errors';
import { formatObjects, parseOutput } from '../printers/output';
import { kindPrefix, objectName } from '../resolve';
import {
  deepCopy,
  dryRunOf,
  dryRunSuffix,
  fieldValidationOf,
  flushWarnings,
  recordInto,
  writeOptions,
  manifestsOf,
} from './common';

export async function runReplace(ctx: RunContext): Promise<number> {
  const { env, io, flags } = ctx;
  const infos = await manifestsOf(ctx);
  const dry = dryRunOf(flags);
  const output = flags.string('output');
  const format = output ? parseOutput(output, false) : undefined;
  const errors: unknown[] = [];
  for (const info of infos) {
    const ns = info.resource.namespaced ? info.namespace : undefined;
    const obj = deepCopy(info.object);
    obj.metadata = { ...obj.metadata, ...(ns ? { namespace: ns } : {}) };
    recordInto(ctx, obj);
    const opts = writeOptions(ctx, 'kubectl-replace', {
      namespace: ns,
      dryRun: dry === 'server',
      fieldValidation: fieldValidationOf(flags),
    });
    try {
      if (flags.bool('force')) {
        try {
          env.api.delete(info.resource.plural, ns, info.name);
          io.stdout.write(`${kindPrefix(info.resource)} "${info.name}" deleted\n`);
        } catch (e) {
          if (!isNotFound(e)) throw e;
        }
        delete obj.metadata.resourceVersion;
        const created = env.api.create(obj, opts);
        flushWarnings(ctx, opts);
        io.stdout.write(
          format
            ? formatObjects(format, [created], true)
            : `${objectName(info.resource, info.name)} replaced\n`,
        );
        continue;
      }
      if (!obj.metadata.resourceVersion) {
        try {
          obj.metadata.resourceVersion = env.api.get(
            info.resource.plural,
            ns,
            info.name,
          ).metadata.resourceVersion;
        } catch (e) {
          if (!isNotFound(e)) throw e;
        }
      }
      const out = dry === 'client' ? obj : env.api.update(obj, opts);
      flushWarnings(ctx, opts);
      io.stdout.write(
        format
          ? formatObjects(format, [out as never], true)
          : `${objectName(info.resource, info.name)} replaced${dryRunSuffix(dry)}\n`,
      );
    } catch (e) {
      flushWarnings(ctx, opts);
      errors.push(withSource(e, 'replacing', info.source));
    }
  }
  printErrors(io.stderr, errors);
  return errors.length ? 1 : 0;
}
