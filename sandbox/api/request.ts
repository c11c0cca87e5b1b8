/** Options the verbs take, mirroring the query parameters of the real REST API. */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface WriteOptions {
  /** Namespace of the request; for create, defaults to the object's namespace, then `default`. */
  namespace?: string;
  /** `dryRun=All`: run every step but do not store. */
  dryRun?: boolean;
  /** Unknown fields: reject (Strict, the default here, as kubectl sends it), warn and drop, or drop. */
  fieldValidation?: FieldValidation;
  /** Who makes the write, recorded in metadata.managedFields (required for apply). */
  fieldManager?: string;
  /** The client's User-Agent: the manager's name when `fieldManager` is absent (`kubectl/v1.32…` → `kubectl`). */
  userAgent?: string;
  /** Apply only: take the fields other managers own instead of failing with a conflict. */
  force?: boolean;
  /** Warnings the request produced (the real server sends them as `Warning` headers). */
  warnings?: string[];
  /**
   * Answer with the stored object itself (frozen: read, never modify) instead of a copy, for the
   * components inside the cluster that only read what they wrote (as `shared` does for watches).
   */
  shared?: boolean;
  /**
   * Components only: the body is already as decoding would leave it (no `null` or `undefined`
   * field anywhere; a status write's metadata without managedFields), its unfrozen objects are the
   * API server's to keep and modify, and its frozen ones are frozen all the way down. The server
   * keeps the body instead of copying it. Checked on every write under `setWriteVerification`.
   */
  canonical?: boolean;
}

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
}

export interface WatchOptions extends ListOptions {
  /** Replay changes after this resourceVersion; unset or "0" starts with ADDED for every object. */
  resourceVersion?: string;
  /** Deliver the stored objects themselves (frozen: read, never modify) instead of copies. */
  shared?: boolean;
}

export interface DeleteOptions {
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  gracePeriodSeconds?: number;
  dryRun?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
  /** Answer with the stored object itself (frozen), as WriteOptions.shared. */
  shared?: boolean;
}
