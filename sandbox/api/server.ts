/**
 * The API server: the verbs of the Kubernetes REST API over the object store, with the real
 * request pipeline — decode (strict), default, admit, prepare, validate, store — and the real
 * Status errors. Everything that changes cluster state goes through here.
 */
import type { KubeObject, KubeObjectInput, ListResult, PatchType, Table, WatchEvent } from './types';
import type { ApiContext } from './context';
import type { DeleteOptions, ListOptions, WatchOptions, WriteOptions } from './request';
import { type ResourceInfo, resourceByPlural, resourceForKind, apiVersionOf } from './resources';
import {
  StatusError,
  alreadyExists,
  badRequest,
  conflict,
  forbidden,
  gone,
  invalid,
  methodNotAllowed,
  notFound,
  OBJECT_MODIFIED,
} from './errors';
import { timestamp } from './context';
import { parseSelector, SelectorParseError, EVERYTHING, type Selector } from './selectors/labels';
import { parseFieldSelector, FieldSelectorError, type FieldRequirement } from './selectors/fields';
import { prepareForCreate, prepareForUpdate, prepareForStatusUpdate } from './prepare';
import { allocateServiceAddresses } from './allocate';
import { admitPod, sandboxQuota } from './quota';
import {
  applyDefaults,
  applyPodAdmissionDefaults,
  normalizeServiceClusterIPs,
  patchServiceAllocatedValues,
  prepareNamespaceForCreate,
} from './defaults';
import { validateCreate, validateUpdate } from './validation';
import { checkDecoding, checkPatchedDecoding, markDecoded, type DecodeOptions } from './decode';
import { applyPatch, type ApplyPatchOptions } from './patch';
import { kindSchema, typeSchema } from './schema';
import { deepEqual } from './patch/equal';
import {
  normalize,
  verifyCanonical,
  verifyDecoding,
  verifyValid,
  withoutManagedFields,
  writeVerification,
} from './trusted';
import { toTable } from './tables';
import { deepClone } from '../store/clone';
import { TooOldResourceVersionError, type WatchFilter } from '../store/store';
import { flat } from '../text/flat';
import { scaleOf, replicasFromScale } from './scale';
import {
  applyTo,
  checkApplyOptions,
  checkConfiguration,
  managerOf,
  trackCreate,
  trackUpdate,
  type Subresource,
} from './managed';
import {
  deferCreate,
  deferUpdate,
  deferredTracking,
  isPlaceholder,
  resolveEntries,
  resolvedObject,
} from './managed/deferred';

export interface WatchHandle {
  stop(): void;
}

const UNDELETABLE_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

/**
 * Read-only access for the components inside the cluster, as client-go listers give controllers:
 * the stored objects themselves (frozen, never to be modified), without a copy per read.
 */
export interface ApiCache {
  get(plural: string, namespace: string | undefined, name: string): KubeObject | undefined;
  list(plural: string, namespace?: string, opts?: ListOptions): readonly KubeObject[];
  /** The resourceVersion of the latest write anywhere: views re-read when it moves. */
  resourceVersion(): number;
  /** Objects matching a compiled selector, through the label index. */
  select(plural: string, namespace: string | undefined, selector: Selector): readonly KubeObject[];
}

export class ApiServer {
  readonly cache: ApiCache;
  /** The field manager of writes that name none (see `asManager`). */
  private defaultManager?: string;
  /** Writes come from the cluster's own code (see `asComponent`): no strict decoding, no validation. */
  private trusted = false;

  constructor(private readonly ctx: ApiContext) {
    this.cache = {
      resourceVersion: () => this.ctx.store.currentResourceVersion(),
      get: (plural, namespace, name) => {
        const r = this.resource(plural);
        return this.ctx.store.get(r.plural, this.ns(r, namespace), name);
      },
      list: (plural, namespace, opts = {}) => {
        const r = this.resource(plural);
        return this.ctx.store.list(r.plural, this.filter(r, namespace, opts));
      },
      select: (plural, namespace, selector) => {
        const r = this.resource(plural);
        return this.ctx.store.list(r.plural, {
          namespace: r.namespaced ? namespace : undefined,
          labels: selector,
        });
      },
    };
  }

  /**
   * The same server for one component of the cluster: its writes that name no field manager are
   * recorded as this one (`kube-controller-manager`, `kubelet`, `kube-scheduler`), as each real
   * component identifies itself to the API server.
   */
  asManager(manager: string): ApiServer {
    const view = Object.create(this) as ApiServer;
    view.defaultManager = manager;
    return view;
  }

  /**
   * `asManager` for the cluster's own components only (kubelets, scheduler, controllers, the event
   * recorder, bootstrap), never for kubectl, the HTTP server or user input: their create, update
   * and status writes are trusted. Strict decoding and validation only re-check objects our own
   * code built, so they are replaced by a cheap normalisation (trusted.ts) that gives exactly the
   * decoded object; everything with an effect (defaulting, prepare, admission, names, uid,
   * managedFields, resourceVersions, the no-op check, conflicts) runs as for any write. The test
   * suite verifies each trusted write against the full decode and validation (setWriteVerification).
   */
  asComponent(manager: string): ApiServer {
    const view = this.asManager(manager);
    view.trusted = true;
    return view;
  }

