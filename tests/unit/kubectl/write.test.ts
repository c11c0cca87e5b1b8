import { describe, expect, it } from 'vitest';
import { DEPLOYMENT, POD, RC_AND_SVC, setup } from './harness';

const LAST_APPLIED_V1 =
  '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"kubia","namespace":"default"},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"kubia"}},"template":{"metadata":{"labels":{"app":"kubia"},"name":"kubia"},"spec":{"containers":[{"image":"luksa/kubia:v1","name":"nodejs"}]}}}}\n';

describe('create -f (§5.2)', () => {
  it('creates each document in order', async () => {
    const { run, write } = setup();
    write('kubia-rc-and-service-v1.yaml', RC_AND_SVC);
    const r = await run('create -f kubia-rc-and-service-v1.yaml');
    expect(r).toEqual({
      out: 'replicationcontroller/kubia-v1 created\nservice/kubia created\n',
      err: '',
      rc: 0,
    });
  });

  it('already exists names the file as typed', async () => {
    const { run, write } = setup();
    write('manifests/kubia-deployment-v1.yaml', DEPLOYMENT);
    await run('create -f manifests/kubia-deployment-v1.yaml');
    const r = await run('create -f manifests/kubia-deployment-v1.yaml');
    expect(r.err).toBe(
      'Error from server (AlreadyExists): error when creating "manifests/kubia-deployment-v1.yaml": deployments.apps "kubia" already exists\n',
    );
    expect(r.rc).toBe(1);
  });

  it.each([
    ['create -f nonexist.yaml', 'error: the path "nonexist.yaml" does not exist\n'],
    ['create', 'error: must specify one of -f and -k\n'],
    ['apply', 'error: must specify one of -f and -k\n'],
    ['replace', 'error: must specify one of -f and -k\n'],
  ])('%s', async (line, err) => {
    const { run } = setup();
    const r = await run(line);
    expect(r.err).toBe(err);
    expect(r.rc).toBe(1);
  });

  it('client-side errors for bad manifests', async () => {
    const { run, write } = setup();
    write('nokind.yaml', 'apiVersion: v1\nmetadata:\n  name: x\n');
    write('old.yaml', 'apiVersion: apps/v1beta1\nkind: Deployment\nmetadata:\n  name: x\n');
    write('bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: a: b\n');
    expect((await run('create -f nokind.yaml')).err).toBe(
      'error: error validating "nokind.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
    expect((await run('create -f old.yaml')).err).toBe(
      'error: resource mapping not found for name: "x" namespace: "" from "old.yaml": no matches for kind "Deployment" in version "apps/v1beta1"\nensure CRDs are installed first\n',
    );
    expect((await run('create -f bad.yaml')).err).toBe(
      'error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n',
    );
  });

  it('strict decoding and invalid objects', async () => {
    const { run, write } = setup();
    write('typo.yaml', DEPLOYMENT.replace('  replicas: 3', '  replicas: 3\n  replica: 2'));
    expect((await run('create -f typo.yaml')).err).toBe(
      'Error from server (BadRequest): error when creating "typo.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"\n',
    );
    write('neg.yaml', DEPLOYMENT.replace('replicas: 3', 'replicas: -1'));
    expect((await run('create -f neg.yaml')).err).toBe(
      'The Deployment "kubia" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    );
  });

  it('dry runs, -o name, stdin and generators', async () => {
    const { run, write, stdin } = setup();
    write('d.yaml', DEPLOYMENT);
    expect((await run('create -f d.yaml --dry-run=client')).out).toBe(
      'deployment.apps/kubia created (dry run)\n',
    );
    expect((await run('create -f d.yaml --dry-run=server')).out).toBe(
      'deployment.apps/kubia created (server dry run)\n',
    );
    expect((await run('get deploy')).err).toBe('No resources found in default namespace.\n');
    stdin(POD);
    expect((await run('create -f - -o name')).out).toBe('pod/kubia-manual\n');
    expect((await run('create namespace custom-ns')).out).toBe('namespace/custom-ns created\n');
    expect((await run('create deployment nginx --image=nginx')).out).toBe('deployment.apps/nginx created\n');
    expect((await run('create configmap cfg --from-literal=a=1')).out).toBe('configmap/cfg created\n');
  });
});

describe('apply -f (§5.3)', () => {
  it('created, unchanged, configured with the last-applied annotation', async () => {
    const { run, write, sb } = setup();
    write('kubia-deployment-v1.yaml', DEPLOYMENT);
    expect((await run('apply -f kubia-deployment-v1.yaml')).out).toBe('deployment.apps/kubia created\n');
    const live = sb.api.get('deployments', 'default', 'kubia');
    expect(live.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      LAST_APPLIED_V1,
    );
    expect((await run('apply -f kubia-deployment-v1.yaml')).out).toBe('deployment.apps/kubia unchanged\n');
    write('kubia-deployment-v2.yaml', DEPLOYMENT.replace('kubia:v1', 'kubia:v2'));
    expect((await run('apply -f kubia-deployment-v2.yaml')).out).toBe('deployment.apps/kubia configured\n');
    const img = (
      sb.api.get('deployments', 'default', 'kubia').spec as {
        template: { spec: { containers: Array<{ image: string }> } };
      }
    ).template.spec.containers[0].image;
    expect(img).toBe('luksa/kubia:v2');
  });

  it('--record warns and writes change-cause; a later apply without it removes it', async () => {
    const { run, write, sb } = setup();
    write('kubia-deployment-v1.yaml', DEPLOYMENT);
    const r = await run('apply -f kubia-deployment-v1.yaml --record');
    expect(r.err).toBe('Flag --record has been deprecated, --record will be removed in the future\n');
    expect(r.out).toBe('deployment.apps/kubia created\n');
    const ann = sb.api.get('deployments', 'default', 'kubia').metadata.annotations ?? {};
    expect(ann['kubernetes.io/change-cause']).toBe(
      'kubectl apply --filename=kubia-deployment-v1.yaml --record=true',
    );
    expect((await run('apply -f kubia-deployment-v1.yaml')).out).toBe('deployment.apps/kubia configured\n');
    expect(
      sb.api.get('deployments', 'default', 'kubia').metadata.annotations?.['kubernetes.io/change-cause'],
    ).toBeUndefined();
  });

  it('warns when the annotation is missing', async () => {
    const { run, write } = setup();
    write('d.yaml', DEPLOYMENT);
    await run('create -f d.yaml');
    const r = await run('apply -f d.yaml');
    expect(r.err).toBe(
      'Warning: resource deployments/kubia is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    );
    expect(r.out).toBe('deployment.apps/kubia configured\n');
  });
});

describe('replace, delete (§5.9, §5.6)', () => {
  it('replace', async () => {
    const { run, write } = setup();
    write('d.yaml', DEPLOYMENT);
    expect((await run('replace -f d.yaml')).err).toBe(
      'Error from server (NotFound): error when replacing "d.yaml": deployments.apps "kubia" not found\n',
    );
    await run('create -f d.yaml');
    expect((await run('replace -f d.yaml')).out).toBe('deployment.apps/kubia replaced\n');
  });

  it('delete by name, by file, by selector; errors', async () => {
    const { run, write } = setup();
    write('rc.yaml', RC_AND_SVC);
    write('pod.yaml', POD);
    await run('create -f rc.yaml');
    await run('create -f pod.yaml');
    expect((await run('delete po kubia-manual')).out).toBe('pod "kubia-manual" deleted\n');
    const r = await run('delete deployment,svc kubia');
    expect(r.out).toBe('service "kubia" deleted\n');
    expect(r.err).toBe('Error from server (NotFound): deployments.apps "kubia" not found\n');
    expect(r.rc).toBe(1);
    expect((await run('delete -f rc.yaml')).out).toBe('replicationcontroller "kubia-v1" deleted\n');
    expect((await run('delete -f rc.yaml')).err).toBe(
      'Error from server (NotFound): error when deleting "rc.yaml": replicationcontrollers "kubia-v1" not found\n' +
        'Error from server (NotFound): error when deleting "rc.yaml": services "kubia" not found\n',
    );
    // delete says it on stdout, unlike get (checked against kubectl v1.32.5; the spec said stderr).
    expect((await run('delete po -l app=none')).out).toBe('No resources found\n');
    expect((await run('delete pods')).err).toBe(
      'error: resource(s) were provided, but no name was specified\n',
    );
    expect((await run('delete -l app=kubia')).err).toBe(
      'error: at least one resource must be specified to use a selector\n',
    );
    expect((await run('delete')).err).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
  });

  it('force delete warns', async () => {
    const { run, write } = setup();
    write('pod.yaml', POD);
    await run('create -f pod.yaml');
    const r = await run('delete po kubia-manual --grace-period=0 --force');
    expect(r.err).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
    expect(r.out).toBe('pod "kubia-manual" force deleted\n');
  });
});

describe('patch, scale, label, annotate, set image, expose', () => {
  async function ready() {
    const h = setup();
    h.write('d.yaml', DEPLOYMENT);
    h.write('pod.yaml', POD);
    h.write('rc.yaml', RC_AND_SVC);
    await h.run('create -f d.yaml');
    await h.run('create -f pod.yaml');
    await h.run('create -f rc.yaml');
    return h;
  }

  it('patch', async () => {
    const { run } = await ready();
    expect((await run(['patch', 'deployment', 'kubia', '-p', '{"spec":{"minReadySeconds":10}}'])).out).toBe(
      'deployment.apps/kubia patched\n',
    );
    expect((await run(['patch', 'deployment', 'kubia', '-p', '{"spec":{"minReadySeconds":10}}'])).out).toBe(
      'deployment.apps/kubia patched (no change)\n',
    );
    expect(
      (await run(['patch', 'deploy', 'kubia', '-p', 'spec: {minReadySeconds: 11}', '--type', 'merge'])).out,
    ).toBe('deployment.apps/kubia patched\n');
    expect((await run('patch deploy kubia')).err).toBe(
      'error: must specify --patch or --patch-file containing the contents of the patch\n',
    );
    expect((await run(['patch', 'deploy', 'kubia', '-p', '{}', '--type', 'foo'])).err).toBe(
      'error: --type must be one of [json merge strategic], not "foo"\n',
    );
    expect((await run(['patch', 'deploy', 'nothere', '-p', '{}'])).err).toBe(
      'Error from server (NotFound): deployments.apps "nothere" not found\n',
    );
    const w = await run(['patch', 'deploy', 'kubia', '-p', '{"spec":{"replica":1}}']);
    expect(w.err).toBe('Warning: unknown field "spec.replica"\n');
    expect(w.out).toBe('deployment.apps/kubia patched (no change)\n');
  });

  it('scale', async () => {
    const { run } = await ready();
    expect((await run('scale rc kubia-v1 --replicas=5')).out).toBe('replicationcontroller/kubia-v1 scaled\n');
    expect((await run('scale deploy kubia --replicas=-1')).err).toBe(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    );
    expect((await run('scale deploy nothere --replicas=2')).err).toBe(
      'error: no objects passed to scale deployments.apps "nothere" not found\n',
    );
    expect((await run('scale deploy kubia --replicas=2 --current-replicas=2')).err).toBe(
      'error: Expected replicas to be 2, was 3\n',
    );
  });

  it('label and annotate', async () => {
    const { run } = await ready();
    expect((await run('label po kubia-manual env=debug')).err).toBe(
      "error: 'env' already has a value (prod), and --overwrite is false\n",
    );
    expect((await run('label po kubia-manual env=debug --overwrite')).out).toBe('pod/kubia-manual labeled\n');
    expect((await run('label po kubia-manual env=debug')).out).toBe('pod/kubia-manual not labeled\n');
    expect((await run('label po kubia-manual env-')).out).toBe('pod/kubia-manual unlabeled\n');
    expect((await run('label po kubia-manual env-')).out).toBe(
      'label "env" not found.\npod/kubia-manual not labeled\n',
    );
    expect((await run('label po kubia-manual')).err).toBe('error: at least one label update is required\n');
    expect((await run(['annotate', 'pod', 'kubia-manual', 'mycompany.com/someannotation=foo bar'])).out).toBe(
      'pod/kubia-manual annotated\n',
    );
    expect((await run('annotate pod kubia-manual mycompany.com/someannotation=x')).err).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'mycompany.com/someannotation' already has a value (foo bar)\n",
    );
  });

  it('set image', async () => {
    const { run, sb } = await ready();
    expect((await run('set image deployment kubia nodejs=luksa/kubia:v2')).out).toBe(
      'deployment.apps/kubia image updated\n',
    );
    expect(await run('set image deployment kubia nodejs=luksa/kubia:v2')).toEqual({
      out: '',
      err: '',
      rc: 0,
    });
    const r = await run('set image deployment kubia nodejs=luksa/kubia:v3 foo=bar');
    expect(r.out).toBe('deployment.apps/kubia image updated\n');
    expect(r.err).toBe('error: unable to find container named "foo"\n');
    expect((await run('set image deploy kubia')).err).toBe('error: at least one image update is required\n');
    expect((await run('set image svc kubia a=b')).err).toBe(
      'error: services/kubia the object is not a pod or does not have a pod template: *v1.Service\n',
    );
    const rec = await run('set image deployment/kubia nodejs=luksa/kubia:v4 --record');
    expect(rec.out).toBe('deployment.apps/kubia image updated\n');
    expect(
      sb.api.get('deployments', 'default', 'kubia').metadata.annotations?.['kubernetes.io/change-cause'],
    ).toBe('kubectl set image deployment/kubia nodejs=luksa/kubia:v4 --record=true');
  });

  it('expose', async () => {
    const { run } = await ready();
    expect(
      (await run('expose rc kubia-v1 --type=LoadBalancer --name kubia-http --port 80 --target-port 8080'))
        .out,
    ).toBe('service/kubia-http exposed\n');
    expect((await run('expose rc kubia-v1 --port 80 --name kubia')).err).toBe(
      'Error from server (AlreadyExists): services "kubia" already exists\n',
    );
    expect((await run('expose deploy kubia --name x')).err).toBe(
      "error: couldn't find port via --port flag or introspection\n",
    );
    const y = await run('expose pod kubia-manual --name x --dry-run=client -o yaml');
    expect(y.out).toContain(
      'spec:\n  ports:\n  - port: 8080\n    protocol: TCP\n    targetPort: 8080\n  selector:\n    creation_method: manual\n',
    );
  });
});

describe('generators with --dry-run=client -o yaml', () => {
  it.each([
    [
      'create deployment nginx --image=nginx --dry-run=client -o yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: nginx\n  name: nginx\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: nginx\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n        resources: {}\nstatus: {}\n',
    ],
    [
      'expose pod kubia-manual --name x --dry-run=client -o yaml',
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    creation_method: manual\n    env: prod\n  name: x\nspec:\n  ports:\n  - port: 8080\n    protocol: TCP\n    targetPort: 8080\n  selector:\n    creation_method: manual\n    env: prod\nstatus:\n  loadBalancer: {}\n',
    ],
  ])('%s', async (line, want) => {
    const { run, write } = setup();
    write('pod.yaml', POD);
    await run('create -f pod.yaml');
    const r = await run(line);
    expect(r.out).toBe(want);
    expect(r.rc).toBe(0);
  });

  it('run creates a pod', async () => {
    const { run } = setup();
    expect((await run('run kubia --image=luksa/kubia --port=8080')).out).toBe('pod/kubia created\n');
  });
});

describe('-f forms', () => {
  it('a directory is read in name order; JSON and multi-doc YAML', async () => {
    const { run, write } = setup();
    write('m/b.yaml', POD);
    write(
      'm/a.json',
      JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: '1' } }),
    );
    write('m/notes.txt', 'ignored');
    expect((await run('apply -f m')).out).toBe('configmap/cfg created\npod/kubia-manual created\n');
    expect((await run('apply -f m/')).out).toBe('configmap/cfg unchanged\npod/kubia-manual unchanged\n');
    expect((await run('get -f m/b.yaml -o name')).out).toBe('pod/kubia-manual\n');
    expect((await run('delete -f m')).out).toBe('configmap "cfg" deleted\npod "kubia-manual" deleted\n');
  });

  it('namespace in the file must match -n', async () => {
    const { run, write } = setup();
    write('p.yaml', POD.replace('  name: kubia-manual', '  name: kubia-manual\n  namespace: other'));
    expect((await run('create -f p.yaml -n default')).err).toBe(
      'error: the namespace from the provided object "other" does not match the namespace "default". You must pass \'--namespace=other\' to perform this operation.\n',
    );
  });
});

