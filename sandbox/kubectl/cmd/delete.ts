/** `kubectl delete` (§5.6): one DELETE per object, then wait (virtual clock) until each is gone. */
import type { DeleteOptions } from '../../api/request';
import type { ResourceInfo } from '../../api/resources';
import type { RunContext } from '../commands/types';
import { KubectlError, isNotFound, printErrors, withSource } from '../errors';
import { readManifests } from '../manifests';
import { kindPrefix, objectName, parseResourceArgs } from '../resolve';
import { dryRunOf, dryRunSuffix } from './common';
import { listObjects } from './list';

export const NO_RESOURCES = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'
`;

interface Target {
  resource: ResourceInfo;
  namespace: string | undefined;
  name: string;
  source: string;
}

function waitGone(ctx: RunContext, t: Target): Promise<void> {
  const { env, io } = ctx;
  if (!env.api.exists(t.resource.plural, t.namespace, t.name)) return Promise.resolve();
  return new Promise<void>((resolve) => {
    let unsubscribe = (): void => {};
    const handle = env.api.watch(
      t.resource.plural,
      t.namespace,
      { fieldSelector: `metadata.name=${t.name}` },
      (e) => {
        if (e.type === 'DELETED') done();
      },
    );
    function done(): void {
      handle.stop();
      unsubscribe();
      resolve();
    }
    unsubscribe = io.interrupt.onInterrupt(done);
    if (!env.api.exists(t.resource.plural, t.namespace, t.name)) done();
  });
}

function cascadeOf(ctx: RunContext): DeleteOptions['propagationPolicy'] {
  const v = ctx.flags.string('cascade') || 'background';
  if (v === 'background') return 'Background';
  if (v === 'foreground') return 'Foreground';
  if (v === 'orphan') return 'Orphan';
  const bool = /^(1|t|T|TRUE|true|True)$/.test(v)
    ? true
    : /^(0|f|F|FALSE|false|False)$/.test(v)
      ? false
      : undefined;
  if (bool === undefined) {
    throw new KubectlError(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan"`);
  }
  const to = bool ? 'background' : 'orphan';
  ctx.io.stderr.write(
    `warning: --cascade=${v} is deprecated (boolean value) and can be replaced with --cascade=${to}.\n`,
  );
  return bool ? 'Background' : 'Orphan';
}

export async function runDelete(ctx: RunContext): Promise<number> {
  const { env, io, flags } = ctx;
  const files = flags.list('filename');
  const allNs = flags.bool('all-namespaces');
  const selector = flags.string('selector');
  const all = flags.bool('all');
  if (flags.args.length === 0 && files.length === 0) {
    if (selector || all) throw new KubectlError('at least one resource must be specified to use a selector');
    io.stderr.write(NO_RESOURCES);
    return 1;
  }
  const dry = dryRunOf(flags);
  const force = flags.bool('force');
  let grace = flags.int('grace-period');
  if (flags.bool('now')) {
    if (flags.changed('grace-period'))
      throw new KubectlError('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (force && grace < 0) grace = 0;
  // kubectl turns --grace-period=0 into 1 unless --force is given.
  if (!force && grace === 0) grace = 1;
  if (force && grace === 0) {
    io.stderr.write(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
  }
  const opts: DeleteOptions = {
    propagationPolicy: cascadeOf(ctx),
    ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
    dryRun: dry === 'server',
  };
  const targets: Target[] = [];
  const errors: unknown[] = [];
  const ignoreNotFound = flags.bool('ignore-not-found');
  if (files.length) {
    const infos = await readManifests(io, {
      paths: files,
      namespace: ctx.namespace,
      enforceNamespace: ctx.namespaceSet,
      validate: false,
    });
    for (const i of infos) {
      targets.push({
        resource: i.resource,
        namespace: i.namespace || undefined,
        name: i.name,
        source: i.source,
      });
    }
    if (targets.length === 0) {
      io.stdout.write('No resources found\n');
      return 0;
    }
  } else {
    const refs = parseResourceArgs(flags.args);
    if (selector && refs.some((r) => r.name !== undefined)) {
      throw new KubectlError('name cannot be provided when a selector is specified');
    }
    const ns = allNs ? undefined : ctx.namespace;
    for (const ref of refs) {
      if (ref.name !== undefined) {
        targets.push({ resource: ref.resource, namespace: ns, name: ref.name, source: '' });
        continue;
      }
      if (!selector && !all && !flags.string('field-selector')) {
        throw new KubectlError('resource(s) were provided, but no name was specified');
      }
      const items = listObjects(env, ref.resource, ns, {
        labelSelector: selector || undefined,
        fieldSelector: flags.string('field-selector') || undefined,
      });
      for (const o of items) {
        targets.push({
          resource: ref.resource,
          namespace: o.metadata.namespace,
          name: o.metadata.name ?? '',
          source: '',
        });
      }
    }
    if (targets.length === 0 && refs.every((r) => r.name === undefined)) {
      // Unlike `get`, delete says it on stdout (kubectl v1.32).
      io.stdout.write('No resources found\n');
      return 0;
    }
  }
  const deleted: Target[] = [];
  const output = flags.string('output');
  for (const t of targets) {
    try {
      if (dry !== 'client') env.api.delete(t.resource.plural, t.namespace, t.name, opts);
      else env.api.get(t.resource.plural, t.namespace, t.name);
      if (output === 'name') io.stdout.write(`${objectName(t.resource, t.name)}\n`);
      else {
        const verb = force && grace === 0 ? 'force deleted' : 'deleted';
        io.stdout.write(`${kindPrefix(t.resource)} "${t.name}" ${verb}${dryRunSuffix(dry)}\n`);
      }
      deleted.push(t);
    } catch (e) {
      if (ignoreNotFound && isNotFound(e)) continue;
      errors.push(withSource(e, 'deleting', t.source));
    }
  }
  const wait = flags.string('wait') !== 'false' && dry === 'none';
  if (wait) for (const t of deleted) await waitGone(ctx, t);
  if (io.interrupt.interrupted) return 130;
  printErrors(io.stderr, errors);
  return errors.length ? 1 : 0;
}
