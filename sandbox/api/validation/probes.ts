/**
 * Probes and lifecycle handlers: exactly one handler (`Required value: must specify a handler
 * type`, `Forbidden: may not specify more than 1 handler type`), non-negative timings, and the
 * per-probe rules (liveness/startup successThreshold must be 1, no grace period on readiness).
 */
import {
  child,
  forbiddenError,
  invalidError,
  IS_NEGATIVE,
  notSupportedError,
  requiredError,
  type FieldError,
} from './field';
import { goInt, goString } from './gofmt';
import { isRecord, num, optNum, optRec, rec, recList, str, strList, type JsonMap } from './json';
import { isHTTPHeaderName, isValidPortName, isValidPortNum } from './names';

/** ValidatePortNumOrName: an int-or-string port (number: 1-65535; string: an IANA port name). */
export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'string')
    return isValidPortName(port).map((m) => invalidError(path, goString(port), m));
  const n = num(port);
  return isValidPortNum(n).map((m) => invalidError(path, goInt(n), m));
}

function validateHTTPGet(h: JsonMap, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!str(h.path)) errs.push(requiredError(child(path, 'path')));
  errs.push(...validatePortNumOrName(h.port, child(path, 'port')));
  const scheme = str(h.scheme);
  if (scheme !== 'HTTP' && scheme !== 'HTTPS')
    errs.push(notSupportedError(child(path, 'scheme'), goString(scheme), ['HTTP', 'HTTPS']));
  for (const header of recList(h.httpHeaders)) {
    const name = str(header.name);
    for (const m of isHTTPHeaderName(name))
      errs.push(invalidError(child(path, 'httpHeaders'), goString(name), m));
  }
  return errs;
}

type HandlerKind = 'exec' | 'httpGet' | 'tcpSocket' | 'grpc' | 'sleep';

function validateHandler(
  handler: JsonMap,
  kinds: readonly HandlerKind[],
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const kind of kinds) {
    const h = optRec(handler[kind]);
    if (!h) continue;
    const p = child(path, kind);
    if (count > 0) {
      errs.push(forbiddenError(p, 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    switch (kind) {
      case 'exec':
        if (strList(h.command).length === 0) errs.push(requiredError(child(p, 'command')));
        break;
      case 'httpGet':
        errs.push(...validateHTTPGet(h, p));
        break;
      case 'tcpSocket':
        errs.push(...validatePortNumOrName(h.port, child(p, 'port')));
        break;
      case 'grpc':
        errs.push(...validatePortNumOrName(num(h.port), child(p, 'port')));
        break;
      case 'sleep': {
        const seconds = num(h.seconds);
        const grace = gracePeriod ?? 0;
        if ((gracePeriod !== undefined && seconds <= 0) || seconds > grace) {
          errs.push(
            invalidError(
              p,
              goInt(seconds),
              `must be greater than 0 and less than terminationGracePeriodSeconds (${grace})`,
            ),
          );
        }
        break;
      }
    }
  }
  if (count === 0) errs.push(requiredError(path, 'must specify a handler type'));
  return errs;
}

const PROBE_HANDLERS: readonly HandlerKind[] = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const LIFECYCLE_HANDLERS: readonly HandlerKind[] = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

function validateProbe(probe: JsonMap, gracePeriod: number | undefined, path: string): FieldError[] {
  const errs = validateHandler(probe, PROBE_HANDLERS, gracePeriod, path);
  for (const f of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ]) {
    const v = num(probe[f]);
    if (v < 0) errs.push(invalidError(child(path, f), goInt(v), IS_NEGATIVE));
  }
  const tgps = optNum(probe.terminationGracePeriodSeconds);
  if (tgps !== undefined && tgps <= 0) {
    errs.push(
      invalidError(child(path, 'terminationGracePeriodSeconds'), goInt(tgps), 'must be greater than 0'),
    );
  }
  return errs;
}

export function validateLivenessProbe(
  probe: unknown,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  if (!isRecord(probe)) return [];
  const errs = validateProbe(probe, gracePeriod, path);
  if (num(probe.successThreshold) !== 1) {
    errs.push(invalidError(child(path, 'successThreshold'), goInt(num(probe.successThreshold)), 'must be 1'));
  }
  return errs;
}

export function validateReadinessProbe(
  probe: unknown,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  if (!isRecord(probe)) return [];
  const errs = validateProbe(probe, gracePeriod, path);
  const tgps = optNum(probe.terminationGracePeriodSeconds);
  if (tgps !== undefined) {
    errs.push(
      invalidError(
        child(path, 'terminationGracePeriodSeconds'),
        goInt(tgps),
        'must not be set for readinessProbes',
      ),
    );
  }
  return errs;
}

export function validateStartupProbe(
  probe: unknown,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  if (!isRecord(probe)) return [];
  const errs = validateProbe(probe, gracePeriod, path);
  if (num(probe.successThreshold) !== 1) {
    errs.push(invalidError(child(path, 'successThreshold'), goInt(num(probe.successThreshold)), 'must be 1'));
  }
  return errs;
}

export function validateLifecycle(
  lifecycle: unknown,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  const l = rec(lifecycle);
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop']) {
    const h = optRec(l[hook]);
    if (h) errs.push(...validateHandler(h, LIFECYCLE_HANDLERS, gracePeriod, child(path, hook)));
  }
  return errs;
}
