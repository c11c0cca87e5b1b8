/**
 * The rollout bounds as the deployment controller computes them (deploymentutil.ResolveFenceposts):
 * a percentage is `value * total / 100` in float64, maxSurge rounded up, maxUnavailable rounded
 * down, and if both come out zero maxUnavailable becomes 1 so the rollout can move at all.
 * Worked example: 3 replicas with the default 25%/25% → surge ceil(0.75) = 1, unavailable
 * floor(0.75) = 0, so the chart's bounds are 4 pods at most and 3 available at least.
 */
export type IntOrPercent = number | string;

function scaled(v: IntOrPercent, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  // Validation rejects anything else; the view treats it as 0 instead of throwing.
  if (!m) return 0;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

export function resolveFenceposts(
  maxSurge: IntOrPercent,
  maxUnavailable: IntOrPercent,
  desired: number,
): { surge: number; unavailable: number } {
  const surge = scaled(maxSurge, desired, true);
  let unavailable = scaled(maxUnavailable, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}
