import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { printPod } from '../../../../sandbox/api/tables/pods';
import type { KubeObject } from '../../../../sandbox/api/types';
import { MINUTE, NOW, SECOND, ago } from './fixtures';

const ctx = { now: NOW };

interface PodOpts {
  containers?: string[];
  initContainers?: Array<{ name: string; restartPolicy?: string }>;
  phase?: string;
  reason?: string;
  conditions?: Array<{ type: string; status: string; reason?: string }>;
  statuses?: ContainerStatus[];
  initStatuses?: ContainerStatus[];
  deleting?: boolean;
  nodeName?: string;
  podIP?: string;
}

function pod(o: PodOpts = {}): KubeObject {
  const p: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'kubia',
      namespace: 'default',
      creationTimestamp: ago(3 * MINUTE + 11 * SECOND),
      ...(o.deleting ? { deletionTimestamp: ago(0) } : {}),
    },
    spec: {
      containers: (o.containers ?? ['nodejs']).map((name) => ({ name, image: 'luksa/kubia' })),
      ...(o.initContainers
        ? { initContainers: o.initContainers.map((c) => ({ image: 'busybox', ...c })) }
        : {}),
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
    },
    status: {
      phase: o.phase ?? 'Running',
      ...(o.reason ? { reason: o.reason } : {}),
      ...(o.conditions ? { conditions: o.conditions } : {}),
      ...(o.statuses ? { containerStatuses: o.statuses } : {}),
      ...(o.initStatuses ? { initContainerStatuses: o.initStatuses } : {}),
      ...(o.podIP ? { podIP: o.podIP, podIPs: [{ ip: o.podIP }] } : {}),
    },
  };
  return p as unknown as KubeObject;
}

function cs(
  name: string,
  state: ContainerStatus['state'],
  extra: Partial<ContainerStatus> = {},
): ContainerStatus {
  return { name, image: 'luksa/kubia', imageID: '', ready: false, restartCount: 0, state, ...extra };
}

const running = (name = 'nodejs', ready = true, extra: Partial<ContainerStatus> = {}): ContainerStatus =>
  cs(name, { running: { startedAt: ago(MINUTE) } }, { ready, started: true, ...extra });
const waiting = (reason: string, name = 'nodejs', extra: Partial<ContainerStatus> = {}): ContainerStatus =>
  cs(name, { waiting: { reason } }, extra);
const terminated = (
  exitCode: number,
  reason: string | undefined,
  name = 'nodejs',
  extra: Partial<ContainerStatus> = {},
): ContainerStatus => cs(name, { terminated: { exitCode, ...(reason ? { reason } : {}) } }, extra);

/** READY, STATUS, RESTARTS of a pod. */
function summary(p: KubeObject): [unknown, unknown, unknown] {
  const cells = printPod(p, ctx).cells;
  return [cells[1], cells[2], cells[3]];
}

