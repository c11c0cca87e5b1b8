/** The temp file of `kubectl edit`: its comment header, comparisons, JSON form, and the file itself. */
import type { KubeObject } from '../../api/types';
import type { CommandIO } from '../../shell/types';
import type { KubectlEnv } from '../env';
import { md5Hex } from '../rollout/md5';
import { parseYaml } from './yaml';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

export interface Reason {
  head: string;
  other: string[];
}

export function headerText(reasons: readonly Reason[]): string {
  let s = HEADER;
  const hash = (t: string): string => t.replace(/\n/g, '\n# ');
  for (const r of reasons) {
    s += r.other.length > 0 ? `# ${hash(r.head)}:\n` : `# ${hash(r.head)}\n`;
    for (const o of r.other) s += `# * ${hash(o)}\n`;
    s += '#\n';
  }
  return s;
}

/** cmdutil.ManualStrip: drop comment lines (but not `#!`). */
export function manualStrip(text: string): string {
  return text
    .split('\n')
    .filter((l) => {
      const t = l.trim();
      return !(t.startsWith('#') && !t.startsWith('#!'));
    })
    .join('\n');
}

/** cmdutil.StripComments: compare as data when the text parses, else as stripped text. */
export function stripped(text: string): string {
  try {
    return JSON.stringify(parseYaml(text));
  } catch {
    return manualStrip(text);
  }
}

export function hasLines(text: string): boolean {
  return text.split('\n').some((l) => {
    const t = l.trim();
    return t.length > 0 && !t.startsWith('#');
  });
}

export function stripManagedFields(o: KubeObject): KubeObject {
  const copy = JSON.parse(JSON.stringify(o)) as KubeObject;
  delete copy.metadata.managedFields;
  return copy;
}

let tempCounter = 0;

/** `/tmp/kubectl-edit-<digits>.yaml`, like os.CreateTemp's random decimal suffix (deterministic here). */
export function tempPath(env: KubectlEnv, ext: string): string {
  const n = parseInt(md5Hex(`${env.clock.now()}:${tempCounter++}`).slice(0, 8), 16);
  return `/tmp/kubectl-edit-${n}${ext}`;
}

export function writeFile(io: CommandIO, path: string, content: string): void {
  try {
    if (!io.fs.exists('/tmp')) io.fs.mkdir('/tmp', true);
    io.fs.writeFile(path, content);
  } catch {
    // The file is a convenience for `kubectl replace -f`; editing works without it.
  }
}

export function removeFile(io: CommandIO, path: string): void {
  try {
    if (io.fs.exists(path)) io.fs.remove(path);
  } catch {
    // nothing to clean up
  }
}
