/** Tab completion data: command names for the first word, file names after it. */
import type { Shell } from './shell';

export interface Completion {
  /** The word being completed (the text to replace). */
  word: string;
  /** Candidates that start with it, sorted (directories end with `/`). */
  candidates: string[];
}

export function complete(shell: Shell, line: string): Completion {
  const m = /(?:^|[\s;|&<>()])([^\s;|&<>()]*)$/.exec(line);
  const word = m ? m[1] : '';
  const before = line.slice(0, line.length - word.length);
  const firstWord = /^\s*$|[;|&(]\s*$/.test(before);
  if (firstWord && !word.includes('/')) {
    return { word, candidates: shell.commandNames().filter((n) => n.startsWith(word)) };
  }
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const base = slash >= 0 ? word.slice(slash + 1) : word;
  const dir = shell.fs.resolve(shell.cwd, dirPart || '.');
  if (!shell.fs.isDirectory(dir)) return { word, candidates: [] };
  const candidates = shell.fs
    .readdir(dir)
    .filter((n) => n.startsWith(base) && (base.startsWith('.') || !n.startsWith('.')))
    .map((n) => dirPart + n + (shell.fs.isDirectory(`${dir}/${n}`) ? '/' : ''));
  return { word, candidates };
}