describe('printPod: READY / STATUS / RESTARTS', () => {
  const lastCrash = {
    restartCount: 2,
    lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(2 * MINUTE + 9 * SECOND) } },
  };
  it.each<[string, KubeObject, [string, string, string]]>([
    ['Pending (unscheduled)', pod({ phase: 'Pending' }), ['0/1', 'Pending', '0']],
    [
      'ContainerCreating',
      pod({ phase: 'Pending', nodeName: 'minikube', statuses: [waiting('ContainerCreating')] }),
      ['0/1', 'ContainerCreating', '0'],
    ],
    ['Running, not ready', pod({ statuses: [running('nodejs', false)] }), ['0/1', 'Running', '0']],
    ['Running, ready', pod({ statuses: [running()] }), ['1/1', 'Running', '0']],
    [
      'ImagePullBackOff',
      pod({ phase: 'Pending', statuses: [waiting('ImagePullBackOff')] }),
      ['0/1', 'ImagePullBackOff', '0'],
    ],
    [
      'ErrImagePull',
      pod({ phase: 'Pending', statuses: [waiting('ErrImagePull')] }),
      ['0/1', 'ErrImagePull', '0'],
    ],
    [
      'CrashLoopBackOff with restarts',
      pod({ statuses: [waiting('CrashLoopBackOff', 'nodejs', lastCrash)] }),
      ['0/1', 'CrashLoopBackOff', '2 (2m9s ago)'],
    ],
    [
      'Running after restarts',
      pod({ statuses: [running('nodejs', true, lastCrash)] }),
      ['1/1', 'Running', '2 (2m9s ago)'],
    ],
    [
      'restarts without a finishedAt',
      pod({ statuses: [running('nodejs', true, { restartCount: 3 })] }),
      ['1/1', 'Running', '3'],
    ],
    ['terminated Error', pod({ statuses: [terminated(1, 'Error')] }), ['0/1', 'Error', '0']],
    ['terminated OOMKilled', pod({ statuses: [terminated(137, 'OOMKilled')] }), ['0/1', 'OOMKilled', '0']],
    [
      'terminated by signal, no reason',
      pod({
        statuses: [
          terminated(137, undefined, 'nodejs', { state: { terminated: { exitCode: 137, signal: 9 } } }),
        ],
      }),
      ['0/1', 'Signal:9', '0'],
    ],
    ['terminated, no reason', pod({ statuses: [terminated(3, undefined)] }), ['0/1', 'ExitCode:3', '0']],
    [
      'Completed (Succeeded)',
      pod({ phase: 'Succeeded', statuses: [terminated(0, 'Completed')] }),
      ['0/1', 'Completed', '0'],
    ],
    ['Terminating', pod({ deleting: true, statuses: [running()] }), ['1/1', 'Terminating', '0']],
    [
      'deleted but already Succeeded keeps its reason',
      pod({ deleting: true, phase: 'Succeeded', statuses: [terminated(0, 'Completed')] }),
      ['0/1', 'Completed', '0'],
    ],
    [
      'NodeLost → Unknown',
      pod({ deleting: true, reason: 'NodeLost', statuses: [running()] }),
      ['1/1', 'Unknown', '0'],
    ],
    ['status.reason (Evicted)', pod({ phase: 'Failed', reason: 'Evicted' }), ['0/1', 'Evicted', '0']],
    [
      'SchedulingGated',
      pod({
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
      }),
      ['0/1', 'SchedulingGated', '0'],
    ],
  ])('%s', (_name, p, want) => {
    expect(summary(p)).toEqual(want);
  });

  it('the first container (in status order) with a reason decides', () => {
    const p = pod({
      containers: ['a', 'b', 'c'],
      statuses: [running('a'), waiting('ImagePullBackOff', 'b'), waiting('CrashLoopBackOff', 'c')],
    });
    expect(summary(p)).toEqual(['1/3', 'ImagePullBackOff', '0']);
  });

  it('Completed with a container still running → Running when the pod is Ready, else NotReady', () => {
    const statuses = [terminated(0, 'Completed', 'job'), running('sidecar')];
    const ready = pod({
      containers: ['job', 'sidecar'],
      statuses,
      conditions: [{ type: 'Ready', status: 'True' }],
    });
    const notReady = pod({
      containers: ['job', 'sidecar'],
      statuses,
      conditions: [{ type: 'Ready', status: 'False' }],
    });
    expect(summary(ready)).toEqual(['1/2', 'Running', '0']);
    expect(summary(notReady)).toEqual(['1/2', 'NotReady', '0']);
  });

  it('sums restarts over containers and reports the latest restart', () => {
    const p = pod({
      containers: ['a', 'b'],
      statuses: [
        running('a', true, {
          restartCount: 1,
          lastState: { terminated: { exitCode: 1, finishedAt: ago(10 * MINUTE) } },
        }),
        running('b', true, {
          restartCount: 3,
          lastState: { terminated: { exitCode: 1, finishedAt: ago(20 * SECOND) } },
        }),
      ],
    });
    expect(summary(p)).toEqual(['2/2', 'Running', '4 (20s ago)']);
  });
});

