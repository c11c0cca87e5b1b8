import type { FsErrorCode } from '../fs/types';

/** strerror() texts, as coreutils and bash print them. */
export function fsMessage(code: FsErrorCode): string {
  switch (code) {
    case 'ENOENT':
      return 'No such file or directory';
    case 'EISDIR':
      return 'Is a directory';
    case 'ENOTDIR':
      return 'Not a directory';
    case 'EEXIST':
      return 'File exists';
    case 'ENOTEMPTY':
      return 'Directory not empty';
    case 'EFBIG':
      return 'File too large';
  }
}
