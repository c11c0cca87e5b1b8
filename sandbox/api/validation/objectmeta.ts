/**
 * ObjectMeta validation (apimachinery ValidateObjectMetaAccessor[Update] plus the core group's
 * finalizer-name check), in upstream order: generateName, name, namespace, generation, labels,
 * annotations, ownerReferences, finalizers.
 */
import {
  child,
  FIELD_IMMUTABLE,
  forbiddenError,
  index,
  invalidError,
  IS_NEGATIVE,
  requiredError,
  type FieldError,
} from './field';
import {
  goBoolPtr,
  goInt,
  goNil,
  goPtr,
  goSharpV,
  goString,
  goStringSlice,
  goStruct,
  goTimeString,
  type GoValue,
} from './gofmt';
import { num, rec, recList, str, strList } from './json';
import { validateAnnotations, validateLabels } from './labels';
import { isQualifiedName, nameIsDNSLabel, type NameFn } from './names';

const STANDARD_FINALIZERS = ['kubernetes', 'orphan', 'foregroundDeletion'];

function goOwnerReference(ref: Record<string, unknown>): GoValue {
  return goStruct('v1.OwnerReference', [
    ['APIVersion', goString(str(ref.apiVersion))],
    ['Kind', goString(str(ref.kind))],
    ['Name', goString(str(ref.name))],
    ['UID', goString(str(ref.uid))],
    ['Controller', goBoolPtr(ref.controller)],
    ['BlockOwnerDeletion', goBoolPtr(ref.blockOwnerDeletion)],
  ]);
}

