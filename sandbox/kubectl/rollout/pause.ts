/**
 * `kubectl rollout pause | resume | restart`: change the Deployment in memory, send the strategic
 * two-way merge patch between before and after (field manager kubectl-rollout), print the result.
 */
import type { JsonObject } from '../../api/types';
import type { CommandIO } from '../../shell/types';
import type { KubectlEnv } from '../env';
import { createTwoWayMergePatch } from '../../api/patch';
import { kindSchema, typeSchema } from '../../api/schema';
import { formatRFC3339 } from '../../api/tables/duration';
import { type RolloutTarget, fetch, isDeployment, nameOf, namespaceOf, qualified } from './common';
import { KubectlError, fail, plainMessage } from './errors';

export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

type Mutator = (obj: JsonObject, now: number) => void;

interface Spec {
  paused?: boolean;
  template?: { metadata?: { annotations?: Record<string, string> } };
}

const pauser: Mutator = (obj) => {
  const spec = obj.spec as Spec;
  if (spec.paused) throw new KubectlError('is already paused');
  spec.paused = true;
};

const resumer: Mutator = (obj) => {
  const spec = obj.spec as Spec;
  if (!spec.paused) throw new KubectlError('is not paused');
  // `paused: false` is omitted when a Go client encodes the Deployment.
  delete spec.paused;
};

const restarter: Mutator = (obj, now) => {
  const spec = obj.spec as Spec;
  if (spec.paused) throw new KubectlError("can't restart paused deployment (run rollout resume first)");
  spec.template = spec.template ?? {};
  spec.template.metadata = spec.template.metadata ?? {};
  spec.template.metadata.annotations = {
    ...(spec.template.metadata.annotations ?? {}),
    [RESTARTED_AT]: formatRFC3339(new Date(now).toISOString()),
  };
};

interface Verb {
  mutate: Mutator;
  gerund: string;
  done: string;
  /** What to print when the patch is empty; undefined: the restart error. */
  noop?: string;
}

async function run(env: KubectlEnv, io: CommandIO, t: RolloutTarget, verb: Verb): Promise<number> {
  let obj;
  try {
    obj = fetch(env, t);
  } catch (e) {
    return fail(io, e);
  }
  const label = `${qualified(t.resource)} ${JSON.stringify(t.name)}`;
  if (!isDeployment(t.resource)) return fail(io, `${label} ${verb.gerund} is not supported`);
  const original = JSON.parse(JSON.stringify(obj)) as JsonObject;
  const modified = JSON.parse(JSON.stringify(obj)) as JsonObject;
  try {
    verb.mutate(modified, env.clock.now());
  } catch (e) {
    return fail(io, `${label} ${plainMessage(e)}`);
  }
  const typeName = kindSchema('apps/v1', 'Deployment')?.type;
  const patch = createTwoWayMergePatch(original, modified, typeName, typeSchema);
  const name = nameOf(t.resource, t.name);
  if (Object.keys(patch).length === 0) {
    if (verb.noop) {
      io.stdout.write(`${name} ${verb.noop}\n`);
      return 0;
    }
    return fail(
      io,
      `failed to create patch for ${t.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
    );
  }
  try {
    env.api.patch('deployments', namespaceOf(env, t), t.name, patch, 'strategic', {
      fieldManager: 'kubectl-rollout',
    });
  } catch (e) {
    return fail(io, `failed to patch: ${plainMessage(e)}`);
  }
  io.stdout.write(`${name} ${verb.done}\n`);
  return 0;
}

export function rolloutPause(env: KubectlEnv, io: CommandIO, t: RolloutTarget): Promise<number> {
  return run(env, io, t, { mutate: pauser, gerund: 'pausing', done: 'paused', noop: 'already paused' });
}

export function rolloutResume(env: KubectlEnv, io: CommandIO, t: RolloutTarget): Promise<number> {
  return run(env, io, t, { mutate: resumer, gerund: 'resuming', done: 'resumed', noop: 'already resumed' });
}

export function rolloutRestart(env: KubectlEnv, io: CommandIO, t: RolloutTarget): Promise<number> {
  return run(env, io, t, { mutate: restarter, gerund: 'restarting', done: 'restarted' });
}
