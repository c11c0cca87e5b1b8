/** The lesson's task checks, re-evaluated when the cluster changed since the last run. */
import type { ApiServer } from '../../../sandbox/index';
import { evaluateCheck } from '../../lessons/check';
import type { Task } from '../../lessons/schema';
import type { TaskStates } from '../protocol';

export class TaskChecks {
  private lastRv = -1;
  private states: TaskStates = [];

  constructor(private readonly tasks: readonly Task[]) {}

  get current(): TaskStates {
    return this.states;
  }

  /** Forget the last run (a new cluster). */
  reset(): void {
    this.lastRv = -1;
  }

  /** The new states when the cluster changed and a task's state with it; else undefined. */
  check(api: ApiServer): TaskStates | undefined {
    const rv = api.cache.resourceVersion();
    if (rv === this.lastRv) return undefined;
    this.lastRv = rv;
    const next: TaskStates = this.tasks.map((t) => [t.id, evaluateCheck(api, t.check).pass]);
    const changed =
      next.length !== this.states.length || next.some(([, pass], i) => pass !== this.states[i][1]);
    this.states = next;
    return changed ? next : undefined;
  }
}
