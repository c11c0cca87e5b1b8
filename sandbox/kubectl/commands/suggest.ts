/** Cobra's "Did you mean this?" suggestions: Levenshtein distance <= 2 or a prefix match. */
export function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[] = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (s[i - 1] === t[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[t.length];
}

export function suggestionsFor(typed: string, names: ReadonlyArray<{ name: string }>): string[] {
  const out: string[] = [];
  for (const c of names) {
    const close = levenshtein(typed, c.name) <= 2 || c.name.toLowerCase().startsWith(typed.toLowerCase());
    if (close && !out.includes(c.name)) out.push(c.name);
  }
  return out;
}

/** Every command of the real v1.32 root, in the order kubectl registers them (cobra suggests in this order). */
export const REAL_COMMANDS = [
  'create',
  'expose',
  'run',
  'set',
  'explain',
  'get',
  'edit',
  'delete',
  'rollout',
  'scale',
  'autoscale',
  'certificate',
  'cluster-info',
  'top',
  'cordon',
  'uncordon',
  'drain',
  'taint',
  'describe',
  'logs',
  'attach',
  'exec',
  'port-forward',
  'proxy',
  'cp',
  'auth',
  'debug',
  'events',
  'diff',
  'apply',
  'patch',
  'replace',
  'wait',
  'kustomize',
  'label',
  'annotate',
  'completion',
  'config',
  'plugin',
  'version',
  'api-versions',
  'api-resources',
  'options',
];
