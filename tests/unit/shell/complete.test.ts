import { beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../../sandbox/index';
import { MemoryFs } from '../../../sandbox/fs/memory';
import { createSession, type Session } from '../../../sandbox/shell/session';
import { complete } from '../../../sandbox/shell/complete';
import type { Sandbox } from '../../../sandbox/index';
import { nextTurn } from './helpers';

let s: Session;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = createSandbox({ seed: 1, cluster: false });
  const fs = new MemoryFs({
    files: {
      'kubia.yaml': 'kind: Pod\n',
      'kubia-v2.yaml': 'kind: Pod\n',
      'manifests/svc.yaml': 'kind: Service\n',
    },
  });
  s = createSession({ sandbox, fs, yieldToHost: nextTurn, isTTY: false });
  const sink = { write: () => {} };
  for (const line of [
    'kubectl create deployment kubia --image=luksa/kubia:v1',
    'kubectl create deployment kubia-v2 --image=luksa/kubia:v2',
    'kubectl run nginx --image=nginx',
    'kubectl create namespace team-a',
    'kubectl run -n team-a other --image=nginx',
  ]) {
    const code = await s.runDriven(line, { stdout: sink, stderr: sink }, { yieldToHost: nextTurn });
    expect(code, line).toBe(0);
  }
});

const withApi = () => ({ api: sandbox.api });

describe('tab completion', () => {
  it.each([
    // [line, word, candidates]
    ['kub', 'kub', ['kubectl']],
    ['echo x | gr', 'gr', ['grep']],
    ['cat ku', 'ku', ['kubia-v2.yaml', 'kubia.yaml']],
    ['cat man', 'man', ['manifests/']],
    ['cat manifests/', 'manifests/', ['manifests/svc.yaml']],
    ['kubectl ro', 'ro', ['rollout']],
    ['kubectl rollout s', 's', ['status']],
    ['kubectl get deploy', 'deploy', ['deployments']],
    ['kubectl rollout status ', '', ['daemonsets', 'deployments', 'statefulsets']],
    ['kubectl scale r', 'r', ['replicasets', 'replicationcontrollers']],
    [
      'kubectl get pods -o ',
      '',
      ['custom-columns=', 'go-template=', 'json', 'jsonpath=', 'name', 'wide', 'yaml'],
    ],
    ['kubectl get pods --output=y', '--output=y', ['--output=yaml']],
    ['kubectl apply -f ku', 'ku', ['kubia-v2.yaml', 'kubia.yaml']],
    ['kubectl apply --filename=manifests/', '--filename=manifests/', ['--filename=manifests/svc.yaml']],
    ['kubectl apply ku', 'ku', ['kubia-v2.yaml', 'kubia.yaml']],
    ['kubectl get --sel', '--sel', ['--selector=']],
    ['kubectl rollout status --w', '--w', ['--watch']],
  ])('%j completes %j to %j (no cluster)', (line, word, candidates) => {
    expect(complete(s.shell, line)).toEqual({ word, candidates });
  });

  it.each([
    ['kubectl get pods ', '', ['nginx']],
    ['kubectl get deploy ku', 'ku', ['kubia', 'kubia-v2']],
    ['kubectl describe deployment kubia ', '', ['kubia', 'kubia-v2']],
    ['kubectl get deploy/', 'deploy/', ['deploy/kubia', 'deploy/kubia-v2']],
    ['kubectl rollout status deployment/kubia-', 'deployment/kubia-', ['deployment/kubia-v2']],
    ['kubectl logs ', '', ['nginx']],
    ['kubectl -n team-a get pods ', '', ['other']],
    ['kubectl get pods --namespace=team-a ', '', ['other']],
    ['kubectl get pods -n ', '', ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'team-a']],
    ['kubectl get pods/nginx ', '', []],
    ['kubectl explain pods ', '', []],
  ])('%j completes %j to %j (names from the API server)', (line, word, candidates) => {
    expect(complete(s.shell, line, withApi())).toEqual({ word, candidates });
  });

  it('sub-commands before resource types', () => {
    const { candidates } = complete(s.shell, 'kubectl create ', withApi());
    expect(candidates).toEqual(expect.arrayContaining(['configmap', 'deployment', 'namespace']));
    expect(candidates).not.toContain('pods');
  });

  it('the first word of every command in a line is a command name', () => {
    expect(complete(s.shell, 'kubectl get pods && cur', withApi()).candidates).toEqual(['curl']);
    expect(complete(s.shell, 'while true; do kubectl get deploy/k', withApi()).candidates).toEqual([
      'deploy/kubia',
      'deploy/kubia-v2',
    ]);
  });
});
