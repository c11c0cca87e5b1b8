/** The 409 an apply gets when it would change fields other managers own, worded as the real server. */
import { StatusError } from '../errors';
import type { Fields } from './fields';
import { members } from './fields';
import { pathString } from './path';
import { describeManager, type ManagedFieldsEntry } from './entries';

export interface ManagerConflict {
  entry: ManagedFieldsEntry;
  fields: Fields;
}

export function conflictError(conflicts: ManagerConflict[]): StatusError {
  const all: Array<{ manager: string; path: string }> = [];
  for (const c of conflicts) {
    const manager = describeManager(c.entry);
    for (const p of members(c.fields)) all.push({ manager, path: pathString(p) });
  }
  let message: string;
  if (all.length === 1) {
    message = `Apply failed with 1 conflict: conflict with ${all[0].manager}: ${all[0].path}`;
  } else {
    const byManager = new Map<string, string[]>();
    for (const c of all) byManager.set(c.manager, [...(byManager.get(c.manager) ?? []), c.path]);
    const lines: string[] = [];
    for (const m of [...byManager.keys()].sort()) {
      lines.push(`conflicts with ${m}:`);
      for (const p of byManager.get(m)!) lines.push(`- ${p}`);
    }
    message = `Apply failed with ${all.length} conflicts: ${lines.join('\n')}`;
  }
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: 'Conflict',
    details: {
      causes: all.map((c) => ({
        reason: 'FieldManagerConflict',
        message: `conflict with ${c.manager}`,
        field: c.path,
      })),
    },
    code: 409,
  });
}
