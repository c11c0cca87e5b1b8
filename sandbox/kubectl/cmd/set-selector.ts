/**
 * `kubectl set selector` (kubectl pkg/cmd/set/set_selector.go): replace a Service's selector with
 * the equality-based selector given last (`app=kubia,version=v2`); keys left out are removed.
 */
import { parseSelector, SelectorParseError, type Requirement } from '../../api/selectors/labels';
import type { RunContext } from '../commands/types';
import { KubectlError, printError } from '../errors';
import { deepCopy } from './common';
import { fetchTargets, NO_RESOURCES, patchAndPrint } from './set-common';

interface ParsedSelector {
  matchLabels: Record<string, string>;
  /** Set-based requirements: metav1.ParseToLabelSelector keeps them, Services cannot use them. */
  expressions: Requirement[];
}

const GO_OPERATOR: Record<string, string> = {
  in: 'In',
  notin: 'NotIn',
  exists: 'Exists',
  '!': 'DoesNotExist',
};

function parse(expr: string): ParsedSelector {
  let requirements: Requirement[];
  try {
    requirements = parseSelector(expr).requirements ?? [];
  } catch (e) {
    if (e instanceof SelectorParseError) {
      throw new KubectlError(`couldn't parse the selector string "${expr}": ${e.message}`);
    }
    throw e;
  }
  const out: ParsedSelector = { matchLabels: {}, expressions: [] };
  for (const r of requirements) {
    if (r.op === '=' || r.op === '==') out.matchLabels[r.key] = r.values[0];
    else if (GO_OPERATOR[r.op]) out.expressions.push(r);
    else throw new KubectlError(`"${r.op}" is not a valid label selector operator`);
  }
  return out;
}

/** Go's %v of []metav1.LabelSelectorRequirement. */
function goExpressions(reqs: Requirement[]): string {
  return `[${reqs.map((r) => `{${r.key} ${GO_OPERATOR[r.op]} [${r.values.join(' ')}]}`).join(' ')}]`;
}

export async function runSetSelector(ctx: RunContext): Promise<number> {
  const { io, flags } = ctx;
  const args = flags.args;
  const words = args.slice(0, -1);
  if (words.length === 0) throw new KubectlError(NO_RESOURCES);
  // The resource builder complains before the selector is looked at.
  if (words.length === 1 && !words[0].includes('/') && !flags.bool('all')) {
    throw new KubectlError('resource(s) were provided, but no name was specified');
  }
  const selector = parse(args[args.length - 1]);
  const targets = fetchTargets(ctx, words);
  if (!targets) return 1;
  let rc = 0;
  for (const target of targets) {
    try {
      if (selector.expressions.length > 0) {
        throw new KubectlError(
          `match expression ${goExpressions(selector.expressions)} not supported on this object`,
        );
      }
      if (target.live.kind !== 'Service')
        throw new KubectlError('setting a selector is only supported for Services');
      const modified = deepCopy(target.live);
      (modified.spec as { selector?: Record<string, string> }).selector = selector.matchLabels;
      const rv = flags.string('resource-version');
      if (rv) modified.metadata.resourceVersion = rv;
      patchAndPrint(ctx, target, modified, 'selector updated');
    } catch (e) {
      printError(io.stderr, e);
      rc = 1;
    }
  }
  return rc;
}
