/** The virtual file system the shell, kubectl (-f) and the editor share. Paths are POSIX. */
export interface VirtualFs {
  /** Absolute path from `cwd`-relative `path` (`~` expands to the home directory). */
  resolve(cwd: string, path: string): string;
  exists(path: string): boolean;
  isDirectory(path: string): boolean;
  /** File content; throws FsError (ENOENT, EISDIR) like Node's messages. */
  readFile(path: string): string;
  writeFile(path: string, content: string): void;
  appendFile(path: string, content: string): void;
  /** Names in a directory, sorted. */
  readdir(path: string): string[];
  mkdir(path: string, recursive?: boolean): void;
  remove(path: string, recursive?: boolean): void;
}

export type FsErrorCode = 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EFBIG';

export class FsError extends Error {
  constructor(
    readonly code: FsErrorCode,
    readonly path: string,
  ) {
    super(`${code}: ${path}`);
    this.name = 'FsError';
  }
}
