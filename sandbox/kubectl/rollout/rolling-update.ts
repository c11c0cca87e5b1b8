/**
 * Legacy `kubectl rolling-update` (v1.11–v1.17 flavour, removed from kubectl in v1.18), emulated
 * for the lessons that show it: the whole update runs client-side, so Ctrl+C leaves both RCs
 * half-scaled. See spec kubectl.md §5.17 and controllers.md §12.
 */
import type { KubeObject } from '../../api/types';
import { isStatusError } from '../../api/errors';
import type { CommandIO } from '../../shell/types';
import type { KubectlEnv } from '../env';
import { KubectlError, fail } from './errors';
import { md5Hex } from './md5';
import { Interrupted, type Rc, RcClient } from './rc';
import { INTERRUPTED } from './status';
import {
  DESIRED_REPLICAS,
  NEXT_CONTROLLER,
  ORIGINAL_REPLICAS,
  SOURCE_ID,
  rename,
  runUpdate,
} from './updater';

export interface RollingUpdateOptions {
  namespace?: string;
  oldName: string;
  newName?: string;
  image?: string;
  /** `-f`: the new controller, already parsed. */
  manifest?: KubeObject;
  filename?: string;
  updatePeriodSeconds?: number;
  pollIntervalSeconds?: number;
  timeoutSeconds?: number;
  deploymentKey?: string;
  containerName?: string;
  imagePullPolicy?: string;
  rollback?: boolean;
  dryRun?: boolean;
}

export const DEPRECATION = 'Command "rolling-update" is deprecated, use "rollout" instead\n';

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** validateArguments of kubectl 1.17, in its order. */
function usageErrors(opts: RollingUpdateOptions, key: string): string[] {
  const errs: string[] = [];
  if (!key) errs.push('--deployment-label-key can not be empty');
  if (!opts.rollback) {
    if (!opts.image && !opts.manifest) errs.push('Must specify --filename or --image for new controller');
    else if (opts.image && opts.manifest) errs.push('--filename and --image can not both be specified');
  } else if (opts.image || opts.manifest) {
    errs.push("Don't specify --filename or --image on rollback");
  }
  if (!opts.oldName) errs.push('Must specify the controller to update');
  return errs;
}

export async function rollingUpdate(
  env: KubectlEnv,
  io: CommandIO,
  opts: RollingUpdateOptions,
): Promise<number> {
  io.stderr.write(DEPRECATION);
  const key = opts.deploymentKey ?? 'deployment';
  const problems = usageErrors(opts, key);
  if (problems.length > 0) {
    // One usage error prints as `error: ...`; several as a plain list (kubectl's MultipleErrors).
    const see = "See 'kubectl rolling-update -h' for help and examples";
    const lines = problems.map((p) => `${p}\n${see}\n`);
    io.stderr.write(lines.length === 1 ? `error: ${lines[0]}` : lines.join(''));
    return 1;
  }
  const c = new RcClient(env, io, opts.namespace || env.namespace);
  try {
    return await run(c, opts, key);
  } catch (e) {
    if (e instanceof Interrupted) return INTERRUPTED;
    return fail(io, e);
  }
}

