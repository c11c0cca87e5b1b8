import type { KubeObject } from '../../../../sandbox/api/types';
import { RESOURCES, type ResourceInfo } from '../../../../sandbox/api/resources';

/** A fixed "now" for every row: 2024-06-01T12:00:00Z. */
export const NOW = Date.parse('2024-06-01T12:00:00Z');

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** An RFC 3339 timestamp `ms` before NOW, at whole seconds like metav1.Time. */
export function ago(ms: number): string {
  return new Date(NOW - ms).toISOString().replace('.000Z', 'Z');
}

export function resource(plural: string): ResourceInfo {
  const r = RESOURCES.find((x) => x.plural === plural);
  if (!r) throw new Error(`no resource ${plural}`);
  return r;
}

export function obj(apiVersion: string, kind: string, body: Record<string, unknown>): KubeObject {
  return { apiVersion, kind, metadata: {}, ...body } as KubeObject;
}