  private manager(opts: WriteOptions): string {
    return (
      opts.fieldManager ||
      (opts.userAgent ? managerOf(undefined, opts.userAgent) : this.defaultManager) ||
      'unknown'
    );
  }

  // ---- lookups ----------------------------------------------------------------------------

  /** The registry entry for a plural resource name, or the 404 a real server gives for an unknown path. */
  resource(plural: string): ResourceInfo {
    const r = resourceByPlural(plural);
    if (!r) throw notFound(plural, '', '');
    return r;
  }

  private ns(r: ResourceInfo, namespace: string | undefined): string | undefined {
    return r.namespaced ? namespace || 'default' : undefined;
  }

  private now(): string {
    return timestamp(this.ctx.clock.now());
  }

  private filter(r: ResourceInfo, namespace: string | undefined, opts: ListOptions = {}): WatchFilter {
    let labels = EVERYTHING;
    let fields: FieldRequirement[] = [];
    try {
      if (opts.labelSelector) labels = parseSelector(opts.labelSelector);
      if (opts.fieldSelector) fields = parseFieldSelector(opts.fieldSelector, r.plural);
    } catch (e) {
      if (e instanceof SelectorParseError || e instanceof FieldSelectorError) throw badRequest(e.message);
      throw e;
    }
    return { namespace: r.namespaced ? namespace : undefined, labels, fields };
  }

  // ---- reads ------------------------------------------------------------------------------

  get(plural: string, namespace: string | undefined, name: string): KubeObject {
    return copyOut(this.getStored(this.resource(plural), namespace, name));
  }

  private getStored(r: ResourceInfo, namespace: string | undefined, name: string): KubeObject {
    const obj = this.ctx.store.get(r.plural, this.ns(r, namespace), name);
    if (!obj) throw notFound(r.plural, r.group, name);
    return obj;
  }

  /**
   * A stored object (from `cache` or a shared watch) as a reader outside the cluster's components
   * sees it: managedFields the cluster's own writes deferred are worked out (managed/deferred.ts).
   */
  visible(obj: KubeObject): KubeObject {
    return resolvedObject(obj);
  }

  /** Does the object exist? (No error, no copy.) */
  exists(plural: string, namespace: string | undefined, name: string): boolean {
    const r = this.resource(plural);
    return this.ctx.store.get(r.plural, this.ns(r, namespace), name) !== undefined;
  }

  /** List objects; `namespace` undefined lists across all namespaces. */
  list(plural: string, namespace?: string, opts: ListOptions = {}): ListResult {
    const r = this.resource(plural);
    const items = this.ctx.store.list(r.plural, this.filter(r, namespace, opts)).map(copyOut);
    return {
      apiVersion: apiVersionOf(r),
      kind: `${r.kind}List`,
      metadata: { resourceVersion: String(this.ctx.store.currentResourceVersion()) },
      items,
    };
  }

  /** The `meta.k8s.io/v1` Table the server sends when a client asks `as=Table` (one object or a list). */
  table(
    plural: string,
    namespace: string | undefined,
    opts: ListOptions & { name?: string; includeObject?: 'None' | 'Metadata' | 'Object' } = {},
  ): Table {
    const r = this.resource(plural);
    const objects = opts.name
      ? [this.getStored(r, namespace, opts.name)]
      : this.ctx.store.list(r.plural, this.filter(r, namespace, opts));
    // The printers only read, so they convert the stored (frozen) objects themselves; only what the
    // Table hands out (each row's object or metadata) is copied, as list() copies its items.
    const table = this.tableOf(r, objects, opts.includeObject);
    for (const row of table.rows) if (row.object !== undefined) row.object = deepClone(row.object);
    return table;
  }

  /** Table conversion of given objects (watch events use it row by row). */
  tableOf(r: ResourceInfo, objects: KubeObject[], includeObject?: 'None' | 'Metadata' | 'Object'): Table {
    // Rows carry objects or their metadata: managedFields as a reader outside the cluster sees them.
    const shown = includeObject === 'None' ? objects : objects.map(resolvedObject);
    return toTable(r, shown, {
      now: this.ctx.clock.now(),
      includeObject: includeObject ?? 'Metadata',
      resourceVersion: String(this.ctx.store.currentResourceVersion()),
    });
  }

  /**
   * Watch changes. Events are delivered on the clock's queue, in order, at the instant they happen.
   * A resourceVersion older than the change log answers 410 Gone, as etcd's compaction does.
   */
  watch(
    plural: string,
    namespace: string | undefined,
    opts: WatchOptions,
    onEvent: (e: WatchEvent) => void,
  ): WatchHandle {
    const r = this.resource(plural);
    const filter = this.filter(r, namespace, opts);
    const rv = opts.resourceVersion ? Number(opts.resourceVersion) : undefined;
    if (rv !== undefined && !Number.isInteger(rv)) {
      throw badRequest(
        `invalid resource version: strconv.ParseUint: parsing "${opts.resourceVersion}": invalid syntax`,
      );
    }
    try {
      // `shared`: the stored (frozen) object itself, for components that only read it, in the
      // event the store made for this watcher alone (a fresh `{ type, object }` per delivery).
      const stop = this.ctx.store.watch(
        r.plural,
        filter,
        rv,
        opts.shared ? onEvent : (e) => onEvent({ type: e.type, object: copyOut(e.object) }),
      );
      return { stop };
    } catch (e) {
      if (e instanceof TooOldResourceVersionError) throw gone(e.message);
      throw e;
    }
  }

