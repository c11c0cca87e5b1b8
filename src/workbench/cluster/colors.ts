/**
 * Version → colour. The kubia versions of the lessons have fixed colours (`--cv-v1` … `--cv-v4`,
 * defined for both themes in cluster.css); any other image gets one of four more, chosen by a hash of
 * its name so it keeps its colour from one render to the next.
 */
const FIXED = new Set(['v1', 'v2', 'v3', 'v4']);
const EXTRA = ['--cv-x1', '--cv-x2', '--cv-x3', '--cv-x4'];

export function versionVar(version: string): string {
  if (FIXED.has(version)) return `--cv-${version}`;
  let h = 0;
  for (let i = 0; i < version.length; i++) h = (h * 31 + version.charCodeAt(i)) >>> 0;
  return EXTRA[h % EXTRA.length];
}

export function versionColor(version: string): string {
  return `var(${versionVar(version)})`;
}
