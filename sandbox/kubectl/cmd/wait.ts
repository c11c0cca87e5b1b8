/**
 * `kubectl wait --for=condition=C[=V] | delete | create | jsonpath='{expr}'=V` (kubectl
 * pkg/cmd/wait): for each named object, in turn, block on the virtual clock until the condition
 * holds (`<kind.group>/<name> condition met`), the timeout passes, or Ctrl+C.
 */
import type { KubeObject } from '../../api/types';
import type { RunContext } from '../commands/types';
import { KubectlError, printError } from '../errors';
import { jsonpathValues } from '../printers/jsonpath';
import { objectName, parseResourceArgs, type ResourceRef } from '../resolve';
import { durationSeconds } from './wired';
import { INTERRUPT_HANDLED, catchInterrupt } from '../interrupt';

/** What the object must look like; `undefined` object = it does not exist. */
type Predicate = (obj: KubeObject | undefined) => boolean;

interface Condition {
  kind: 'delete' | 'create' | 'condition' | 'jsonpath';
  test: Predicate;
}

function parseFor(spec: string): Condition {
  const lower = spec.toLowerCase();
  if (lower === 'delete') return { kind: 'delete', test: (o) => o === undefined };
  if (lower === 'create') return { kind: 'create', test: (o) => o !== undefined };
  if (lower.startsWith('condition=')) {
    const body = spec.slice('condition='.length);
    const eq = body.indexOf('=');
    const type = eq >= 0 ? body.slice(0, eq) : body;
    const want = eq >= 0 ? body.slice(eq + 1) : 'True';
    return {
      kind: 'condition',
      test: (o) => {
        const conds = (o?.status as { conditions?: Array<{ type?: string; status?: string }> } | undefined)
          ?.conditions;
        const c = conds?.find((x) => (x.type ?? '').toLowerCase() === type.toLowerCase());
        return c !== undefined && (c.status ?? '').toLowerCase() === want.toLowerCase();
      },
    };
  }
  if (lower.startsWith('jsonpath=')) {
    const body = spec.slice('jsonpath='.length);
    const close = body.lastIndexOf('}');
    const expr = close >= 0 ? body.slice(0, close + 1) : body;
    const rest = body.slice(expr.length);
    if (rest !== '' && !rest.startsWith('='))
      throw new KubectlError(
        `jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'`,
      );
    const want = rest === '' ? undefined : rest.slice(1);
    return {
      kind: 'jsonpath',
      test: (o) => {
        if (!o) return false;
        let values: unknown[];
        try {
          values = jsonpathValues(expr, o);
        } catch {
          return false;
        }
        if (values.length === 0) return false;
        if (want === undefined) return true;
        return values.every((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)) === want);
      },
    };
  }
  throw new KubectlError(`unrecognized condition: "${spec}"`);
}

/** Resolve when `test` holds for the object (checked now and on every change), or the time runs out. */
function waitFor(
  ctx: RunContext,
  ref: ResourceRef,
  name: string,
  test: Predicate,
  timeoutMs: number,
): Promise<'met' | 'timeout' | 'interrupted'> {
  const { env, io } = ctx;
  const ns = ref.resource.namespaced ? ctx.namespace : undefined;
  // Conditions may read any field, managedFields included: what kubectl would have received.
  const current = (): KubeObject | undefined => {
    const obj = env.api.cache.get(ref.resource.plural, ns, name);
    return obj && env.api.visible(obj);
  };
  if (test(current())) return Promise.resolve('met');
  if (timeoutMs <= 0) return Promise.resolve('timeout');
  return new Promise((resolve) => {
    const cleanups: Array<() => void> = [];
    let done = false;
    const finish = (r: 'met' | 'timeout' | 'interrupted'): void => {
      if (done) return;
      done = true;
      for (const c of cleanups) c();
      resolve(r);
    };
    const handle = env.api.watch(
      ref.resource.plural,
      ns,
      { fieldSelector: `metadata.name=${name}`, shared: true },
      (e) => {
        if (test(e.type === 'DELETED' ? undefined : env.api.visible(e.object))) finish('met');
      },
    );
    cleanups.push(() => handle.stop());
    cleanups.push(io.interrupt.onInterrupt(() => finish('interrupted')));
    const id = env.clock.setTimer(timeoutMs, () => finish('timeout'));
    cleanups.push(() => env.clock.clearTimer(id));
  });
}

export async function runWait(ctx: RunContext): Promise<number> {
  const { env, io, flags } = ctx;
  const cond = parseFor(flags.string('for'));
  const timeoutText = flags.string('timeout') || '30s';
  const seconds = durationSeconds(timeoutText) ?? 0;
  // A negative timeout means a week, as in kubectl.
  const timeoutMs = timeoutText.startsWith('-') ? 7 * 86_400_000 : seconds * 1000;
  const refs = parseResourceArgs(flags.args);
  if (refs.length === 0) throw new KubectlError('resource(s) were provided, but no name was specified');
  // The objects are found once, at the start, as kubectl's resource builder does.
  const targets: Array<{ ref: ResourceRef; name: string }> = [];
  for (const ref of refs) {
    const ns = ref.resource.namespaced ? ctx.namespace : undefined;
    if (ref.name !== undefined) {
      // Already gone: nothing to wait for, and nothing printed.
      if (cond.kind === 'delete' && !env.api.exists(ref.resource.plural, ns, ref.name)) continue;
      if (
        cond.kind !== 'delete' &&
        cond.kind !== 'create' &&
        !env.api.exists(ref.resource.plural, ns, ref.name)
      ) {
        try {
          env.api.get(ref.resource.plural, ns, ref.name);
        } catch (e) {
          printError(io.stderr, e);
          return 1;
        }
      }
      targets.push({ ref, name: ref.name });
      continue;
    }
    const selector = flags.string('selector');
    if (!selector && !flags.bool('all'))
      throw new KubectlError('resource(s) were provided, but no name was specified');
    const items = env.api.list(ref.resource.plural, ns, {
      labelSelector: selector || undefined,
      fieldSelector: flags.string('field-selector') || undefined,
    }).items;
    for (const o of items) targets.push({ ref, name: o.metadata.name ?? '' });
  }
  if (targets.length === 0) {
    if (cond.kind === 'delete') return 0;
    throw new KubectlError('no matching resources found');
  }
  catchInterrupt(io);
  for (const t of targets) {
    const r = await waitFor(ctx, t.ref, t.name, cond.test, timeoutMs);
    if (r === 'interrupted') return INTERRUPT_HANDLED;
    if (r === 'timeout') {
      throw new KubectlError(`timed out waiting for the condition on ${t.ref.resource.plural}/${t.name}`);
    }
    // A deletion kubectl saw happen is reported; one that had already happened is silent.
    io.stdout.write(`${objectName(t.ref.resource, t.name)} condition met\n`);
  }
  return 0;
}
