/**
 * EnsureImageExists of the kubelet's image manager: honour imagePullPolicy, say `already present`,
 * pull through the node's serial puller with `Pulling`/`Pulled` events, or fail with
 * `Failed to pull image ...` + `Error: ErrImagePull`, then back off (10s doubling to 5m) showing
 * `ImagePullBackOff` until the next attempt. Texts are those of pkg/kubelet/images (v1.32).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ImageInfo } from '../apps/types';
import { parseReference, resolveImage } from '../apps/registry';
import { recordEvent } from './events';
import { goDuration } from './format';
import { stageMs } from './stages';
import type { ContainerRt, KubeletEnv } from './types';

export interface PullHost {
  env: KubeletEnv;
  pod: Pod;
  /** Run `fn` later unless the pod worker has stopped. */
  later(ms: number, fn: () => void): void;
  /** The kubelet's view changed: write the status. */
  changed(): void;
}

function wait(host: PullHost, c: ContainerRt, reason: string, message?: string): void {
  c.state = message ? { kind: 'waiting', reason, message } : { kind: 'waiting', reason };
  host.changed();
}

/** Make sure the container's image is on the node, then call `ready` with it. */
export function ensureImage(
  host: PullHost,
  c: ContainerRt,
  ready: (image: ImageInfo) => void,
  failed: () => void = () => {},
): void {
  const { env, pod } = host;
  const gen = c.generation;
  const image = c.spec.image ?? '';
  const name = c.spec.name;
  const policy = c.spec.imagePullPolicy ?? 'IfNotPresent';
  const clock = env.ctx.clock;
  const retry = (ms: number): void =>
    host.later(ms, () => {
      if (c.generation === gen) ensureImage(host, c, ready);
    });

  const parsed = parseReference(image);
  const lookup = resolveImage(image);
  if (!parsed || (!lookup.ok && lookup.reason === 'InvalidImageName')) {
    const msg = lookup.ok ? '' : lookup.error;
    recordEvent(env, pod, name, 'Warning', 'InspectFailed', msg);
    recordEvent(env, pod, name, 'Warning', 'Failed', 'Error: InvalidImageName');
    wait(host, c, 'InvalidImageName', msg);
    return failed();
  }
  if (policy !== 'Always' && env.images.has(parsed.normalized) && lookup.ok) {
    recordEvent(env, pod, name, 'Normal', 'Pulled', `Container image "${image}" already present on machine`);
    return ready(lookup.image);
  }
  if (policy === 'Never') {
    const msg = `Container image "${image}" is not present with pull policy of Never`;
    recordEvent(env, pod, name, 'Warning', 'ErrImageNeverPull', msg);
    recordEvent(env, pod, name, 'Warning', 'Failed', 'Error: ErrImageNeverPull');
    wait(host, c, 'ErrImageNeverPull', msg);
    return failed();
  }
  const key = `${pod.metadata?.uid}_${image}`;
  const now = clock.now();
  if (env.pullBackoff.inBackOffSinceUpdate(key, now)) {
    const msg = `Back-off pulling image "${image}"`;
    recordEvent(env, pod, name, 'Normal', 'BackOff', msg);
    recordEvent(env, pod, name, 'Warning', 'Failed', 'Error: ImagePullBackOff');
    wait(host, c, 'ImagePullBackOff', msg);
    retry(env.pullBackoff.until(key) - now + stageMs(env.random, 'pleg'));
    return failed();
  }
  recordEvent(env, pod, name, 'Normal', 'Pulling', `Pulling image "${image}"`);
  const plan = env.images.plan(image, now);
  host.later(plan.totalMs, () => {
    env.images.complete(plan);
    if (c.generation !== gen) return;
    if (!plan.lookup.ok) {
      const err = plan.lookup.error;
      recordEvent(env, pod, name, 'Warning', 'Failed', `Failed to pull image "${image}": ${err}`);
      env.pullBackoff.next(key, clock.now(), clock.now());
      recordEvent(env, pod, name, 'Warning', 'Failed', 'Error: ErrImagePull');
      wait(host, c, 'ErrImagePull', err);
      retry(stageMs(env.random, 'resync'));
      return failed();
    }
    const info = plan.lookup.image;
    recordEvent(
      env,
      pod,
      name,
      'Normal',
      'Pulled',
      `Successfully pulled image "${image}" in ${goDuration(plan.pullMs)} (${goDuration(plan.totalMs)} including waiting). Image size: ${info.size} bytes.`,
    );
    ready(info);
  });
}
