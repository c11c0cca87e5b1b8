import { describe, expect, it } from 'vitest';
import { prepareLesson, runHeadless, LessonSetupError } from '../../../src/lessons/setup';
import { evaluateCheck, readPath } from '../../../src/lessons/check';
import { lessonFrontmatter } from '../../../src/lessons/schema';

describe('lesson setup and checks', () => {
  it('starts from the declared cluster with the lesson files mounted', async () => {
    const fm = lessonFrontmatter.parse({
      title: 't',
      summary: 's',
      order: 1,
      cluster: { apply: ['kubia-deployment-v1.yaml'], wait: 60 },
      files: ['kubia-deployment-v3-with-readinesscheck.yaml'],
    });
    const { sandbox, fs } = await prepareLesson(fm);
    expect(fs.readdir('/home/learner')).toEqual(['kubia-deployment-v3-with-readinesscheck.yaml']);
    const api = sandbox.api;
    expect(
      evaluateCheck(api, {
        resource: 'pods',
        selector: 'app=kubia',
        count: 3,
        expect: {
          'status.conditions[type=Ready].status': 'True',
          'spec.containers[0].image': 'luksa/kubia:v1',
        },
      }),
    ).toEqual({ pass: true });
    const svc = api.cache.get('services', 'default', 'kubia');
    expect(readPath(svc, 'status.loadBalancer.ingress[0].ip')).toBe('34.64.140.187');
    const v2 = {
      resource: 'deployments',
      name: 'kubia',
      expect: { 'status.updatedReplicas': 3, 'spec.template.spec.containers[0].image': 'luksa/kubia:v2' },
    };
    expect(evaluateCheck(api, v2).pass).toBe(false);
    await runHeadless(
      sandbox,
      fs,
      'kubectl set image deployment kubia nodejs=luksa/kubia:v2 && kubectl rollout status deploy kubia',
    );
    expect(evaluateCheck(api, v2)).toEqual({ pass: true });
    expect(evaluateCheck(api, { not: v2 }).pass).toBe(false);
    expect(evaluateCheck(api, { resource: 'replicasets', selector: 'app=kubia', count: 2 }).pass).toBe(true);
  });

  it('says which setup command failed', async () => {
    const fm = lessonFrontmatter.parse({
      title: 't',
      summary: 's',
      order: 1,
      cluster: { commands: ['kubectl get deploy nope'] },
    });
    await expect(prepareLesson(fm)).rejects.toThrow(LessonSetupError);
    await expect(prepareLesson(fm)).rejects.toThrow(/deployments.apps "nope" not found/);
  });

  it('rejects unknown frontmatter fields with a readable path', () => {
    const r = lessonFrontmatter.safeParse({
      title: 't',
      summary: 's',
      order: 1,
      tasks: [{ id: 'Bad Id', title: 'x', check: { resource: 'pods' } }],
    });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('lowercase words joined by dashes');
  });
});
