/**
 * A node's image store and its puller. Pulls are serialised, as with the kubelet's default
 * `serializeImagePulls: true`: a pull waits for the ones before it, which is the difference
 * between the two durations of the Pulled event (`in 1.2s (3.4s including waiting)`). An image
 * the node already has (or is already fetching) pulls quickly: only the manifest is checked.
 */
import type { SeededRandom } from '../clock/random';
import type { ImageInfo, ImageLookup } from '../apps/types';
import { resolveImage } from '../apps/registry';
import { stageFactor, stageMs } from './stages';

export interface PullPlan {
  lookup: ImageLookup;
  /** Milliseconds the runtime spends on the pull itself. */
  pullMs: number;
  /** Milliseconds from the request to the end of the pull (queueing included). */
  totalMs: number;
}

export class NodeImages {
  private present = new Map<string, ImageInfo>();
  private fetching = new Set<string>();
  private freeAt = 0;

  constructor(private readonly random: SeededRandom) {}

  /** Is the image (normalised reference) on the node? */
  has(ref: string): boolean {
    return this.present.has(ref);
  }

  /** Plan a pull requested at `now`; `complete` must be called when it ends. */
  plan(image: string, now: number): PullPlan {
    const lookup = resolveImage(image);
    let pullMs: number;
    if (!lookup.ok) pullMs = stageMs(this.random, 'pullFailure');
    else if (this.present.has(lookup.image.ref) || this.fetching.has(lookup.image.ref)) {
      pullMs = stageMs(this.random, 'pullPresent');
    } else {
      pullMs = Math.round(lookup.image.pullSeconds * 1000 * stageFactor(this.random, 'pullJitter'));
      this.fetching.add(lookup.image.ref);
    }
    const start = Math.max(now, this.freeAt);
    this.freeAt = start + pullMs;
    return { lookup, pullMs, totalMs: this.freeAt - now };
  }

  complete(plan: PullPlan): void {
    if (!plan.lookup.ok) return;
    this.fetching.delete(plan.lookup.image.ref);
    this.present.set(plan.lookup.image.ref, plan.lookup.image);
  }

  /** Images on the node (for `status.images`-style views). */
  list(): ImageInfo[] {
    return [...this.present.values()];
  }
}