  // ---- create -----------------------------------------------------------------------------

  create(input: KubeObjectInput, opts: WriteOptions = {}): KubeObject {
    return this.createWith(input, opts);
  }

  /** Create; `managed`: the managedFields an apply computed (instead of recording the create). */
  private createWith(input: KubeObjectInput, opts: WriteOptions, managed?: unknown): KubeObject {
    const r = this.kindOf(input);
    const trusted = this.trusted && !managed;
    const obj = trusted ? this.normalize(r, input, false, opts.canonical) : this.decode(r, input, opts);
    const namespace = this.ns(r, opts.namespace ?? obj.metadata.namespace);
    if (r.namespaced) {
      if (opts.namespace && obj.metadata.namespace && obj.metadata.namespace !== opts.namespace) {
        throw badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      obj.metadata.namespace = namespace;
      this.admitNamespace(r, namespace!);
    } else delete obj.metadata.namespace;

    if (obj.metadata.resourceVersion)
      throw badRequest('resourceVersion should not be set on objects to be created');
    applyDefaults(r, obj);
    // Fields are recorded as the request set them after defaulting, before admission adds more.
    if (managed) obj.metadata.managedFields = managed as KubeObject['metadata']['managedFields'];
    else if (trusted && r.plural === 'events' && deferredTracking() && !opts.dryRun)
      // Recorded when read: nobody reads the managedFields of the thousands of Events a rollout makes.
      deferCreate(r, obj, this.manager(opts), this.now());
    else trackCreate(r, obj, this.manager(opts), this.now());
    if (r.plural === 'pods') applyPodAdmissionDefaults(obj, this.ctx.random);
    prepareForCreate(r, obj);
    obj.metadata.uid = this.ctx.random.uuid();
    obj.metadata.creationTimestamp = this.now();
    // Admission sees the name of the request, before generateName is expanded.
    const requestName = obj.metadata.name || obj.metadata.generateName || '';
    if (!obj.metadata.name && obj.metadata.generateName)
      obj.metadata.name = this.generateName(r, namespace, obj.metadata.generateName);
    if (r.plural === 'namespaces') prepareNamespaceForCreate(obj);

    // The service registry allocates addresses before validating, so allocation errors come first.
    const errs =
      r.plural === 'services'
        ? allocateServiceAddresses(obj, this.ctx.store.list('services'), this.ctx.random)
        : [];
    if (r.plural === 'services') normalizeServiceClusterIPs(obj);
    if (!trusted || mayBeInvalid(obj)) errs.push(...validateCreate(r, obj));
    else if (writeVerification()) verifyValid(r, obj, validateCreate(r, obj));
    if (errs.length) throw invalid(r.kind, r.group, obj.metadata.name ?? '', errs);
    if (r.plural === 'pods') {
      const denied = admitPod(this.ctx.store, obj, requestName, this.ctx.options.maxPods);
      if (denied) throw denied;
    }
    if (this.ctx.store.get(r.plural, namespace, obj.metadata.name!))
      throw alreadyExists(r.plural, r.group, obj.metadata.name!);
    if (opts.dryRun) return obj;
    const stored = this.ctx.store.put(r.plural, obj);
    if (r.plural === 'namespaces') this.seedNamespace(stored.metadata.name!);
    return result(stored, opts);
  }

  private kindOf(input: KubeObjectInput): ResourceInfo {
    if (!input || typeof input !== 'object' || Array.isArray(input))
      throw badRequest("Object 'Kind' is missing in 'null'");
    if (!input.kind) throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(input)}'`);
    if (!input.apiVersion) throw badRequest(`Object 'apiVersion' is missing in '${JSON.stringify(input)}'`);
    const r = resourceForKind(input.apiVersion, input.kind);
    if (!r) {
      // The decoder words this: `no kind "X" is registered for version "v1" in scheme ...`.
      checkDecoding(input, input.apiVersion, input.kind, 'Strict');
      throw noKind(input.apiVersion, input.kind);
    }
    return r;
  }

  /** A trusted write's body as decoding would leave it (checked against decoding when verification is on). */
  private normalize(r: ResourceInfo, input: KubeObjectInput, status: boolean, canonical = false): KubeObject {
    if (writeVerification() && canonical) verifyCanonical(r, input, status);
    const obj = normalize(r, input, status, canonical);
    // (A canonical body is `obj` itself here: decoding it, which copies, still shows what it stores.)
    if (writeVerification()) verifyDecoding(r, status ? withoutManagedFields(input) : input, obj);
    return obj;
  }

  /** Strict decoding of a request body: unknown fields and type errors, as the real decoder reports them. */
  private decode(
    r: ResourceInfo,
    input: KubeObjectInput,
    opts: WriteOptions,
    patch?: { type: PatchType; body: unknown },
    internal?: DecodeOptions,
  ): KubeObject {
    const mode = opts.fieldValidation ?? 'Strict';
    const { object, warnings } =
      patch && patch.type !== 'apply'
        ? checkPatchedDecoding(input, apiVersionOf(r), r.kind, mode, patch.type, patch.body)
        : checkDecoding(input, apiVersionOf(r), r.kind, mode, internal);
    if (warnings.length && opts.warnings) opts.warnings.push(...warnings);
    const obj = object as KubeObject;
    obj.apiVersion = apiVersionOf(r);
    obj.kind = r.kind;
    obj.metadata = obj.metadata ?? {};
    return obj;
  }

