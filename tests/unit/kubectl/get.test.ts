import { describe, expect, it } from 'vitest';
import { DEPLOYMENT, POD, RC_AND_SVC, setup } from './harness';

async function withObjects() {
  const h = setup();
  h.write('pod.yaml', POD);
  h.write('rc.yaml', RC_AND_SVC);
  h.write('deploy.yaml', DEPLOYMENT);
  await h.run('create -f pod.yaml');
  await h.run('create -f rc.yaml');
  await h.run('create -f deploy.yaml');
  h.sb.clock.advance(65);
  return h;
}

describe('kubectl get tables (§3.2)', () => {
  it('prints the server table with minwidth 6 / padding 3', async () => {
    const { run } = await withObjects();
    const r = await run('get pods');
    expect(r.out).toBe(
      'NAME           READY   STATUS    RESTARTS   AGE\nkubia-manual   0/1     Pending   0          65s\n',
    );
    expect(r.rc).toBe(0);
  });

  it('wide, -L and --show-labels in that order', async () => {
    const { run } = await withObjects();
    const r = await run('get po -o wide -L env --show-labels');
    expect(r.out).toBe(
      'NAME           READY   STATUS    RESTARTS   AGE   IP       NODE     NOMINATED NODE   READINESS GATES   ENV    LABELS\n' +
        'kubia-manual   0/1     Pending   0          65s   <none>   <none>   <none>           <none>            prod   creation_method=manual,env=prod\n',
    );
  });

  it('an empty last -L column leaves trailing padding', async () => {
    const { run } = await withObjects();
    const r = await run('get po -L app');
    expect(r.out.split('\n')[1]).toBe('kubia-manual   0/1     Pending   0          65s   ');
  });

  it('-A adds NAMESPACE', async () => {
    const { run } = await withObjects();
    const r = await run('get deploy -A');
    expect(r.out.split('\n')[0]).toBe('NAMESPACE   NAME    READY   UP-TO-DATE   AVAILABLE   AGE');
    expect(r.out.split('\n')[1]).toBe('default     kubia   0/3     0            0           65s');
  });

  it('several types: one table each, kind prefix, blank line between', async () => {
    const { run } = await withObjects();
    const r = await run('get rc,deploy');
    expect(r.out).toBe(
      'NAME                             DESIRED   CURRENT   READY   AGE\n' +
        'replicationcontroller/kubia-v1   3         0         0       65s\n' +
        '\n' +
        'NAME                    READY   UP-TO-DATE   AVAILABLE   AGE\n' +
        'deployment.apps/kubia   0/3     0            0           65s\n',
    );
  });

  it('get all skips empty types', async () => {
    const { run } = await withObjects();
    const r = await run('get all');
    expect(r.out).toContain('pod/kubia-manual');
    expect(r.out).toContain('service/kubernetes');
    expect(r.out).toContain('deployment.apps/kubia');
    expect(r.out).not.toContain('replicaset');
  });

  it.each([
    ['get pods', 'No resources found in default namespace.\n'],
    ['get pods -n kube-system', 'No resources found in kube-system namespace.\n'],
    ['get pods -A', 'No resources found\n'],
    ['get rs', 'No resources found in default namespace.\n'],
  ])('empty: %s', async (line, err) => {
    const { run } = setup();
    const r = await run(line);
    expect(r.out).toBe('');
    expect(r.err).toBe(err);
    expect(r.rc).toBe(0);
  });

  it('named gets print found rows then errors', async () => {
    const { run } = await withObjects();
    const r = await run('get pods kubia-manual nothere');
    expect(r.out).toBe(
      'NAME           READY   STATUS    RESTARTS   AGE\nkubia-manual   0/1     Pending   0          65s\n',
    );
    expect(r.err).toBe('Error from server (NotFound): pods "nothere" not found\n');
    expect(r.rc).toBe(1);
    const quiet = await run('get pods nothere --ignore-not-found');
    expect(quiet).toEqual({ out: '', err: '', rc: 0 });
  });

  it('--no-headers and -l', async () => {
    const { run } = await withObjects();
    expect((await run('get po --no-headers -l env=prod')).out).toBe(
      'kubia-manual   0/1   Pending   0     65s\n',
    );
    expect((await run('get po -l env=dev')).err).toBe('No resources found in default namespace.\n');
  });
});