export function validateOwnerReferences(refs: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const list = recList(refs);
  let firstController = '';
  for (const ref of list) {
    const apiVersion = str(ref.apiVersion);
    const slash = apiVersion.indexOf('/');
    const version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
    const group = slash >= 0 ? apiVersion.slice(0, slash) : '';
    if (!version)
      errs.push(invalidError(child(path, 'apiVersion'), goString(apiVersion), 'version must not be empty'));
    if (!str(ref.kind))
      errs.push(invalidError(child(path, 'kind'), goString(str(ref.kind)), 'kind must not be empty'));
    if (!str(ref.name))
      errs.push(invalidError(child(path, 'name'), goString(str(ref.name)), 'name must not be empty'));
    if (!str(ref.uid))
      errs.push(invalidError(child(path, 'uid'), goString(str(ref.uid)), 'uid must not be empty'));
    if (group === '' && version === 'v1' && ref.kind === 'Event') {
      errs.push(
        invalidError(path, goOwnerReference(ref), '/v1, Kind=Event is disallowed from being an owner'),
      );
    }
    if (ref.controller === true) {
      const current = `${str(ref.kind)}/${str(ref.name)}`;
      if (firstController) {
        const all: GoValue = {
          kind: 'slice',
          type: '[]v1.OwnerReference',
          items: list.map(goOwnerReference),
        };
        errs.push(
          invalidError(
            path,
            all,
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`,
          ),
        );
      } else firstController = current;
    }
  }
  return errs;
}

/** apimachinery ValidateFinalizers: qualified names, errors on the list's path. */
function validateFinalizers(finalizers: string[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of finalizers) {
    for (const msg of isQualifiedName(f)) errs.push(invalidError(path, goString(f), msg));
  }
  if (finalizers.includes('foregroundDeletion') && finalizers.includes('orphan')) {
    errs.push(
      invalidError(
        path,
        goStringSlice(finalizers),
        'finalizer orphan and foregroundDeletion cannot be both set',
      ),
    );
  }
  return errs;
}

/** The core group's extra check: a finalizer without a `/` must be a standard one. */
export function validateKubeFinalizerName(name: string, path: string): FieldError[] {
  if (!name.includes('/') && !STANDARD_FINALIZERS.includes(name)) {
    return [
      invalidError(
        path,
        goString(name),
        'name is neither a standard finalizer name nor is it fully qualified',
      ),
    ];
  }
  return [];
}

function kubeFinalizers(finalizers: string[], path: string): FieldError[] {
  return finalizers.flatMap((f, i) => validateKubeFinalizerName(f, index(child(path, 'finalizers'), i)));
}

/**
 * ValidateObjectMeta on create. The name is checked with `nameFn` (DNS subdomain for most kinds,
 * DNS-1035 label for Services, DNS-1123 label for Namespaces).
 */
export function validateObjectMeta(
  metadata: unknown,
  requiresNamespace: boolean,
  nameFn: NameFn,
  path = 'metadata',
): FieldError[] {
  const meta = rec(metadata);
  const errs: FieldError[] = [];
  const generateName = str(meta.generateName);
  const name = str(meta.name);
  if (generateName) {
    for (const msg of nameFn(generateName, true))
      errs.push(invalidError(child(path, 'generateName'), goString(generateName), msg));
  }
  if (!name) errs.push(requiredError(child(path, 'name'), 'name or generateName is required'));
  else
    for (const msg of nameFn(name, false)) errs.push(invalidError(child(path, 'name'), goString(name), msg));

  const namespace = str(meta.namespace);
  if (requiresNamespace) {
    if (!namespace) errs.push(requiredError(child(path, 'namespace')));
    else
      for (const msg of nameIsDNSLabel(namespace, false))
        errs.push(invalidError(child(path, 'namespace'), goString(namespace), msg));
  } else if (namespace) {
    errs.push(forbiddenError(child(path, 'namespace'), 'not allowed on this type'));
  }
  errs.push(...validateGeneration(meta.generation, path));
  errs.push(...validateLabels(meta.labels, child(path, 'labels')));
  errs.push(...validateAnnotations(meta.annotations, child(path, 'annotations')));
  errs.push(...validateOwnerReferences(meta.ownerReferences, child(path, 'ownerReferences')));
  const finalizers = strList(meta.finalizers);
  errs.push(...validateFinalizers(finalizers, child(path, 'finalizers')));
  errs.push(...kubeFinalizers(finalizers, path));
  return errs;
}

function validateGeneration(generation: unknown, path: string): FieldError[] {
  const g = num(generation);
  return g < 0 ? [invalidError(child(path, 'generation'), goInt(g), IS_NEGATIVE)] : [];
}

function timePtr(v: unknown): GoValue {
  // *metav1.Time implements fmt.Stringer (time.Time's String()).
  return typeof v === 'string' && v ? goPtr('*v1.Time', goString(goTimeString(v))) : goNil('*v1.Time');
}

function immutable(
  newV: unknown,
  oldV: unknown,
  path: string,
  render: (v: unknown) => GoValue,
): FieldError[] {
  const same = (newV ?? null) === (oldV ?? null) || ((newV ?? '') === '' && (oldV ?? '') === '');
  return same ? [] : [invalidError(path, render(newV), FIELD_IMMUTABLE)];
}

/**
 * ValidateObjectMetaUpdate. The `resourceVersion ... must be specified for an update` check is not
 * here: every served kind allows unconditional updates, so the server fills it in first.
 */
export function validateObjectMetaUpdate(
  newMetadata: unknown,
  oldMetadata: unknown,
  path = 'metadata',
): FieldError[] {
  const n = rec(newMetadata);
  const o = rec(oldMetadata);
  const errs: FieldError[] = [];
  const newFinalizers = strList(n.finalizers);
  if (str(o.deletionTimestamp)) {
    const extra = [...new Set(newFinalizers.filter((f) => !strList(o.finalizers).includes(f)))].sort();
    if (extra.length) {
      errs.push(
        forbiddenError(
          child(path, 'finalizers'),
          `no new finalizers can be added if the object is being deleted, found new finalizers ${goSharpV(goStringSlice(extra))}`,
        ),
      );
    }
  }
  if (num(n.generation) < num(o.generation)) {
    errs.push(invalidError(child(path, 'generation'), goInt(num(n.generation)), 'must not be decremented'));
  }
  const asString = (v: unknown): GoValue => goString(str(v));
  errs.push(...immutable(n.name, o.name, child(path, 'name'), asString));
  errs.push(...immutable(n.namespace, o.namespace, child(path, 'namespace'), asString));
  errs.push(...immutable(n.uid, o.uid, child(path, 'uid'), asString));
  errs.push(
    ...immutable(n.creationTimestamp, o.creationTimestamp, child(path, 'creationTimestamp'), (v) =>
      goString(goTimeString(v)),
    ),
  );
  errs.push(
    ...immutable(n.deletionTimestamp, o.deletionTimestamp, child(path, 'deletionTimestamp'), timePtr),
  );
  errs.push(
    ...immutable(
      n.deletionGracePeriodSeconds,
      o.deletionGracePeriodSeconds,
      child(path, 'deletionGracePeriodSeconds'),
      (v) => (typeof v === 'number' ? goPtr('*int64', goInt(v)) : goNil('*int64')),
    ),
  );
  errs.push(...validateLabels(n.labels, child(path, 'labels')));
  errs.push(...validateAnnotations(n.annotations, child(path, 'annotations')));
  errs.push(...validateOwnerReferences(n.ownerReferences, child(path, 'ownerReferences')));
  errs.push(...kubeFinalizers(newFinalizers, path));
  return errs;
}