  private admitNamespace(r: ResourceInfo, namespace: string): void {
    const ns = this.ctx.store.get('namespaces', undefined, namespace);
    if (!ns) throw notFound('namespaces', '', namespace);
    if (ns.metadata.deletionTimestamp && r.plural !== 'events') {
      throw forbidden(
        `${r.plural}${r.group ? '.' + r.group : ''} "" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
      );
    }
  }

  private generateName(r: ResourceInfo, namespace: string | undefined, base: string): string {
    const prefix = base.length > 58 ? base.slice(0, 58) : base;
    for (let i = 0; i < 8; i++) {
      const name = flat(prefix + this.ctx.random.nameSuffix(5));
      if (!this.ctx.store.get(r.plural, namespace, name)) return name;
    }
    return flat(prefix + this.ctx.random.nameSuffix(5));
  }

  /** Objects every new namespace gets: the sandbox pod quota. */
  private seedNamespace(name: string): void {
    const quota = sandboxQuota(name, this.ctx.options.podQuota);
    const r = this.resource('resourcequotas');
    applyDefaults(r, quota);
    prepareForCreate(r, quota);
    quota.metadata.uid = this.ctx.random.uuid();
    quota.metadata.creationTimestamp = this.now();
    quota.status = {
      hard: { ...(quota.spec as { hard: Record<string, string> }).hard },
      used: { pods: '0' },
    };
    this.ctx.store.put('resourcequotas', quota);
  }

  // ---- update and patch -------------------------------------------------------------------

  /** PUT: replace the object. A stale metadata.resourceVersion is a 409 Conflict. */
  update(input: KubeObjectInput, opts: WriteOptions = {}): KubeObject {
    const r = this.kindOf(input);
    const obj = this.trusted ? this.normalize(r, input, false, opts.canonical) : this.decode(r, input, opts);
    const namespace = this.ns(r, opts.namespace ?? obj.metadata.namespace);
    const name = obj.metadata.name;
    if (!name) throw badRequest('name is required');
    const old = this.getStored(r, namespace, name);
    // Decoding copies the list: a placeholder sent back (see managed/deferred.ts) keeps its identity.
    const sent = input.metadata?.managedFields;
    if (isPlaceholder(sent)) obj.metadata.managedFields = sent;
    return this.commitUpdate(r, obj, old, opts, false, undefined, false, this.trusted);
  }

  /** PUT on the status subresource: only status changes. */
  updateStatus(input: KubeObjectInput, opts: WriteOptions = {}): KubeObject {
    const r = this.kindOf(input);
    if (!r.subresources.includes('status')) throw notFound(r.plural, r.group, input.metadata?.name ?? '');
    if (this.trusted) {
      // Nothing below the top level of a status update is modified on its way to the store: the
      // frozen parts of the body (the stored status's unchanged parts) are stored as they are.
      // The normalised body leaves managedFields out, as below.
      const obj = this.normalize(r, input, true, opts.canonical);
      const old = this.getStored(
        r,
        this.ns(r, opts.namespace ?? obj.metadata.namespace),
        obj.metadata.name ?? '',
      );
      return this.commitUpdate(r, obj, old, opts, true, 'status', false, true);
    }
    // A subresource write never sets managedFields (the stored ones are the base): not worth decoding.
    input = withoutManagedFields(input);
    // Nothing below the top level of a status update is modified on its way to the store, so
    // frozen parts of the body (a stored object's spec, sent back as it is) can be stored as they
    // are, and what the decoder produced is known to decode into itself once stored.
    const collect: NonNullable<DecodeOptions['collect']> = [];
    const obj = this.decode(r, input, opts, undefined, { shareFrozen: true, collect });
    const namespace = this.ns(r, opts.namespace ?? obj.metadata.namespace);
    const old = this.getStored(r, namespace, obj.metadata.name ?? '');
    const out = this.commitUpdate(r, obj, old, opts, true);
    markDecoded(collect);
    return out;
  }

  patch(
    plural: string,
    namespace: string | undefined,
    name: string,
    patch: unknown,
    patchType: PatchType = 'strategic',
    opts: WriteOptions & { subresource?: 'status' } = {},
  ): KubeObject {
    const r = this.resource(plural);
    // Before the lookup: an apply patch creates a missing object.
    if (patchType === 'apply') return this.apply(r, namespace, name, patch, opts);
    if (opts.force !== undefined) throw forceForbidden();
    const old = this.getStored(r, namespace, name);
    const patched = applyPatch(
      copyOut(old) as unknown as Record<string, never>,
      patch,
      patchType,
      patchOptions(apiVersionOf(r), r.kind, opts),
    ) as unknown as KubeObjectInput;
    const obj = this.decode(r, patched, opts, { type: patchType, body: patch });
    if (obj.metadata.name !== old.metadata.name) {
      throw badRequest(
        `the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`,
      );
    }
    return this.commitUpdate(r, obj, old, opts, opts.subresource === 'status');
  }

  /**
   * Server-side apply (PATCH application/apply-patch+yaml): merge the configuration into the live
   * object under the manager's ownership, or create the object from it.
   */
  private apply(
    r: ResourceInfo,
    namespace: string | undefined,
    name: string,
    patch: unknown,
    opts: WriteOptions & { subresource?: 'status' },
  ): KubeObject {
    checkApplyOptions(opts.fieldManager);
    const config = checkConfiguration(patch, apiVersionOf(r));
    // Strict decoding of the configuration itself: unknown fields, wrong types.
    this.decode(r, deepClone(config) as unknown as KubeObjectInput, opts);
    const metadata = { ...((config.metadata as Record<string, unknown> | undefined) ?? {}) };
    if (metadata.name === undefined) metadata.name = name;
    const body = { ...config, metadata };
    const stored = this.ctx.store.get(r.plural, this.ns(r, namespace), name);
    const live = stored && resolvedObject(stored);
    const quiet = { ...opts, fieldValidation: 'Ignore' as const, warnings: undefined };
    const applied = applyTo(
      r,
      live,
      body,
      opts.fieldManager!,
      opts.force === true,
      opts.subresource,
      this.now(),
    );
    const input = applied.object as unknown as KubeObjectInput;
    if (!live) {
      if (opts.subresource) throw notFound(r.plural, r.group, name);
      const managed = applied.object.metadata.managedFields;
      return this.createWith(input, { ...quiet, namespace: namespace ?? opts.namespace }, managed);
    }
    const obj = this.decode(r, input, quiet);
    if (obj.metadata.name !== live.metadata.name) {
      throw badRequest(
        `the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`,
      );
    }
    return this.commitUpdate(r, obj, live, quiet, opts.subresource === 'status', opts.subresource, true);
  }

  private commitUpdate(
    r: ResourceInfo,
    obj: KubeObject,
    old: KubeObject,
    opts: WriteOptions,
    status: boolean,
    subresource: Subresource | undefined = status ? 'status' : undefined,
    /** The managedFields are already those of the result (an apply computed them). */
    tracked = false,
    /** A trusted update (see `asComponent`): validation only runs to verify it. */
    trusted = false,
  ): KubeObject {
    const name = old.metadata.name!;
    const sent = obj.metadata.managedFields;
    // The cluster's own updates that send no entries of their own record them when read.
    const deferred =
      trusted &&
      !tracked &&
      !opts.dryRun &&
      deferredTracking() &&
      (subresource === 'status' ||
        (subresource === undefined && (sent === undefined || sent === old.metadata.managedFields)));
    const stored = old;
    if (!deferred) {
      old = resolvedObject(old);
      if (isPlaceholder(sent)) obj.metadata.managedFields = resolveEntries(sent);
    }
    const rv = obj.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw conflict(r.plural, r.group, name, OBJECT_MODIFIED);
    if (r.namespaced && obj.metadata.namespace && obj.metadata.namespace !== old.metadata.namespace) {
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    let next: KubeObject;
    if (status) {
      next = prepareForStatusUpdate(r, obj, old);
    } else {
      next = obj;
      // Fields the system owns are kept from the stored object.
      next.metadata.namespace = old.metadata.namespace;
      next.metadata.uid = old.metadata.uid;
      next.metadata.creationTimestamp = old.metadata.creationTimestamp;
      if (old.metadata.deletionTimestamp) {
        next.metadata.deletionTimestamp = old.metadata.deletionTimestamp;
        next.metadata.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
      } else {
        delete next.metadata.deletionTimestamp;
        delete next.metadata.deletionGracePeriodSeconds;
      }
      if (!next.metadata.generateName && old.metadata.generateName)
        next.metadata.generateName = old.metadata.generateName;
      applyDefaults(r, next);
      if (r.plural === 'services') {
        patchServiceAllocatedValues(next, old);
        normalizeServiceClusterIPs(next, old);
        dropServiceTypeDependentFields(next, old);
      }
      if (r.plural === 'namespaces') keepNamespaceFinalizers(next, old);
      prepareForUpdate(r, next, old);
      if (!trusted || mayBeInvalid(next)) {
        const errs = validateUpdate(r, next, old);
        if (errs.length) throw invalid(r.kind, r.group, name, dedupeErrors(errs));
      } else if (writeVerification()) verifyValid(r, next, validateUpdate(r, next, old));
    }
    next.metadata.resourceVersion = old.metadata.resourceVersion;
    if (deferred) next.metadata.managedFields = old.metadata.managedFields;
    else if (!tracked) trackUpdate(r, old, next, this.manager(opts), subresource, this.now());
    // A status write almost always changes the status: compared first, a difference ends the check
    // there instead of after the metadata (the same answer either way).
    const unchanged =
      (!status || deepEqual(next.status as never, old.status as never)) &&
      deepEqual(next as unknown as never, old as unknown as never);
    if (unchanged) return result(stored, opts);
    if (opts.dryRun) return next;
    if (deferred) deferUpdate(r, old, next, this.manager(opts), subresource, this.now());
    if (
      next.metadata.deletionTimestamp &&
      (next.metadata.finalizers ?? []).length === 0 &&
      !gracePending(r, next)
    ) {
      return result(this.ctx.store.remove(r.plural, next.metadata.namespace, name) ?? next, opts);
    }
    return result(this.ctx.store.put(r.plural, next), opts);
  }

  // ---- namespaces/finalize ----------------------------------------------------------------

  /**
   * PUT namespaces/{name}/finalize, the namespace controller's verb: replace spec.finalizers. A
   * namespace being deleted goes away once both its spec and metadata finalizers are empty.
   */
  finalizeNamespace(name: string, finalizers: string[]): KubeObject {
    const r = this.resource('namespaces');
    const old = this.getStored(r, undefined, name);
    const next = copyOut(old);
    next.spec = { ...((next.spec as object | undefined) ?? {}), finalizers: [...finalizers] };
    if (finalizers.length === 0) delete (next.spec as { finalizers?: string[] }).finalizers;
    if (deepEqual(next, resolvedObject(old))) return copyOut(old);
    if (next.metadata.deletionTimestamp && noFinalizersLeft(r, next)) {
      return copyOut(this.ctx.store.remove(r.plural, undefined, name)!);
    }
    return copyOut(this.ctx.store.put(r.plural, next));
  }

  // ---- pods/binding -----------------------------------------------------------------------

  /**
   * POST pods/{name}/binding, the scheduler's verb: set spec.nodeName of an unassigned pod and
   * its PodScheduled condition, bypassing pod update validation as the binding registry does.
   */
  bindPod(namespace: string, name: string, node: string, uid?: string, opts: WriteOptions = {}): KubeObject {
    const r = this.resource('pods');
    const old = this.getStored(r, namespace, name);
    const refuse = (why: string): StatusError => conflict('pods/binding', '', name, why);
    if (uid && old.metadata.uid !== uid) {
      throw refuse(
        `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${old.metadata.uid}`,
      );
    }
    if (old.metadata.deletionTimestamp)
      throw refuse(`pod ${name} is being deleted, cannot be assigned to a host`);
    const spec = (old.spec ?? {}) as { nodeName?: string };
    if (spec.nodeName) throw refuse(`pod ${name} is already assigned to node "${spec.nodeName}"`);
    // A new version sharing the stored (frozen) parts that do not change.
    const oldStatus = (old.status ?? {}) as { conditions?: Array<Record<string, unknown>> };
    const conditions = (oldStatus.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    conditions.push({
      type: 'PodScheduled',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: this.now(),
    });
    const next: KubeObject = {
      ...old,
      metadata: { ...old.metadata },
      spec: { ...(old.spec ?? {}), nodeName: node },
      status: { ...oldStatus, conditions },
    };
    return result(this.ctx.store.put(r.plural, next), opts);
  }

  // ---- scale subresource ------------------------------------------------------------------

  getScale(plural: string, namespace: string | undefined, name: string): KubeObject {
    const r = this.resource(plural);
    if (!r.subresources.includes('scale')) throw notFound(r.plural, r.group, name);
    return scaleOf(this.getStored(r, namespace, name));
  }

  /** PUT/PATCH of `/scale`: only spec.replicas of the object changes. */
  updateScale(
    plural: string,
    namespace: string | undefined,
    name: string,
    scale: KubeObjectInput,
    opts: WriteOptions = {},
  ): KubeObject {
    const r = this.resource(plural);
    if (!r.subresources.includes('scale')) throw notFound(r.plural, r.group, name);
    const old = this.getStored(r, namespace, name);
    const replicas = replicasFromScale(scale, name);
    const rv = scale.metadata?.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw conflict(r.plural, r.group, name, OBJECT_MODIFIED);
    const next = copyOut(old);
    (next.spec as { replicas?: number }).replicas = replicas;
    this.commitUpdate(r, next, old, opts, false, 'scale');
    return scaleOf(this.getStored(r, namespace, name));
  }

  patchScale(
    plural: string,
    namespace: string | undefined,
    name: string,
    patch: unknown,
    patchType: PatchType,
    opts: WriteOptions = {},
  ): KubeObject {
    if (patchType === 'apply') return this.applyScale(plural, namespace, name, patch, opts);
    if (opts.force !== undefined) throw forceForbidden();
    const current = this.getScale(plural, namespace, name);
    const patched = applyPatch(
      current as unknown as Record<string, never>,
      patch,
      patchType,
      patchOptions('autoscaling/v1', 'Scale', opts),
    );
    return this.updateScale(plural, namespace, name, patched as unknown as KubeObjectInput, opts);
  }

  /** Apply to `/scale`: the manager owns the object's spec.replicas (entry with subresource scale). */
  private applyScale(
    plural: string,
    namespace: string | undefined,
    name: string,
    patch: unknown,
    opts: WriteOptions,
  ): KubeObject {
    checkApplyOptions(opts.fieldManager);
    const r = this.resource(plural);
    if (!r.subresources.includes('scale')) throw notFound(r.plural, r.group, name);
    const config = checkConfiguration(patch, 'autoscaling/v1');
    const old = this.getStored(r, namespace, name);
    const spec = config.spec as { replicas?: unknown } | undefined;
    const parentConfig: Record<string, unknown> = { apiVersion: apiVersionOf(r), kind: r.kind };
    if (spec && spec.replicas !== undefined) {
      parentConfig.spec = { replicas: replicasFromScale(config as unknown as KubeObjectInput, name) };
    }
    const applied = applyTo(
      r,
      old,
      parentConfig,
      opts.fieldManager!,
      opts.force === true,
      'scale',
      this.now(),
    );
    const next = copyOut(old);
    (next.spec as { replicas?: number }).replicas = (applied.object.spec as { replicas?: number }).replicas;
    next.metadata.managedFields = applied.object.metadata.managedFields;
    const out = this.commitUpdate(r, next, old, opts, false, 'scale', true);
    return opts.dryRun ? scaleOf(out) : scaleOf(this.getStored(r, namespace, name));
  }

  // ---- delete -----------------------------------------------------------------------------

  /**
   * DELETE. Pods on a node terminate gracefully (deletionTimestamp = now + grace, removed later by the
   * kubelet); Foreground and Orphan add the garbage collector's finalizers; objects with finalizers
   * stay until those are removed. Returns the object as it stands after the call.
   */
  delete(plural: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): KubeObject {
    const r = this.resource(plural);
    const old = this.getStored(r, namespace, name);
    if (opts.preconditions?.uid && opts.preconditions.uid !== old.metadata.uid) {
      throw conflict(
        r.plural,
        r.group,
        name,
        `Precondition failed: UID in precondition: ${opts.preconditions.uid}, UID in object meta: ${old.metadata.uid}`,
      );
    }
    if (
      opts.preconditions?.resourceVersion &&
      opts.preconditions.resourceVersion !== old.metadata.resourceVersion
    ) {
      throw conflict(
        r.plural,
        r.group,
        name,
        `Precondition failed: ResourceVersion in precondition: ${opts.preconditions.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion}`,
      );
    }
    if (r.plural === 'namespaces') return this.deleteNamespace(old, opts);
    if (opts.gracePeriodSeconds !== undefined && opts.gracePeriodSeconds < 0) {
      throw invalid('DeleteOptions', '', '', [
        {
          type: 'FieldValueInvalid',
          field: 'gracePeriodSeconds',
          body: `Invalid value: ${opts.gracePeriodSeconds}: must be >= 0`,
        },
      ]);
    }
    const policy =
      opts.propagationPolicy ?? (r.plural === 'replicationcontrollers' ? 'Orphan' : 'Background');
    // Only metadata changes: a new version sharing every other (frozen) part of the stored one.
    const next: KubeObject = { ...old, metadata: { ...old.metadata } };
    const finalizers = new Set(next.metadata.finalizers ?? []);
    if (!old.metadata.deletionTimestamp) {
      if (policy === 'Foreground') finalizers.add('foregroundDeletion');
      if (policy === 'Orphan') finalizers.add('orphan');
    } else if (policy === 'Orphan' && !finalizers.has('foregroundDeletion')) {
      finalizers.add('orphan');
    }
    const grace = this.gracePeriod(r, old, opts);
    if (finalizers.size === 0 && grace === 0) {
      if (opts.dryRun) return copyOut(old);
      return result(this.ctx.store.remove(r.plural, old.metadata.namespace, name)!, opts);
    }
    const nowMs = this.ctx.clock.now();
    const due = timestamp(nowMs + grace * 1000);
    if (!old.metadata.deletionTimestamp || (grace > 0 && due < old.metadata.deletionTimestamp)) {
      next.metadata.deletionTimestamp = due;
      next.metadata.deletionGracePeriodSeconds = grace;
      if (next.metadata.generation !== undefined && !old.metadata.deletionTimestamp)
        next.metadata.generation += 1;
    }
    if (finalizers.size) next.metadata.finalizers = [...finalizers];
    if (deepEqual(next as unknown as never, old as unknown as never)) return result(old, opts);
    if (opts.dryRun) return copyOut(next);
    return result(this.ctx.store.put(r.plural, next), opts);
  }

  /** The grace period a delete gets: pods on a node terminate gracefully; everything else is immediate. */
  private gracePeriod(r: ResourceInfo, obj: KubeObject, opts: DeleteOptions): number {
    if (r.plural !== 'pods') return 0;
    const spec = obj.spec as { nodeName?: string; terminationGracePeriodSeconds?: number } | undefined;
    const phase = (obj.status as { phase?: string } | undefined)?.phase;
    if (!spec?.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
    const requested = opts.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30;
    if (obj.metadata.deletionTimestamp) {
      // A second delete may only shorten the grace period.
      return Math.min(requested, obj.metadata.deletionGracePeriodSeconds ?? requested);
    }
    return requested;
  }

  private deleteNamespace(old: KubeObject, opts: DeleteOptions): KubeObject {
    const name = old.metadata.name!;
    if (UNDELETABLE_NAMESPACES.has(name)) {
      throw forbidden(`namespaces "${name}" is forbidden: this namespace may not be deleted`, {
        name,
        kind: 'namespaces',
      });
    }
    if (old.metadata.deletionTimestamp) return copyOut(old);
    const next = copyOut(old);
    next.metadata.deletionTimestamp = this.now();
    next.metadata.deletionGracePeriodSeconds = 0;
    next.status = { phase: 'Terminating' };
    if (opts.dryRun) return next;
    return copyOut(this.ctx.store.put('namespaces', next));
  }

  /** DELETE on a collection: every object the selectors match, each as a single delete. */
  deleteCollection(
    plural: string,
    namespace: string | undefined,
    listOpts: ListOptions = {},
    opts: DeleteOptions = {},
  ): KubeObject[] {
    const r = this.resource(plural);
    if (!r.verbs.includes('deletecollection')) throw methodNotAllowed();
    const targets = this.ctx.store.list(r.plural, this.filter(r, namespace, listOpts));
    const out: KubeObject[] = [];
    for (const t of targets) {
      try {
        out.push(this.delete(r.plural, t.metadata.namespace, t.metadata.name!, opts));
      } catch (e) {
        if (!(e instanceof StatusError && e.code === 404)) throw e;
      }
    }
    return out;
  }
}

/** Metadata finalizers, and for namespaces also spec.finalizers (the `kubernetes` one), are all gone. */
function noFinalizersLeft(r: ResourceInfo, obj: KubeObject): boolean {
  if ((obj.metadata.finalizers ?? []).length > 0) return false;
  if (r.plural !== 'namespaces') return true;
  return ((obj.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).length === 0;
}

/** Namespace updates cannot change spec.finalizers (only `/finalize` can). */
function keepNamespaceFinalizers(next: KubeObject, old: KubeObject): void {
  const oldFinalizers = (old.spec as { finalizers?: string[] } | undefined)?.finalizers;
  const spec = { ...((next.spec as object | undefined) ?? {}) } as { finalizers?: string[] };
  if (oldFinalizers) spec.finalizers = oldFinalizers;
  else delete spec.finalizers;
  next.spec = spec;
}

interface ServiceSpecFields {
  type?: string;
  ports?: Array<{ nodePort?: number }>;
  allocateLoadBalancerNodePorts?: boolean;
  loadBalancerClass?: string;
  externalTrafficPolicy?: string;
  healthCheckNodePort?: number;
}

/**
 * The Service strategy's dropTypeDependentFields: when the type changes, fields that only the old
 * type uses are dropped if the client left them as they were (so `kubectl patch svc -p
 * '{"spec":{"type":"ClusterIP"}}'` works on a LoadBalancer).
 */
function dropServiceTypeDependentFields(next: KubeObject, old: KubeObject): void {
  const n = (next.spec ?? {}) as ServiceSpecFields;
  const o = (old.spec ?? {}) as ServiceSpecFields;
  if ((n.type ?? 'ClusterIP') === (o.type ?? 'ClusterIP')) return;
  const needsNodePorts = n.type === 'NodePort' || n.type === 'LoadBalancer';
  const samePorts =
    JSON.stringify((n.ports ?? []).map((p) => p.nodePort ?? 0)) ===
    JSON.stringify((o.ports ?? []).map((p) => p.nodePort ?? 0));
  if (!needsNodePorts && samePorts) for (const p of n.ports ?? []) delete p.nodePort;
  if (n.type !== 'LoadBalancer') {
    if (n.allocateLoadBalancerNodePorts === o.allocateLoadBalancerNodePorts)
      delete n.allocateLoadBalancerNodePorts;
    if (n.loadBalancerClass === o.loadBalancerClass) delete n.loadBalancerClass;
    if (n.healthCheckNodePort === o.healthCheckNodePort) delete n.healthCheckNodePort;
  }
  if (!needsNodePorts && n.externalTrafficPolicy === o.externalTrafficPolicy) delete n.externalTrafficPolicy;
}

function patchOptions(apiVersion: string, kind: string, opts: WriteOptions): ApplyPatchOptions {
  return {
    typeName: kindSchema(apiVersion, kind)?.type,
    resolve: typeSchema,
    fieldValidation: opts.fieldValidation ?? 'Strict',
  };
}

/** PatchOptions validation: `force` belongs to apply. */
function forceForbidden(): StatusError {
  return invalid('PatchOptions', 'meta.k8s.io', '', [
    {
      type: 'FieldValueForbidden',
      field: 'force',
      body: 'Forbidden: may not be specified for non-apply patch',
    },
  ]);
}

/** What a write answers: a copy, or the stored object itself for a caller inside the cluster that asked. */
function result(obj: KubeObject, opts: { shared?: boolean }): KubeObject {
  return opts.shared ? obj : copyOut(obj);
}

/** A copy for whoever asked, managedFields resolved if the write that stored them deferred them. */
function copyOut(obj: KubeObject): KubeObject {
  return deepClone(resolvedObject(obj));
}

/**
 * Could a trusted write fail validation? Components build names from names the API server
 * validated (`<deployment>-<hash>`, `<object>.<hex>`, generateName): such a name can only become
 * invalid by its length, so objects with a long name are validated as any write (a 250-character
 * Deployment gets the real 422 for its ReplicaSet, a long pod name's Events are refused).
 */
function mayBeInvalid(obj: KubeObject): boolean {
  return (obj.metadata.name ?? '').length > 63 || (obj.metadata.generateName ?? '').length > 63;
}

function gracePending(r: ResourceInfo, obj: KubeObject): boolean {
  return r.plural === 'pods' && (obj.metadata.deletionGracePeriodSeconds ?? 0) > 0;
}

/** What the real decoder says for a kind it does not serve in that version. */
function noKind(apiVersion: string, kind: string): StatusError {
  return badRequest(
    `no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`,
  );
}

function dedupeErrors<T extends { field: string; body: string }>(errs: T[]): T[] {
  const seen = new Set<string>();
  return errs.filter((e) => {
    const k = `${e.field}\u0000${e.body}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