describe('--dry-run spellings', () => {
  it('bare --dry-run and --dry-run=true warn through klog and mean client', async () => {
    const { run, write } = setup();
    write('pod.yaml', POD);
    const bare = await run('create -f pod.yaml --dry-run');
    expect(bare.out).toBe('pod/kubia-manual created (dry run)\n');
    expect(bare.err).toMatch(
      /^W\d{4} [\d:.]+ +\d+ helpers\.go:702\] --dry-run is deprecated and can be replaced with --dry-run=client\.\n$/,
    );
    const t = await run('create -f pod.yaml --dry-run=true');
    expect(t.err).toMatch(
      /helpers\.go:716\] --dry-run=true is deprecated \(boolean value\) and can be replaced with --dry-run=client\.\n$/,
    );
    expect((await run('create -f pod.yaml --dry-run=foo')).err).toBe(
      'error: Invalid dry-run value (foo). Must be "none", "server", or "client".\n',
    );
  });
});

describe('set image argument checks', () => {
  it('objects are fetched before the pairs are checked', async () => {
    const { run, write } = setup();
    write('d.yaml', DEPLOYMENT);
    await run('create -f d.yaml');
    expect((await run('set image deploy kubia nodejs')).err).toBe(
      'Error from server (NotFound): deployments.apps "nodejs" not found\n',
    );
    expect((await run('set image deploy nothere')).err).toBe(
      'Error from server (NotFound): deployments.apps "nothere" not found\n',
    );
    expect((await run('set image')).err).toBe(
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
    );
  });
});

