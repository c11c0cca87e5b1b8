import { describe, expect, it } from 'vitest';
import { setup } from './harness';
import { completionData } from '../../../sandbox/kubectl/index';

describe('unknown commands and flags (§1.2)', () => {
  it.each([
    ['gte pods', 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n\n'],
    ['desribe pod', 'error: unknown command "desribe" for "kubectl"\n\nDid you mean this?\n\tdescribe\n\n'],
    ['xyzzyq', 'error: unknown command "xyzzyq" for "kubectl"\n'],
    ['get pods --foo', "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"],
    ['get pods -z', "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n"],
    ['get pods -o', "error: flag needs an argument: 'o' in -o\nSee 'kubectl get --help' for usage.\n"],
    [
      'rollout stats deploy kubia',
      'error: unknown command "stats deploy kubia"\nSee \'kubectl rollout -h\' for help and examples\n',
    ],
    [
      'set imag deploy/x a=b',
      'error: unknown command "imag deploy/x a=b"\nSee \'kubectl set -h\' for help and examples\n',
    ],
  ])('kubectl %s', async (line, err) => {
    const { run } = setup();
    const r = await run(line);
    expect(r.err).toBe(err);
    expect(r.rc).toBe(1);
  });

  it('missing required flag is a klog line', async () => {
    const { run } = setup();
    const r = await run('scale deployment kubia');
    expect(r.err).toMatch(
      /^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ run\.go:72\] "command failed" err="required flag\(s\) \\"replicas\\" not set"\n$/,
    );
    expect(r.rc).toBe(1);
  });

  it('help and completion come from the table', async () => {
    const { run } = setup();
    const r = await run('scale --help');
    expect(r.out).toContain('    --replicas=0:\n\tThe new desired number of replicas. Required.\n');
    expect(r.out).toContain('Usage:\n  kubectl scale [--resource-version=version]');
    const root = await run('');
    expect(root.out).toContain('  get             Display one or many resources\n');
    const data = completionData();
    expect(data.commands.some((c) => c.path.join(' ') === 'rollout status')).toBe(true);
    expect(data.resourceTypes).toContain('deploy');
  });
});

describe('resource resolution (§2)', () => {
  it.each([
    ['get DEPLOY', 'error: the server doesn\'t have a resource type "DEPLOY"\n', 1],
    ['get endpoint', 'error: the server doesn\'t have a resource type "endpoint"\n', 1],
    ['get foo', 'error: the server doesn\'t have a resource type "foo"\n', 1],
    [
      'get deploy/kubia rs',
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
      1,
    ],
    ['get svc kubia -A', 'error: a resource cannot be retrieved by name across all namespaces\n', 1],
  ])('kubectl %s', async (line, err, rc) => {
    const { run } = setup();
    const r = await run(line);
    expect(r.err).toBe(err);
    expect(r.rc).toBe(rc);
  });

  it.each(['PODS', 'Pod', 'po', 'pods', 'deployments.apps', 'deployment.v1.apps', 'deploy'])(
    'accepts %s',
    async (t) => {
      const { run } = setup();
      const r = await run(`get ${t}`);
      expect(r.rc).toBe(0);
      expect(r.err).toBe('No resources found in default namespace.\n');
    },
  );

  it('bare get prints the long message', async () => {
    const { run } = setup();
    const r = await run('get');
    expect(r.err).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    );
    expect(r.rc).toBe(1);
  });
});

describe('suggestions follow kubectl registration order', () => {
  it.each([
    ['ap', ['top', 'cp', 'apply', 'api-versions', 'api-resources']],
    ['c', ['create', 'certificate', 'cluster-info', 'cordon', 'cp', 'completion', 'config']],
    ['hel', ['set', 'get']],
  ])('%s', async (word, want) => {
    const { run } = setup();
    const r = await run(word);
    expect(r.err).toBe(
      `error: unknown command "${word}" for "kubectl"\n\nDid you mean this?\n${want.map((w) => `\t${w}\n`).join('')}\n`,
    );
  });
});

describe('group commands', () => {
  it('create with stray args', async () => {
    const { run } = setup();
    expect((await run('create foo')).err).toBe(
      "error: Unexpected args: [foo]\nSee 'kubectl create -h' for help and examples\n",
    );
  });

  it('a group without a subcommand prints its help and fails', async () => {
    const { run } = setup();
    const r = await run('rollout');
    expect(r.out.startsWith('Manage the rollout of one or many resources.\n')).toBe(true);
    expect(r.rc).toBe(1);
  });
});

describe('argument errors before any request', () => {
  it.each([
    [
      'expose',
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    ],
    [
      'edit',
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    ],
    [
      'explain',
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
    ],
    [
      'describe',
      'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
    ],
    [
      'logs',
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    ],
    ['exec', 'error: pod, type/name or --filename must be specified\n'],
    ['rollout status', 'error: required resource not specified\n'],
    ['annotate po x', 'error: at least one annotation update is required\n'],
  ])('kubectl %s', async (line, err) => {
    const { run } = setup();
    const r = await run(line);
    expect(r.err).toBe(err);
    expect(r.rc).toBe(1);
  });
});

describe('root', () => {
  it('unknown root flag and help command', async () => {
    const { run } = setup();
    expect((await run('--foo')).err).toBe("error: unknown flag: --foo\nSee 'kubectl --help' for usage.\n");
    expect((await run('help get')).out.startsWith('Display one or many resources.\n')).toBe(true);
    expect((await run('-n kube-system get pods')).err).toBe('No resources found in kube-system namespace.\n');
  });
});

describe('printer and selector checks', () => {
  it.each([
    [
      'create namespace x -o wide',
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    ],
    ['get pods x -l a=b', 'error: name cannot be provided when a selector is specified\n'],
    ['delete pods x -l a=b', 'error: name cannot be provided when a selector is specified\n'],
  ])('kubectl %s', async (line, err) => {
    const { run } = setup();
    const r = await run(line);
    expect(r.err).toBe(err);
    expect(r.rc).toBe(1);
  });
});
