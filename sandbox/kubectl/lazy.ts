/**
 * kubectl's code and texts that load on first use. Loads in flight are counted: the headless
 * driver must not mistake a command waiting for its code for a command waiting on the clock.
 */
let inFlight = 0;

export function lazyLoad<T>(load: () => Promise<T>): Promise<T> {
  inFlight++;
  return load().finally(() => {
    inFlight--;
  });
}

/** How many lazy loads have not finished yet. */
export function loadsInFlight(): number {
  return inFlight;
}
