/**
 * Pod validation: ValidatePodCreate, and ValidatePodUpdate with its famous rule that only images,
 * activeDeadlineSeconds, added tolerations and a negative grace period set to 1 may change
 * (`spec: Forbidden: pod updates may not change fields other than ...`, followed by a spec diff).
 */
import type { KubeObject } from '../types';
import { child, forbiddenError, index, invalidError, requiredError, type FieldError } from './field';
import { goInt, goNil, goString } from './gofmt';
import { isRecord, optNum, rec, recList, semanticEqual, str, type JsonMap } from './json';
import { inclusiveRangeError, nameIsDNSSubdomain } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectmeta';
import { validateContainersOnlyForPod } from './containers';
import { validatePodSpec } from './podspec';
import { computePodQOS, podQOS } from './qos';
import { podSpecDiff } from './specdiff';

const MAX_INT32 = 2147483647;

/** The v1.32 list (InPlacePodVerticalScaling is off by default, so resources are not in it). */
export const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

/** validatePodMetadataAndSpec: what create and update both check. */
function validatePodMetadataAndSpec(pod: KubeObject): FieldError[] {
  const spec = rec(pod.spec);
  const errs = validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain);
  errs.push(...validatePodSpec(spec, 'spec', { resourceIsPod: true }));
  if (!str(spec.serviceAccountName)) {
    recList(spec.volumes).forEach((v, vi) => {
      const projected = rec(v.projected);
      recList(projected.sources).forEach((s, si) => {
        if (isRecord(s.serviceAccountToken)) {
          const p = child(
            index(child(index('spec.volumes', vi), 'projected', 'sources'), si),
            'serviceAccountToken',
          );
          errs.push(forbiddenError(p, 'must not be specified when serviceAccountName is not set'));
        }
      });
    });
  }
  errs.push(...validateContainersOnlyForPod(spec.containers, 'spec.containers'));
  errs.push(...validateContainersOnlyForPod(spec.initContainers, 'spec.initContainers'));
  return errs;
}

export function validatePodCreate(pod: KubeObject): FieldError[] {
  const spec = rec(pod.spec);
  const errs = validatePodMetadataAndSpec(pod);
  if (recList(spec.ephemeralContainers).length > 0)
    errs.push(forbiddenError('spec.ephemeralContainers', 'cannot be set on create'));
  if (str(spec.nodeName) && recList(spec.schedulingGates).length > 0) {
    errs.push(forbiddenError('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}

function validateContainerUpdates(
  newList: unknown,
  oldList: unknown,
  path: string,
): { errs: FieldError[]; stop: boolean } {
  const n = recList(newList);
  if (n.length !== recList(oldList).length)
    return { errs: [forbiddenError(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  n.forEach((c, i) => {
    const image = str(c.image);
    if (!image) errs.push(requiredError(child(index(path, i), 'image')));
    if (image.trim() !== image) {
      errs.push(
        invalidError(
          child(index(path, i), 'image'),
          goString(image),
          'must not have leading or trailing whitespace',
        ),
      );
    }
  });
  return { errs, stop: false };
}

function tolerationKey(t: JsonMap): string {
  return JSON.stringify([str(t.key), str(t.operator), str(t.value), str(t.effect)]);
}

function validateOnlyAddedTolerations(newList: unknown, oldList: unknown, path: string): FieldError[] {
  const added = new Set(recList(newList).map(tolerationKey));
  for (const old of recList(oldList)) {
    if (!added.has(tolerationKey(old)))
      return [forbiddenError(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return [];
}

function validateOnlyDeletedSchedulingGates(newList: unknown, oldList: unknown, path: string): FieldError[] {
  const oldNames = new Set(recList(oldList).map((g) => str(g.name)));
  const errs: FieldError[] = [];
  recList(newList).forEach((g, i) => {
    const name = str(g.name);
    if (!oldNames.has(name)) {
      errs.push(
        forbiddenError(
          child(index(path, i), 'name'),
          `only deletion is allowed, but found new scheduling gate '${name}'`,
        ),
      );
    }
  });
  return errs;
}

/** ValidatePodUpdate (the main resource; status updates are not validated here). */
export function validatePodUpdate(pod: KubeObject, old: KubeObject): FieldError[] {
  const newSpec = rec(pod.spec);
  const oldSpec = rec(old.spec);
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  errs.push(...validatePodMetadataAndSpec(pod));

  for (const list of ['containers', 'initContainers']) {
    const r = validateContainerUpdates(newSpec[list], oldSpec[list], child('spec', list));
    errs.push(...r.errs);
    if (r.stop) return errs;
  }

  const adsPath = 'spec.activeDeadlineSeconds';
  const newAds = optNum(newSpec.activeDeadlineSeconds);
  const oldAds = optNum(oldSpec.activeDeadlineSeconds);
  if (newAds !== undefined) {
    if (newAds < 0 || newAds > MAX_INT32) {
      errs.push(invalidError(adsPath, goInt(newAds), inclusiveRangeError(0, MAX_INT32)));
      return errs;
    }
    if (oldAds !== undefined && oldAds < newAds) {
      errs.push(invalidError(adsPath, goInt(newAds), 'must be less than or equal to previous value'));
      return errs;
    }
  } else if (oldAds !== undefined) {
    errs.push(invalidError(adsPath, goNil('*int64'), 'must not update from a positive integer to nil value'));
  }

  errs.push(...validateOnlyAddedTolerations(newSpec.tolerations, oldSpec.tolerations, 'spec.tolerations'));
  errs.push(
    ...validateOnlyDeletedSchedulingGates(
      newSpec.schedulingGates,
      oldSpec.schedulingGates,
      'spec.schedulingGates',
    ),
  );

  if (semanticEqual(newSpec, oldSpec)) return errs;

  if (podQOS(old) !== computePodQOS(newSpec)) {
    errs.push(invalidError('metadata', goString(str(rec(old.status).qosClass)), 'Pod QoS is immutable'));
  }

  const munged = JSON.parse(JSON.stringify(newSpec)) as JsonMap;
  const mungeImages = (list: string): void => {
    const oldList = recList(oldSpec[list]);
    if (Array.isArray(munged[list])) {
      munged[list] = recList(munged[list]).map((c, i) => ({ ...c, image: oldList[i]?.image }));
    }
  };
  mungeImages('containers');
  mungeImages('initContainers');
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.schedulingGates = oldSpec.schedulingGates;
  munged.tolerations = oldSpec.tolerations;
  const oldGrace = optNum(oldSpec.terminationGracePeriodSeconds);
  if (oldGrace !== undefined && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldGrace;
  }
  if (!semanticEqual(munged, oldSpec)) {
    const detail = `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${podSpecDiff(oldSpec, munged)}`;
    errs.push(forbiddenError('spec', detail));
  }
  return errs;
}