describe('printPod: init containers', () => {
  const inits = [{ name: 'init-a' }, { name: 'init-b' }];

  it.each<[string, PodOpts, [string, string, string]]>([
    [
      'Init:0/2 while the first runs',
      { initStatuses: [running('init-a', false), waiting('PodInitializing', 'init-b')] },
      ['0/1', 'Init:0/2', '0'],
    ],
    [
      'Init:1/2 after the first',
      { initStatuses: [terminated(0, 'Completed', 'init-a'), running('init-b', false)] },
      ['0/1', 'Init:1/2', '0'],
    ],
    [
      'Init:<waiting reason>',
      { initStatuses: [waiting('ImagePullBackOff', 'init-a'), waiting('PodInitializing', 'init-b')] },
      ['0/1', 'Init:ImagePullBackOff', '0'],
    ],
    [
      'Init:<terminated reason>',
      {
        initStatuses: [
          terminated(1, 'Error', 'init-a', { restartCount: 2 }),
          waiting('PodInitializing', 'init-b'),
        ],
      },
      ['0/1', 'Init:Error', '2'],
    ],
    [
      'Init:ExitCode:n',
      { initStatuses: [terminated(2, undefined, 'init-a'), waiting('PodInitializing', 'init-b')] },
      ['0/1', 'Init:ExitCode:2', '0'],
    ],
    [
      'Init:Signal:n',
      {
        initStatuses: [
          cs('init-a', { terminated: { exitCode: 137, signal: 9 } }),
          waiting('PodInitializing', 'init-b'),
        ],
      },
      ['0/1', 'Init:Signal:9', '0'],
    ],
    [
      'PodInitializing once all init containers are done',
      {
        initStatuses: [terminated(0, 'Completed', 'init-a'), terminated(0, 'Completed', 'init-b')],
        statuses: [waiting('PodInitializing')],
      },
      ['0/1', 'PodInitializing', '0'],
    ],
  ])('%s', (_name, o, want) => {
    expect(summary(pod({ phase: 'Pending', initContainers: inits, ...o }))).toEqual(want);
  });

  it('restartable init containers (sidecars) count in READY once started', () => {
    const p = pod({
      initContainers: [{ name: 'proxy', restartPolicy: 'Always' }],
      initStatuses: [running('proxy', true, { restartCount: 1 })],
      statuses: [running()],
      conditions: [{ type: 'Initialized', status: 'True' }],
    });
    expect(summary(p)).toEqual(['2/2', 'Running', '1']);
  });
});

describe('printPod: wide cells and conditions', () => {
  it('IP, NODE, NOMINATED NODE, READINESS GATES', () => {
    const p = pod({ statuses: [running()], nodeName: 'minikube', podIP: '10.244.0.3' });
    expect(printPod(p, ctx).cells).toEqual([
      'kubia',
      '1/1',
      'Running',
      '0',
      '3m11s',
      '10.244.0.3',
      'minikube',
      '<none>',
      '<none>',
    ]);
  });

  it('unset IP / node → <none>; readiness gates as true/total', () => {
    const p = pod({ phase: 'Pending' }) as unknown as Pod;
    p.spec!.readinessGates = [{ conditionType: 'example.com/a' }, { conditionType: 'example.com/b' }];
    p.status!.conditions = [{ type: 'example.com/a', status: 'True' }];
    p.status!.nominatedNodeName = 'node-2';
    const cells = printPod(p as unknown as KubeObject, ctx).cells;
    expect(cells.slice(5)).toEqual(['<none>', '<none>', 'node-2', '1/2']);
  });

  it('Succeeded / Failed pods carry a Completed row condition', () => {
    expect(printPod(pod({ phase: 'Succeeded' }), ctx).conditions).toEqual([
      {
        type: 'Completed',
        status: 'True',
        reason: 'Succeeded',
        message: 'The pod has completed successfully.',
      },
    ]);
    expect(printPod(pod({ phase: 'Failed' }), ctx).conditions).toEqual([
      { type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' },
    ]);
    expect(printPod(pod({ statuses: [running()] }), ctx).conditions).toBeUndefined();
  });
});
