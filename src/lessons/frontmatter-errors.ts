/**
 * Readable frontmatter errors for lesson authors. Astro's default formatting of schema errors repeats
 * the field path, shows "Did not match union" for a mistyped check, and prints no path for an unknown
 * field. Here each problem becomes one line that names the field and says what was expected, and a
 * failed union (a task check) reports the branch the author most likely meant.
 */
import { z } from 'astro/zod';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

export interface FrontmatterProblem {
  path: PropertyKey[];
  message: string;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `the text "${value}"`;
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (field: value lines)',
  record: 'a mapping (field: value lines)',
};

function describe(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'is required'
        : `should be ${TYPE_NAMES[issue.expected] ?? issue.expected}, not ${show(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling and indentation)`;
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'array') return `needs at least ${issue.minimum} item(s)`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      return `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return `should be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

/**
 * The union branch with the fewest problems is the one the author was writing. A branch that failed
 * only for want of its own key (`all`, `any`, `not` of a check) counts as the least likely.
 */
function closestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const score = (b: readonly Issue[]): number =>
    b.length + (b.every((i) => i.code === 'invalid_type' && i.input === undefined) ? 100 : 0);
  let best: readonly Issue[] | undefined;
  for (const b of branches) if (!best || score(b) < score(best)) best = b;
  return best;
}

function collect(issue: Issue, base: Path, out: FrontmatterProblem[]): void {
  const path = [...base, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const branch = closestBranch(issue.errors);
    if (branch && branch.length > 0) {
      for (const inner of branch) collect(inner, path, out);
      return;
    }
  }
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      out.push({
        path: [...path, key],
        message: `unknown field "${key}" (check the spelling and indentation)`,
      });
    }
    return;
  }
  out.push({ path, message: describe(issue) });
}

export function frontmatterProblems(error: z.ZodError): FrontmatterProblem[] {
  const out: FrontmatterProblem[] = [];
  for (const issue of error.issues) collect(issue, [], out);
  return out;
}

/**
 * Wrap a schema so a failure is reported as one readable issue per problem. Astro prints each issue
 * as `path: message` (and, for messages it formats itself, repeats the path: these come pre-made).
 */
export function withReadableErrors<T extends z.ZodType>(schema: T): z.ZodType<z.output<T>> {
  return z.unknown().transform((data, ctx) => {
    const parsed = schema.safeParse(data, { reportInput: true });
    if (parsed.success) return parsed.data;
    for (const problem of frontmatterProblems(parsed.error)) {
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
    }
    return z.NEVER;
  }) as unknown as z.ZodType<z.output<T>>;
}
