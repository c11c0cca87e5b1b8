/**
 * An in-memory POSIX file system: directories and text files, `~` for the home directory, and a
 * size cap per file so a huge paste or an endless `>>` cannot exhaust the tab's memory.
 */
import { FsError, type VirtualFs } from './types';
import { joinPath, normalize, parentOf } from './path';

export const DEFAULT_HOME = '/home/learner';
/** Largest file content in UTF-16 code units (about 5 MB of ASCII). */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export interface MemoryFsOptions {
  home?: string;
  maxFileSize?: number;
  /** Files to create at start (paths relative to home, or absolute). */
  files?: Record<string, string>;
}

export class MemoryFs implements VirtualFs {
  readonly home: string;
  private readonly maxFileSize: number;
  private readonly files = new Map<string, string>();
  private readonly dirs = new Set<string>(['/']);

  constructor(opts: MemoryFsOptions = {}) {
    this.home = normalize(opts.home ?? DEFAULT_HOME);
    this.maxFileSize = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    for (const d of ['/tmp', this.home]) this.mkdir(d, true);
    if (opts.files) this.mount(opts.files);
  }

  resolve(cwd: string, path: string): string {
    if (path === '~' || path.startsWith('~/')) return normalize(this.home + path.slice(1));
    if (path.startsWith('/')) return normalize(path);
    return normalize(joinPath(cwd || '/', path));
  }

  exists(path: string): boolean {
    const p = normalize(path);
    return this.dirs.has(p) || this.files.has(p);
  }

  isDirectory(path: string): boolean {
    return this.dirs.has(normalize(path));
  }

  readFile(path: string): string {
    const p = normalize(path);
    const content = this.files.get(p);
    if (content !== undefined) return content;
    if (this.dirs.has(p)) throw new FsError('EISDIR', p);
    this.checkParents(p);
    throw new FsError('ENOENT', p);
  }

  writeFile(path: string, content: string): void {
    const p = normalize(path);
    if (this.dirs.has(p)) throw new FsError('EISDIR', p);
    this.checkParents(p);
    if (!this.dirs.has(parentOf(p))) throw new FsError('ENOENT', p);
    if (content.length > this.maxFileSize) throw new FsError('EFBIG', p);
    this.files.set(p, content);
  }

  appendFile(path: string, content: string): void {
    const p = normalize(path);
    const old = this.files.get(p);
    if (old === undefined) return this.writeFile(p, content);
    if (old.length + content.length > this.maxFileSize) throw new FsError('EFBIG', p);
    this.files.set(p, old + content);
  }

  readdir(path: string): string[] {
    const p = normalize(path);
    if (this.files.has(p)) throw new FsError('ENOTDIR', p);
    if (!this.dirs.has(p)) throw new FsError('ENOENT', p);
    const prefix = p === '/' ? '/' : p + '/';
    const names = new Set<string>();
    for (const key of [...this.dirs, ...this.files.keys()]) {
      if (key.length > prefix.length && key.startsWith(prefix)) {
        const rest = key.slice(prefix.length);
        if (!rest.includes('/')) names.add(rest);
      }
    }
    return [...names].sort();
  }

  mkdir(path: string, recursive = false): void {
    const p = normalize(path);
    if (this.files.has(p)) throw new FsError('EEXIST', p);
    if (this.dirs.has(p)) {
      if (recursive) return;
      throw new FsError('EEXIST', p);
    }
    const parent = parentOf(p);
    if (!this.dirs.has(parent)) {
      if (!recursive) {
        if (this.files.has(parent)) throw new FsError('ENOTDIR', p);
        throw new FsError('ENOENT', p);
      }
      this.mkdir(parent, true);
    }
    this.dirs.add(p);
  }

  remove(path: string, recursive = false): void {
    const p = normalize(path);
    if (this.files.delete(p)) return;
    if (!this.dirs.has(p)) throw new FsError('ENOENT', p);
    if (p === '/') throw new FsError('EISDIR', p);
    const children = this.readdir(p);
    if (children.length > 0 && !recursive) throw new FsError('ENOTEMPTY', p);
    const prefix = p + '/';
    for (const f of [...this.files.keys()]) if (f.startsWith(prefix)) this.files.delete(f);
    for (const d of [...this.dirs]) if (d.startsWith(prefix)) this.dirs.delete(d);
    this.dirs.delete(p);
  }

  /** Lesson manifests: create each file (relative paths land in home), making directories. */
  mount(files: Record<string, string>): void {
    for (const [name, content] of Object.entries(files)) {
      const p = this.resolve(this.home, name);
      this.mkdir(parentOf(p), true);
      this.writeFile(p, content);
    }
  }

  /** Total bytes held (for tests and quotas). */
  size(): number {
    let n = 0;
    for (const c of this.files.values()) n += c.length;
    return n;
  }

  private checkParents(p: string): void {
    let dir = parentOf(p);
    while (dir !== '/') {
      if (this.files.has(dir)) throw new FsError('ENOTDIR', p);
      dir = parentOf(dir);
    }
  }
}

export function createFs(opts: MemoryFsOptions = {}): MemoryFs {
  return new MemoryFs(opts);
}