async function run(c: RcClient, opts: RollingUpdateOptions, key: string): Promise<number> {
  const io = c.io;
  const timing = {
    updatePeriodMs: (opts.updatePeriodSeconds ?? 60) * 1000,
    intervalMs: (opts.pollIntervalSeconds ?? 3) * 1000,
    // v1.11–v1.17 parse --timeout but always use the built-in 5m0s.
    timeoutMs: 300 * 1000,
  };
  // kubectl sets KeepOldName when only OLD was given (with --image or -f): the new RC is renamed at the end.
  const keepOldName = !opts.newName;
  let oldRc: Rc;
  try {
    oldRc = c.get(opts.oldName);
  } catch (e) {
    if (!(isStatusError(e) && e.code === 404) || !opts.image || !keepOldName) throw e;
    // Interrupted during the rename: find the RC whose source id names the old controller.
    const all = c.env.api.list('replicationcontrollers', c.namespace).items as unknown as Rc[];
    const src = all.find((rc) => (rc.metadata.annotations?.[SOURCE_ID] ?? '').startsWith(`${opts.oldName}:`));
    if (!src)
      throw new KubectlError(
        `couldn't find a replication controller with source id == ${c.namespace}/${opts.oldName}`,
      );
    await rename(c, src, opts.oldName);
    return 0;
  }

  if (opts.rollback) return rollback(c, opts, oldRc, timing);

  let newRc: Rc;
  let newName = opts.newName ?? '';
  if (opts.manifest) {
    newRc = clone(opts.manifest) as unknown as Rc;
    newName = newRc.metadata.name ?? '';
  } else {
    newName = newName || oldRc.metadata.annotations?.[NEXT_CONTROLLER] || '';
    if (newName && c.exists(newName)) {
      newRc = c.get(newName);
      const img = newRc.spec.template?.spec?.containers[0]?.image ?? '';
      if (img !== opts.image)
        throw new KubectlError(
          `Found existing in-progress update to image (${img}).\nEither continue in-progress update with --image=${img} or rollback with --rollback`,
        );
      io.stdout.write(`Found existing update in progress (${newName}), resuming.\n`);
    } else {
      newRc = buildNewRc(c, oldRc, opts, key);
      if (!newName) newName = `${opts.oldName}-${newRc.spec.selector![key]}`;
      newRc.metadata.name = newName;
    }
  }

  if (opts.image) {
    // Only image mode relabels the old controller (UpdateExistingReplicationController).
    const oldHash = `${md5Hex(JSON.stringify(oldRc))}-orig`;
    if (oldRc.spec.selector?.[key] === undefined) oldRc = await adopt(c, oldRc, key, oldHash, newName);
    else
      oldRc = c.update(oldRc.metadata.name!, (rc) => {
        rc.metadata.annotations = { ...(rc.metadata.annotations ?? {}), [NEXT_CONTROLLER]: newName };
      });
  }

  const filename = opts.filename ?? '';
  if (newName === opts.oldName)
    throw new KubectlError(
      `${filename} cannot have the same name as the existing ReplicationController ${opts.oldName}`,
    );
  const oldSel = oldRc.spec.selector ?? {};
  const newSel = newRc.spec.selector ?? {};
  if (!Object.keys(oldSel).some((k) => newSel[k] !== undefined && newSel[k] !== oldSel[k]))
    throw new KubectlError(
      `${filename} must specify a matching key with non-equal value in Selector for ${opts.oldName}`,
    );
  if (opts.manifest && newRc.spec.replicas === undefined) newRc.spec.replicas = oldRc.spec.replicas;
  if (opts.dryRun) {
    io.stdout.write(`Rolling from:\n${oldRc.metadata.name}\nTo:\n${newName}\n`);
    return 0;
  }

  await runUpdate(c, { oldRc, newRc, ...timing, cleanup: keepOldName ? 'rename' : 'delete' });
  if (keepOldName) {
    const rc = c.get(opts.oldName);
    io.stdout.write(`replicationcontroller/${rc.metadata.name} rolling updated\n`);
  } else {
    const rc = c.get(newName);
    io.stdout.write(`replicationcontroller/${rc.metadata.name} rolling updated to "${newName}"\n`);
  }
  return 0;
}

