export { FsError, type FsErrorCode, type VirtualFs } from './types';
export { MemoryFs, createFs, DEFAULT_HOME, DEFAULT_MAX_FILE_SIZE, type MemoryFsOptions } from './memory';
export { normalize, joinPath, parentOf, baseName } from './path';
