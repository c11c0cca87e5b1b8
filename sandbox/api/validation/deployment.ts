/**
 * Deployment (apps/v1) validation: ValidateDeployment / ValidateDeploymentUpdate plus the
 * registry's selector immutability. Order: metadata, replicas, selector, template, strategy,
 * minReadySeconds, revisionHistoryLimit, progressDeadlineSeconds.
 */
import type { KubeObject } from '../types';
import {
  child,
  forbiddenError,
  invalidError,
  notSupportedError,
  requiredError,
  type FieldError,
} from './field';
import { goIntOrString, goNil, goPtr, goString, goStruct, type GoValue } from './gofmt';
import { isRecord, optNum, rec, str } from './json';
import { isValidPercent, nameIsDNSSubdomain } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectmeta';
import { nonNegative, validateSelectorAndTemplate, validateSelectorImmutable } from './workload';

/** Go's strconv.Atoi as IntOrString.IntValue uses it: anything unparsable is 0. */
function atoi(s: string): number {
  return /^[+-]?[0-9]+$/.test(s) ? Number(s) : 0;
}

/** A valid percent's number, else undefined (getPercentValue). */
function percentValue(v: unknown): number | undefined {
  if (typeof v !== 'string' || isValidPercent(v).length) return undefined;
  return Number(v.slice(0, -1));
}

/** getIntOrPercentValue: "0%" and 0 (and unparsable strings) are all 0. */
function intOrPercentValue(v: unknown): number {
  const pct = percentValue(v);
  if (pct !== undefined) return pct;
  return typeof v === 'string' ? atoi(v) : typeof v === 'number' ? v : 0;
}

/** ValidatePositiveIntOrPercent. */
function validatePositiveIntOrPercent(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalidError(path, goIntOrString(v), m));
  return nonNegative(v, path);
}

function validateRollingUpdate(ru: Record<string, unknown>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const muPath = child(path, 'maxUnavailable');
  errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, muPath));
  errs.push(...validatePositiveIntOrPercent(ru.maxSurge, child(path, 'maxSurge')));
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errs.push(invalidError(muPath, goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
  }
  const pct = percentValue(ru.maxUnavailable);
  if (pct !== undefined && pct > 100)
    errs.push(invalidError(muPath, goIntOrString(ru.maxUnavailable), 'must not be greater than 100%'));
  return errs;
}

/** The internal apps.DeploymentStrategy, as %#v prints it. */
function goStrategy(strategy: Record<string, unknown>): GoValue {
  const ru = strategy.rollingUpdate;
  return goStruct('apps.DeploymentStrategy', [
    ['Type', goString(str(strategy.type))],
    [
      'RollingUpdate',
      isRecord(ru)
        ? goPtr('*apps.RollingUpdateDeployment', goStruct('apps.RollingUpdateDeployment', []))
        : goNil('*apps.RollingUpdateDeployment'),
    ],
  ]);
}

function validateStrategy(strategy: Record<string, unknown>, path: string): FieldError[] {
  const ru = strategy.rollingUpdate;
  switch (str(strategy.type)) {
    case 'Recreate':
      return isRecord(ru)
        ? [
            forbiddenError(
              child(path, 'rollingUpdate'),
              "may not be specified when strategy `type` is 'Recreate'",
            ),
          ]
        : [];
    case 'RollingUpdate':
      return isRecord(ru)
        ? validateRollingUpdate(ru, child(path, 'rollingUpdate'))
        : [requiredError(child(path, 'rollingUpdate'), 'this should be defaulted and never be nil')];
    default:
      return [notSupportedError(path, goStrategy(strategy), ['Recreate', 'RollingUpdate'])];
  }
}

export function validateDeploymentSpec(specIn: unknown, path = 'spec'): FieldError[] {
  const spec = rec(specIn);
  const errs = nonNegative(spec.replicas, child(path, 'replicas'));
  errs.push(...validateSelectorAndTemplate(spec, path));
  errs.push(...validateStrategy(rec(spec.strategy), child(path, 'strategy')));
  errs.push(...nonNegative(spec.minReadySeconds, child(path, 'minReadySeconds')));
  if (typeof spec.revisionHistoryLimit === 'number')
    errs.push(...nonNegative(spec.revisionHistoryLimit, child(path, 'revisionHistoryLimit')));
  const pds = optNum(spec.progressDeadlineSeconds);
  if (pds !== undefined) {
    const pdsPath = child(path, 'progressDeadlineSeconds');
    errs.push(...nonNegative(pds, pdsPath));
    if (pds <= (optNum(spec.minReadySeconds) ?? 0)) {
      errs.push(
        invalidError(
          pdsPath,
          goPtr('*int32', { kind: 'int', value: pds }),
          'must be greater than minReadySeconds',
        ),
      );
    }
  }
  return errs;
}

export function validateDeployment(obj: KubeObject): FieldError[] {
  return [...validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain), ...validateDeploymentSpec(obj.spec)];
}

export function validateDeploymentUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [
    ...validateObjectMetaUpdate(obj.metadata, old.metadata),
    ...validateDeploymentSpec(obj.spec),
    ...validateSelectorImmutable(obj.spec, old.spec, 'spec'),
  ];
}
