/** Go's byte-wise string order, used wherever upstream sorts (labels, roles, addresses, quotas). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