describe('kubectl get -o (§4)', () => {
  it('name', async () => {
    const { run } = await withObjects();
    expect((await run('get deploy,po -o name')).out).toBe('deployment.apps/kubia\npod/kubia-manual\n');
  });

  it('yaml of one object hides managedFields, quotes timestamps', async () => {
    const { run } = await withObjects();
    const r = await run('get pod kubia-manual -o yaml');
    expect(
      r.out.startsWith(
        'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: "2026-01-01T09:00:00Z"\n  labels:\n    creation_method: manual\n    env: prod\n  name: kubia-manual\n',
      ),
    ).toBe(true);
    expect(r.out).not.toContain('managedFields');
    expect(r.out).toContain('  containers:\n  - image: luksa/kubia\n');
    expect(r.out).toContain('  resourceVersion: "');
  });

  it('yaml of a list is wrapped', async () => {
    const { run } = await withObjects();
    const r = await run('get deploy -o yaml');
    expect(r.out.startsWith('apiVersion: v1\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n')).toBe(
      true,
    );
    expect(r.out.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
  });

  it('json uses 4 spaces and sorted keys', async () => {
    const { run } = await withObjects();
    const r = await run('get svc kubia -o json');
    expect(r.out.startsWith('{\n    "apiVersion": "v1",\n    "kind": "Service",\n    "metadata": {\n')).toBe(
      true,
    );
  });

  it('jsonpath prints without newline', async () => {
    const { run } = await withObjects();
    expect((await run(['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}'])).out).toBe('kubia-manual');
    expect((await run(['get', 'deploy', 'kubia', '-o', 'jsonpath={.spec.replicas}'])).out).toBe('3');
    expect(
      (await run(['get', 'po', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\n"}{end}'])).out,
    ).toBe('kubia-manual\n');
  });

  it('custom-columns with <none>', async () => {
    const { run } = await withObjects();
    const r = await run(['get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,IP:.status.podIP']);
    expect(r.out).toBe('NAME           IP\nkubia-manual   <none>\n');
  });

  it('rejects unknown formats', async () => {
    const { run } = setup();
    const r = await run('get pods -o foo');
    expect(r.err).toBe(
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    );
    expect(r.rc).toBe(1);
  });
});

describe('list errors keep kubectl context', () => {
  it('bad label selector', async () => {
    const { run } = setup();
    const r = await run(['get', 'po', '-l', 'a b']);
    expect(r.err).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a b", field selector "": unable to parse requirement: found \'b\', expected: in, notin, =, ==, !=, gt, lt\n',
    );
    expect(r.rc).toBe(1);
  });

  it('watch takes one type', async () => {
    const { run } = setup();
    expect((await run('get pods,svc -w')).err).toBe('error: you may only specify a single resource type\n');
  });

  it('--sort-by and --show-kind', async () => {
    const { run, write } = setup();
    write('pod.yaml', POD);
    await run('create -f pod.yaml');
    await run('run a --image=busybox');
    const r = await run('get po --sort-by=.metadata.name --show-kind');
    expect(r.out).toBe(
      'NAME               READY   STATUS    RESTARTS   AGE\npod/a              0/1     Pending   0          0s\npod/kubia-manual   0/1     Pending   0          0s\n',
    );
  });
});

describe('generic printers print empty lists', () => {
  it('-o json of nothing is an empty List', async () => {
    const { run } = setup();
    const r = await run('get pods -o json');
    expect(r.out).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    );
    expect(r.err).toBe('');
    expect((await run('get pods -o yaml')).out).toBe(
      'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
    expect(await run('get pods -o name')).toEqual({ out: '', err: '', rc: 0 });
    expect(await run('get pods nothere -o name')).toEqual({
      out: '',
      err: 'Error from server (NotFound): pods "nothere" not found\n',
      rc: 1,
    });
  });
});