describe('delete flags', () => {
  it('--cascade spellings', async () => {
    const { run, write } = setup();
    write('rc.yaml', RC_AND_SVC);
    await run('create -f rc.yaml');
    const r = await run('delete rc kubia-v1 --cascade=false --wait=false');
    expect(r.err).toBe(
      'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n',
    );
    expect(r.out).toBe('replicationcontroller "kubia-v1" deleted\n');
    expect((await run('delete svc kubia --cascade=foo')).err).toBe(
      'error: invalid cascade value (foo). Must be "background", "foreground", or "orphan"\n',
    );
    expect((await run('delete svc kubia --now --grace-period=3')).err).toBe(
      'error: --now and --grace-period cannot be specified together\n',
    );
    expect((await run('delete svc kubia --cascade')).out).toBe('service "kubia" deleted\n');
  });
});

describe('several failures are printed after the successes', () => {
  it('create -f with a failing first document', async () => {
    const { run, write } = setup();
    write('pod.yaml', POD);
    await run('create -f pod.yaml');
    const bad = DEPLOYMENT.replace('replicas: 3', 'replicas: -1');
    write('all.yaml', `${POD}---\n${bad}---\n${RC_AND_SVC}`);
    const r = await run('create -f all.yaml');
    expect(r.out).toBe('replicationcontroller/kubia-v1 created\nservice/kubia created\n');
    expect(r.err).toBe(
      'Error from server (AlreadyExists): error when creating "all.yaml": pods "kubia-manual" already exists\n' +
        'Error from server (Invalid): error when creating "all.yaml": Deployment.apps "kubia" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    );
    expect(r.rc).toBe(1);
  });
});

describe('YAML errors like go-yaml', () => {
  it.each([
    ['metadata:\n\tname: x\n', 'yaml: line 2: found character that cannot start any token'],
    ['metadata:\n  name: "x\n', 'yaml: line 3: found unexpected end of stream'],
    [
      'kind: Pod\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  labels: a: b\n',
      'yaml: line 4: mapping values are not allowed in this context',
    ],
  ])('%j', async (text, msg) => {
    const { run, write } = setup();
    write('bad.yaml', text);
    expect((await run('apply -f bad.yaml')).err).toBe(
      `error: error parsing bad.yaml: error converting YAML to JSON: ${msg}\n`,
    );
  });

  it('duplicate keys: the last one wins', async () => {
    const { run, write } = setup();
    write('dup.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n');
    expect((await run('create -f dup.yaml')).out).toBe('configmap/b created\n');
  });
});

describe('--record change-cause (§5.3.2)', () => {
  it.each([
    [
      ['apply', '--record', '-f', 'kubia-deployment-v2.yaml', '--validate=true'],
      'kubectl apply --record=true --filename=kubia-deployment-v2.yaml --validate=true',
    ],
    [
      ['create', '-f', 'manifests/kubia-deployment-v1.yaml', '--record', '--save-config', '-o', 'name'],
      'kubectl create --filename=manifests/kubia-deployment-v1.yaml --record=true --save-config=true --output=name',
    ],
    [
      ['scale', 'deploy', 'kubia', '--replicas=4', '--record'],
      'kubectl scale deploy kubia --replicas=4 --record=true',
    ],
    [
      ['patch', 'deploy', 'kubia', '-p', '{"spec":{"minReadySeconds":5}}', '--record'],
      'kubectl patch deploy kubia --patch={"spec":{"minReadySeconds":5}} --record=true',
    ],
  ])('%j', async (argv, cause) => {
    const { run, write, sb } = setup();
    write('kubia-deployment-v2.yaml', DEPLOYMENT);
    write('manifests/kubia-deployment-v1.yaml', DEPLOYMENT);
    if (argv[0] !== 'apply' && argv[0] !== 'create') await run('create -f kubia-deployment-v2.yaml');
    const r = await run(argv);
    expect(r.err).toBe('Flag --record has been deprecated, --record will be removed in the future\n');
    expect(
      sb.api.get('deployments', 'default', 'kubia').metadata.annotations?.['kubernetes.io/change-cause'],
    ).toBe(cause);
  });
});