/** The new RC of image mode: the old one with the new image and `deployment=<hash>` on selector and template. */
function buildNewRc(c: RcClient, oldRc: Rc, opts: RollingUpdateOptions, key: string): Rc {
  const containers = oldRc.spec.template?.spec?.containers ?? [];
  if (containers[0]?.image === opts.image && !opts.imagePullPolicy)
    throw new KubectlError(
      '--image-pull-policy (Always|Never|IfNotPresent) must be provided when --image is the same as existing container image',
    );
  const newRc = c.get(opts.oldName);
  const list = newRc.spec.template?.spec?.containers ?? [];
  let target = list[0];
  if (opts.containerName) {
    target = list.find((x) => x.name === opts.containerName)!;
    if (!target) throw new KubectlError(`container ${opts.containerName} not found in pod`);
  } else if (list.length > 1) {
    throw new KubectlError('must specify container to update when updating a multi-container pod');
  }
  target.image = opts.image;
  if (opts.imagePullPolicy) target.imagePullPolicy = opts.imagePullPolicy;
  const hash = md5Hex(JSON.stringify(newRc));
  newRc.spec.selector = { ...(newRc.spec.selector ?? {}), [key]: hash };
  newRc.spec.template = newRc.spec.template ?? {};
  newRc.spec.template.metadata = newRc.spec.template.metadata ?? {};
  newRc.spec.template.metadata.labels = { ...(newRc.spec.template.metadata.labels ?? {}), [key]: hash };
  newRc.metadata = {
    name: newRc.metadata.name,
    namespace: newRc.metadata.namespace,
    labels: newRc.metadata.labels,
    annotations: newRc.metadata.annotations,
  };
  delete newRc.status;
  return newRc;
}

/** First run: label the old RC's template, its pods, then its selector with `deployment=<oldHash>`. */
async function adopt(c: RcClient, oldRc: Rc, key: string, oldHash: string, newName: string): Promise<Rc> {
  const oldSelector = { ...(oldRc.spec.selector ?? {}) };
  c.update(oldRc.metadata.name!, (rc) => {
    rc.metadata.annotations = { ...(rc.metadata.annotations ?? {}), [NEXT_CONTROLLER]: newName };
    rc.spec.template = rc.spec.template ?? {};
    rc.spec.template.metadata = rc.spec.template.metadata ?? {};
    rc.spec.template.metadata.labels = { ...(rc.spec.template.metadata.labels ?? {}), [key]: oldHash };
  });
  const sel = Object.keys(oldSelector)
    .sort()
    .map((k) => `${k}=${oldSelector[k]}`)
    .join(',');
  const pods = c.env.api.list('pods', c.namespace, { labelSelector: sel }).items;
  for (const p of pods) {
    for (let attempt = 0; ; attempt++) {
      const pod = c.env.api.get('pods', c.namespace, p.metadata.name!);
      pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [key]: oldHash };
      try {
        c.env.api.update(pod);
        break;
      } catch (e) {
        if (!(isStatusError(e) && e.code === 409) || attempt >= 10) throw e;
      }
    }
  }
  return c.update(oldRc.metadata.name!, (rc) => {
    rc.spec.selector = { ...(rc.spec.selector ?? {}), [key]: oldHash };
  });
}

/** `--rollback`: swap the roles and run the update back to the original controller. */
async function rollback(
  c: RcClient,
  opts: RollingUpdateOptions,
  oldRc: Rc,
  timing: { updatePeriodMs: number; intervalMs: number; timeoutMs: number },
): Promise<number> {
  const nextName = opts.newName || oldRc.metadata.annotations?.[NEXT_CONTROLLER] || '';
  if (!nextName || !c.exists(nextName)) throw new KubectlError(`Could not find ${nextName} to rollback.`);
  const next = c.get(nextName);
  const original = oldRc.metadata.annotations?.[ORIGINAL_REPLICAS];
  if (original === undefined)
    throw new KubectlError(`couldn't find original replica count of ${JSON.stringify(opts.oldName)}`);
  c.io.stdout.write(`Setting ${JSON.stringify(opts.oldName)} replicas to ${original}\n`);
  const target = c.update(opts.oldName, (rc) => {
    rc.metadata.annotations = {
      ...(rc.metadata.annotations ?? {}),
      [SOURCE_ID]: `${nextName}:${next.metadata.uid}`,
      [DESIRED_REPLICAS]: original,
    };
  });
  await runUpdate(c, { oldRc: next, newRc: target, ...timing, cleanup: 'delete' });
  if (opts.newName) {
    const rc = c.get(nextName);
    c.io.stdout.write(`replicationcontroller/${rc.metadata.name} rolling updated to "${nextName}"\n`);
  } else {
    c.io.stdout.write(`replicationcontroller/${opts.oldName} rolling updated\n`);
  }
  return 0;
}
