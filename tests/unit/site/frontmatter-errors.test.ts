import { describe, expect, it } from 'vitest';
import { frontmatterProblems, withReadableErrors } from '../../../src/lessons/frontmatter-errors';
import { lessonFrontmatter } from '../../../src/lessons/schema';

const good = {
  title: 'Meet the cluster',
  summary: 'Nodes, pods and a Service.',
  order: 1,
  tasks: [{ id: 'scale', title: 'Scale', check: { resource: 'pods', count: 3 } }],
};

function problems(data: unknown): string[] {
  const r = lessonFrontmatter.safeParse(data, { reportInput: true });
  if (r.success) return [];
  return frontmatterProblems(r.error).map((p) => `${p.path.join('.')}: ${p.message}`);
}

describe('frontmatter errors for authors', () => {
  it('accepts a valid lesson and fills defaults', () => {
    const parsed = withReadableErrors(lessonFrontmatter).parse(good);
    expect(parsed.cluster).toEqual({ apply: [], commands: [], wait: 0 });
    expect(parsed.tasks[0].hints).toEqual([]);
  });

  it('names the field and what was expected', () => {
    expect(problems({ ...good, order: 'one' })).toEqual(['order: should be a number, not the text "one"']);
    expect(problems({ ...good, title: undefined })).toEqual(['title: is required']);
    expect(problems({ ...good, summary: '' })).toEqual(['summary: must not be empty']);
  });

  it('names an unknown field by its own path', () => {
    expect(problems({ ...good, file: ['x.yaml'] })).toEqual([
      'file: unknown field "file" (check the spelling and indentation)',
    ]);
  });

  it('explains a mistyped task check instead of "did not match union"', () => {
    const tasks = [{ id: 'scale', title: 'Scale', check: { resource: 'pods', expects: { a: 1 } } }];
    expect(problems({ ...good, tasks })).toEqual([
      'tasks.0.check.expects: unknown field "expects" (check the spelling and indentation)',
    ]);
  });

  it('reports every problem through the wrapped schema, each with its path', () => {
    const r = withReadableErrors(lessonFrontmatter).safeParse({ ...good, order: 0, files: 'x.yaml' });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['order', 'must be at least 1'],
      ['files', 'should be a list, not the text "x.yaml"'],
    ]);
  });
});
