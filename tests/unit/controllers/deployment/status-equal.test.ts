/**
 * statusEqual decides whether a sync writes the Deployment's status at all: it must agree with
 * comparing the two statuses as the API server would store them (zero counts and empty lists
 * omitted), or a sync would skip a write it owes (or make one too many).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepEqual } from '../../../../sandbox/api/patch/equal';
import { normalizeStatus, statusEqual } from '../../../../sandbox/controllers/deployment/status';
import type { Condition, DeploymentStatus } from '../../../../sandbox/controllers/deployment/types';

const count = fc.option(fc.constantFrom(0, 1, 2), { nil: undefined });
const condition: fc.Arbitrary<Condition> = fc.record({
  type: fc.constantFrom('Available', 'Progressing'),
  status: fc.constantFrom('True', 'False'),
  reason: fc.constantFrom('MinimumReplicasAvailable', 'ReplicaSetUpdated'),
  message: fc.constantFrom('a', 'b'),
  lastUpdateTime: fc.constantFrom('2026-11-27T10:00:00Z', '2026-11-27T10:00:01Z'),
  lastTransitionTime: fc.constantFrom('2026-11-27T10:00:00Z'),
});
const status: fc.Arbitrary<DeploymentStatus | undefined> = fc.option(
  fc.record(
    {
      observedGeneration: count,
      replicas: count,
      updatedReplicas: count,
      readyReplicas: count,
      availableReplicas: count,
      unavailableReplicas: count,
      conditions: fc.array(condition, { maxLength: 2 }),
      collisionCount: fc.option(fc.constantFrom(0, 1), { nil: null as unknown as undefined }),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

describe('statusEqual', () => {
  it('agrees with comparing the statuses as stored', () => {
    fc.assert(
      fc.property(status, status, (a, b) => {
        expect(statusEqual(a, b)).toBe(deepEqual(normalizeStatus(a), normalizeStatus(b)));
      }),
      { numRuns: 3000 },
    );
  });

  it('tells a changed count, condition or collision count apart', () => {
    const base: DeploymentStatus = { replicas: 2, conditions: [] };
    expect(statusEqual(base, { replicas: 2 })).toBe(true);
    expect(statusEqual(base, { replicas: 2, readyReplicas: 0 })).toBe(true);
    expect(statusEqual(base, { replicas: 3 })).toBe(false);
    expect(statusEqual(base, { replicas: 2, collisionCount: 0 })).toBe(false);
    const cond: Condition = { type: 'Available', status: 'True', reason: 'r', message: 'm' };
    expect(statusEqual({ conditions: [cond] }, { conditions: [{ ...cond }] })).toBe(true);
    expect(statusEqual({ conditions: [cond] }, { conditions: [{ ...cond, message: 'n' }] })).toBe(false);
  });
});
