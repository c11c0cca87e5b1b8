/**
 * Strategic merge patch cases. Inputs are ours; the expected results and error texts are what
 * apimachinery v0.32 (`util/strategicpatch`) produces for them.
 */
import type { JsonObject, JsonValue } from '../../../../sandbox/api/types';
import { deploy, logger, nodejs, pod, sidecar, tpl, withMeta, withSpec } from './fixtures';

export type SmpErrorKind = 'badRequest' | 'invalid' | 'internal';

export interface ApplyCase {
  name: string;
  type: string;
  original: JsonObject;
  patch: JsonObject;
  /** Where to look in the result (dotted path, `''` for all of it) … */
  at?: string;
  /** … and what must be there (`undefined`: the key is gone). */
  expected?: JsonValue;
  error?: { kind: SmpErrorKind; message: string };
}

const nodejsV2 = { ...nodejs, image: 'luksa/kubia:v2' };
const fin = (finalizers: string[]): JsonObject => pod({ containers: [sidecar] }, { name: 'p', finalizers });
const C = 'spec.template.spec.containers';

export const APPLY_CASES: ApplyCase[] = [
  // ---- lists merged by merge key ---------------------------------------------------------
  {
    name: 'kubectl set image: $setElementOrder plus the changed image',
    type: 'Deployment',
    original: deploy([nodejs]),
    patch: tpl({
      '$setElementOrder/containers': [{ name: 'nodejs' }],
      containers: [{ image: 'luksa/kubia:v2', name: 'nodejs' }],
    }),
    at: C,
    expected: [nodejsV2],
  },
  {
    name: 'a patch naming one container of two changes only that one',
    type: 'Deployment',
    original: deploy([nodejs, sidecar]),
    patch: tpl({ containers: [{ name: 'nodejs', image: 'luksa/kubia:v2' }] }),
    at: C,
    expected: [nodejsV2, sidecar],
  },
  {
    name: 'a new container without $setElementOrder goes first',
    type: 'Deployment',
    original: deploy([nodejs, sidecar]),
    patch: tpl({ containers: [logger] }),
    at: C,
    expected: [logger, nodejs, sidecar],
  },
  {
    name: 'a new container with $setElementOrder goes where the order says',
    type: 'Deployment',
    original: deploy([nodejs, sidecar]),
    patch: tpl({
      '$setElementOrder/containers': [{ name: 'nodejs' }, { name: 'sidecar' }, { name: 'logger' }],
      containers: [logger],
    }),
    at: C,
    expected: [nodejs, sidecar, logger],
  },
  {
    name: 'container ports merge by containerPort (new ones first)',
    type: 'Pod',
    original: pod({
      containers: [{ name: 'c', ports: [{ containerPort: 8080, protocol: 'TCP' }, { containerPort: 9090 }] }],
    }),
    patch: {
      spec: {
        containers: [{ name: 'c', ports: [{ containerPort: 8080, name: 'http' }, { containerPort: 7070 }] }],
      },
    },
    at: 'spec.containers',
    expected: [
      {
        name: 'c',
        ports: [
          { containerPort: 8080, name: 'http', protocol: 'TCP' },
          { containerPort: 7070 },
          { containerPort: 9090 },
        ],
      },
    ],
  },
  {
    name: 'env merges by name; null removes a field of an item',
    type: 'Pod',
    original: pod({
      containers: [
        {
          name: 'c',
          env: [
            { name: 'A', value: '1' },
            { name: 'B', value: '2' },
          ],
        },
      ],
    }),
    patch: {
      spec: {
        containers: [
          {
            name: 'c',
            env: [
              { name: 'B', value: null, valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
              { name: 'C', value: '3' },
            ],
          },
        ],
      },
    },
    at: 'spec.containers',
    expected: [
      {
        name: 'c',
        env: [
          { name: 'A', value: '1' },
          { name: 'B', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          { name: 'C', value: '3' },
        ],
      },
    ],
  },
  {
    name: 'volumeMounts merge by mountPath',
    type: 'Pod',
    original: pod({ containers: [{ name: 'c', volumeMounts: [{ name: 'a', mountPath: '/a' }] }] }),
    patch: {
      spec: {
        containers: [
          {
            name: 'c',
            volumeMounts: [
              { name: 'b', mountPath: '/a' },
              { name: 'x', mountPath: '/x' },
            ],
          },
        ],
      },
    },
    at: 'spec.containers',
    expected: [
      {
        name: 'c',
        volumeMounts: [
          { name: 'b', mountPath: '/a' },
          { name: 'x', mountPath: '/x' },
        ],
      },
    ],
  },
  {
    name: 'a numeric merge key; $patch: delete by containerPort',
    type: 'Pod',
    original: pod({ containers: [{ name: 'c', ports: [{ containerPort: 80 }, { containerPort: 81 }] }] }),
    patch: {
      spec: {
        containers: [{ name: 'c', ports: [{ containerPort: 82 }, { containerPort: 80, $patch: 'delete' }] }],
      },
    },
    at: 'spec.containers',
    expected: [{ name: 'c', ports: [{ containerPort: 82 }, { containerPort: 81 }] }],
  },
  // ---- lists replaced ----------------------------------------------------------------------
  {
    name: 'tolerations have no patch strategy: replaced',
    type: 'Pod',
    original: pod({
      containers: [sidecar],
      tolerations: [
        { key: 'a', operator: 'Exists' },
        { key: 'b', operator: 'Exists' },
      ],
    }),
    patch: { spec: { tolerations: [{ key: 'c', operator: 'Exists' }] } },
    at: 'spec.tolerations',
    expected: [{ key: 'c', operator: 'Exists' }],
  },
  {
    name: 'args are atomic: replaced',
    type: 'Pod',
    original: pod({ containers: [{ name: 'c', args: ['a', 'b'] }] }),
    patch: { spec: { containers: [{ name: 'c', args: ['b'] }] } },
    at: 'spec.containers',
    expected: [{ name: 'c', args: ['b'] }],
  },
  // ---- $patch in lists ---------------------------------------------------------------------
  {
    name: '$patch: delete removes a container by name',
    type: 'Deployment',
    original: deploy([nodejs, sidecar, logger]),
    patch: tpl({ containers: [{ name: 'sidecar', $patch: 'delete' }] }),
    at: C,
    expected: [nodejs, logger],
  },
  {
    name: '$patch: delete of a container that is not there changes nothing',
    type: 'Deployment',
    original: deploy([nodejs]),
    patch: tpl({ containers: [{ name: 'nope', $patch: 'delete' }] }),
    at: '',
    expected: deploy([nodejs]),
  },
  {
    name: '$patch: delete in ownerReferences (merge key uid)',
    type: 'Pod',
    original: pod(
      { containers: [sidecar] },
      { name: 'p', ownerReferences: [{ uid: '1', name: 'a', kind: 'ReplicaSet' }] },
    ),
    patch: {
      metadata: {
        ownerReferences: [
          { uid: '2', name: 'b', kind: 'ReplicaSet' },
          { uid: '1', $patch: 'delete' },
        ],
      },
    },
    at: 'metadata.ownerReferences',
    expected: [{ uid: '2', name: 'b', kind: 'ReplicaSet' }],
  },
  {
    name: '$patch: replace in a list keeps only the patch items',
    type: 'Deployment',
    original: deploy([nodejs, sidecar]),
    patch: tpl({ containers: [logger, { $patch: 'replace' }] }),
    at: C,
    expected: [logger],
  },
  {
    name: '$patch: delete without the merge key',
    type: 'Deployment',
    original: deploy([nodejs]),
    patch: tpl({ containers: [{ $patch: 'delete' }] }),
    error: { kind: 'internal', message: 'map: map[$patch:delete] does not contain declared merge key: name' },
  },
  {
    name: '$patch: merge in a list is refused',
    type: 'Deployment',
    original: deploy([nodejs]),
    patch: tpl({ containers: [{ name: 'nodejs', $patch: 'merge' }] }),
    error: { kind: 'internal', message: 'merging lists cannot yet be specified in the patch' },
  },
  {
    name: 'an unknown $patch in a list item',
    type: 'Deployment',
    original: deploy([nodejs]),
    patch: tpl({ containers: [{ name: 'nodejs', $patch: 'foo' }] }),
    error: { kind: 'internal', message: 'unknown patch type: foo in map: map[$patch:foo name:nodejs]' },
  },
  {
    name: 'a list item without the merge key',
    type: 'Deployment',
    original: deploy([nodejs]),
    patch: tpl({ containers: [{ image: 'nginx' }] }),
    error: { kind: 'internal', message: 'map: map[image:nginx] does not contain declared merge key: name' },
  },
  // ---- $patch on maps, null ----------------------------------------------------------------
  {
    name: '$patch: replace on a map',
    type: 'Deployment',
    original: deploy([nodejs]),
    patch: { spec: { template: { metadata: { labels: { $patch: 'replace', tier: 'web' } } } } },
    at: 'spec.template.metadata.labels',
    expected: { tier: 'web' },
  },
  {
    name: '$patch: replace on a map takes the rest of the patch as it is',
    type: 'Pod',
    original: pod({ containers: [sidecar] }),
    patch: { spec: { $patch: 'replace', containers: [{ name: 'x', $patch: 'delete' }] } },
    at: 'spec',
    expected: { containers: [{ name: 'x', $patch: 'delete' }] },
  },
  {
    name: '$patch: delete on a map leaves an empty map',
    type: 'Deployment',
    original: deploy([nodejs]),
    patch: { spec: { strategy: { $patch: 'delete' } } },
    at: 'spec.strategy',
    expected: {},
  },
  {
    name: '$patch: merge on a map is an unknown patch type',
    type: 'Deployment',
    original: deploy([nodejs]),
    patch: { spec: { strategy: { $patch: 'merge', type: 'Recreate' } } },
    error: { kind: 'internal', message: 'unknown patch type: merge in map: map[$patch:merge type:Recreate]' },
  },
  {
    name: 'null deletes a key; nulls for missing keys are dropped',
    type: 'Deployment',
    original: deploy([nodejs]),
    patch: { metadata: { labels: { app: null, gone: null } }, spec: { replicas: null } },
    at: 'metadata.labels',
    expected: {},
  },
  {
    name: 'kubectl rollout resume: paused null',
    type: 'Deployment',
    original: deploy([nodejs], { paused: true }),
    patch: { spec: { paused: null } },
    at: 'spec.paused',
    expected: undefined,
  },
  {
    name: 'scalars are replaced, also by another type',
    type: 'Deployment',
    original: deploy([nodejs]),
    patch: { spec: { replicas: '5' } },
    at: 'spec.replicas',
    expected: '5',
  },
  {
    name: 'kubectl rollout restart adds a template annotation',
    type: 'Deployment',
    original: deploy([nodejs]),
    patch: {
      spec: {
        template: {
          metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-11-26T23:14:59Z' } },
        },
      },
    },
    at: 'spec.template.metadata',
    expected: {
      labels: { app: 'kubia' },
      annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-11-26T23:14:59Z' },
    },
  },
  {
    name: 'maps merge (labels)',
    type: 'Deployment',
    original: deploy([nodejs]),
    patch: { metadata: { labels: { env: 'prod' } } },
    at: 'metadata.labels',
    expected: { app: 'kubia', env: 'prod' },
  },
  {
    name: 'a new map from the patch loses its nulls',
    type: 'Pod',
    original: pod({ containers: [sidecar] }),
    patch: { spec: { nodeSelector: { disk: 'ssd', zone: null } } },
    at: 'spec.nodeSelector',
    expected: { disk: 'ssd' },
  },
  {
    name: 'a new list from the patch loses its directive items',
    type: 'Pod',
    original: pod({ containers: [sidecar] }),
    patch: {
      spec: {
        initContainers: [
          { name: 'a', image: 'x' },
          { name: 'b', $patch: 'delete' },
        ],
      },
    },
    at: 'spec.initContainers',
    expected: [{ name: 'a', image: 'x' }],
  },
  {
    name: 'a field the schema does not know merges like a map',
    type: 'Deployment',
    original: deploy([nodejs]),
    patch: { spec: { foo: { bar: [1, 2] } } },
    at: 'spec.foo',
    expected: { bar: [1, 2] },
  },
  {
    name: 'an empty patch changes nothing',
    type: 'Deployment',
    original: deploy([nodejs]),
    patch: {},
    at: '',
    expected: deploy([nodejs]),
  },
  // ---- primitive lists with merge strategy (finalizers) ------------------------------------
  {
    name: 'finalizers merge as a set, new ones first',
    type: 'Pod',
    original: fin(['a', 'b']),
    patch: { metadata: { finalizers: ['c', 'a'] } },
    at: 'metadata.finalizers',
    expected: ['c', 'a', 'b'],
  },
  {
    name: '$deleteFromPrimitiveList removes finalizers',
    type: 'Pod',
    original: fin(['a', 'b', 'c']),
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['b', 'x'] } },
    at: 'metadata.finalizers',
    expected: ['a', 'c'],
  },
  {
    name: '$deleteFromPrimitiveList with $setElementOrder',
    type: 'Pod',
    original: fin(['a', 'b', 'c']),
    patch: {
      metadata: { '$deleteFromPrimitiveList/finalizers': ['a'], '$setElementOrder/finalizers': ['c', 'b'] },
    },
    at: 'metadata.finalizers',
    expected: ['c', 'b'],
  },
  {
    name: '$setElementOrder of a primitive list with an addition',
    type: 'Pod',
    original: fin(['a', 'b']),
    patch: { metadata: { '$setElementOrder/finalizers': ['b', 'c', 'a'], finalizers: ['c'] } },
    at: 'metadata.finalizers',
    expected: ['b', 'c', 'a'],
  },
  {
    name: '$deleteFromPrimitiveList: null deletes the whole list',
    type: 'Pod',
    original: fin(['a']),
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': null } },
    at: 'metadata.finalizers',
    expected: undefined,
  },
  {
    name: '$deleteFromPrimitiveList without a list name',
    type: 'Pod',
    original: fin(['a']),
    patch: { metadata: { $deleteFromPrimitiveList: ['a'] } },
    error: { kind: 'badRequest', message: 'invalid patch format of primitive list' },
  },
  {
    name: 'lists of lists are not supported',
    type: 'Pod',
    original: fin([]),
    patch: { metadata: { finalizers: [['a']] } },
    error: { kind: 'invalid', message: 'lists of lists are not supported' },
  },
  {
    name: 'list element types must agree',
    type: 'Pod',
    original: fin(['a']),
    patch: { metadata: { finalizers: [1] } },
    error: { kind: 'internal', message: 'list element types are not identical: [[a] [1]]' },
  },
  // ---- $retainKeys ---------------------------------------------------------------------------
  {
    name: '$retainKeys clears the keys it does not list (strategy Recreate)',
    type: 'Deployment',
    original: deploy([nodejs]),
    patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
    at: 'spec.strategy',
    expected: { type: 'Recreate' },
  },
  {
    name: '$retainKeys in a volume item (merge,retainKeys) swaps the volume source',
    type: 'Pod',
    original: pod({
      containers: [sidecar],
      volumes: [
        { name: 'data', emptyDir: {} },
        { name: 'cache', emptyDir: { medium: 'Memory' } },
      ],
    }),
    patch: {
      spec: { volumes: [{ $retainKeys: ['configMap', 'name'], name: 'data', configMap: { name: 'cfg' } }] },
    },
    at: 'spec.volumes',
    expected: [
      { name: 'data', configMap: { name: 'cfg' } },
      { name: 'cache', emptyDir: { medium: 'Memory' } },
    ],
  },
  {
    name: '$retainKeys must list every key of the patch',
    type: 'Deployment',
    original: deploy([nodejs]),
    patch: {
      spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: { maxSurge: 1 } } },
    },
    error: { kind: 'badRequest', message: 'invalid patch format of retainKeys' },
  },
  {
    name: '$retainKeys must be a list',
    type: 'Deployment',
    original: deploy([nodejs]),
    patch: { spec: { strategy: { $retainKeys: 'type', type: 'Recreate' } } },
    error: { kind: 'badRequest', message: 'invalid patch format of retainKeys' },
  },
  // ---- $setElementOrder ----------------------------------------------------------------------
  {
    name: '$setElementOrder alone reorders containers',
    type: 'Deployment',
    original: deploy([nodejs, sidecar, logger]),
    patch: tpl({
      '$setElementOrder/containers': [{ name: 'logger' }, { name: 'nodejs' }, { name: 'sidecar' }],
    }),
    at: C,
    expected: [logger, nodejs, sidecar],
  },
  {
    name: '$setElementOrder keeps a server-only container before later ones',
    type: 'Deployment',
    original: deploy([nodejs, sidecar, logger]),
    patch: tpl({
      '$setElementOrder/containers': [{ name: 'logger' }, { name: 'nodejs' }],
      containers: [{ name: 'nodejs', image: 'v2' }],
    }),
    at: C,
    expected: [sidecar, logger, { ...nodejs, image: 'v2' }],
  },
  {
    name: '$setElementOrder for a list the object does not have yet',
    type: 'Deployment',
    original: deploy([nodejs]),
    patch: tpl({
      '$setElementOrder/initContainers': [{ name: 'b' }, { name: 'a' }],
      initContainers: [
        { name: 'b', image: 'y' },
        { name: 'a', image: 'x' },
      ],
    }),
    at: 'spec.template.spec.initContainers',
    expected: [
      { name: 'b', image: 'y' },
      { name: 'a', image: 'x' },
    ],
  },
  {
    name: '$setElementOrder with a deletion and a new container',
    type: 'Deployment',
    original: deploy([nodejs, sidecar, logger]),
    patch: tpl({
      '$setElementOrder/containers': [{ name: 'logger' }, { name: 'new' }],
      containers: [
        { name: 'new', image: 'n' },
        { name: 'nodejs', $patch: 'delete' },
      ],
    }),
    at: C,
    expected: [sidecar, logger, { name: 'new', image: 'n' }],
  },
  {
    name: '$setElementOrder, a deletion, a new container first and a server-only one (upstream slice aliasing)',
    type: 'Deployment',
    original: deploy([nodejs, sidecar, logger]),
    patch: tpl({
      '$setElementOrder/containers': [{ name: 'new' }, { name: 'logger' }],
      containers: [
        { name: 'new', image: 'n' },
        { name: 'nodejs', $patch: 'delete' },
      ],
    }),
    at: C,
    expected: [sidecar, { name: 'new', image: 'n' }, logger],
  },
  {
    name: 'new finalizer with $setElementOrder',
    type: 'Pod',
    original: fin(['a', 'b']),
    patch: { metadata: { '$setElementOrder/finalizers': ['a', 'b', 'c'], finalizers: ['c'] } },
    at: 'metadata.finalizers',
    expected: ['a', 'b', 'c'],
  },
  {
    name: 'patch items must follow the $setElementOrder order',
    type: 'Deployment',
    original: deploy([nodejs]),
    patch: tpl({
      '$setElementOrder/initContainers': [{ name: 'b' }, { name: 'a' }],
      initContainers: [
        { name: 'a', image: 'x' },
        { name: 'b', image: 'y' },
      ],
    }),
    error: {
      kind: 'internal',
      message:
        "The order in patch list:\n[map[image:x name:a] map[image:y name:b]]\n doesn't match $setElementOrder list:\n[map[name:b] map[name:a]]\n",
    },
  },
  {
    name: '$setElementOrder that leaves out a patched container',
    type: 'Deployment',
    original: deploy([nodejs, sidecar]),
    patch: tpl({
      '$setElementOrder/containers': [{ name: 'nodejs' }],
      containers: [{ name: 'sidecar', image: 'x' }],
    }),
    error: {
      kind: 'internal',
      message:
        "The order in patch list:\n[map[image:x name:sidecar]]\n doesn't match $setElementOrder list:\n[map[name:nodejs]]\n",
    },
  },
  {
    name: '$setElementOrder must be a list',
    type: 'Deployment',
    original: deploy([nodejs]),
    patch: tpl({ '$setElementOrder/containers': 'nodejs' }),
    error: { kind: 'internal', message: 'expected a []interface {}, but received a string' },
  },
  {
    name: '$setElementOrder with a bad prefix',
    type: 'Deployment',
    original: deploy([nodejs]),
    patch: tpl({ '$setElementOrderX/containers': [{ name: 'nodejs' }] }),
    error: { kind: 'badRequest', message: 'invalid patch format of setElementOrder list' },
  },
  {
    name: '$setElementOrder for an empty list',
    type: 'Pod',
    original: fin([]),
    patch: { metadata: { '$setElementOrder/finalizers': [], finalizers: [] } },
    error: { kind: 'internal', message: 'no elements in any of the given slices' },
  },
];

export interface CreateCase {
  name: string;
  type: string;
  original: JsonObject;
  modified: JsonObject;
  current?: JsonObject;
  overwrite?: boolean;
  expected?: JsonObject;
  conflict?: boolean;
}

export const TWO_WAY_CASES: CreateCase[] = [
  {
    name: 'kubectl set image',
    type: 'Deployment',
    original: deploy([nodejs]),
    modified: deploy([nodejsV2]),
    expected: tpl({
      '$setElementOrder/containers': [{ name: 'nodejs' }],
      containers: [{ image: 'luksa/kubia:v2', name: 'nodejs' }],
    }),
  },
  {
    name: 'kubectl edit of replicas and image',
    type: 'Deployment',
    original: deploy([nodejs]),
    modified: withSpec(deploy([{ ...nodejs, image: 'luksa/kubia:v3' }]), { replicas: 2 }),
    expected: {
      spec: {
        replicas: 2,
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nodejs' }],
            containers: [{ image: 'luksa/kubia:v3', name: 'nodejs' }],
          },
        },
      },
    },
  },
  {
    name: 'a removed container',
    type: 'Deployment',
    original: deploy([nodejs, sidecar]),
    modified: deploy([nodejs]),
    expected: tpl({
      '$setElementOrder/containers': [{ name: 'nodejs' }],
      containers: [{ $patch: 'delete', name: 'sidecar' }],
    }),
  },
  {
    name: 'an added container',
    type: 'Deployment',
    original: deploy([nodejs]),
    modified: deploy([nodejs, sidecar]),
    expected: tpl({
      '$setElementOrder/containers': [{ name: 'nodejs' }, { name: 'sidecar' }],
      containers: [sidecar],
    }),
  },
  {
    name: 'reordered containers',
    type: 'Deployment',
    original: deploy([nodejs, sidecar]),
    modified: deploy([sidecar, nodejs]),
    expected: tpl({ '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'nodejs' }] }),
  },
  {
    name: 'an env var removed from a container',
    type: 'Pod',
    original: pod({
      containers: [
        {
          name: 'c',
          env: [
            { name: 'A', value: '1' },
            { name: 'B', value: '2' },
          ],
        },
      ],
    }),
    modified: pod({ containers: [{ name: 'c', env: [{ name: 'A', value: '1' }] }] }),
    expected: {
      spec: {
        '$setElementOrder/containers': [{ name: 'c' }],
        containers: [
          { '$setElementOrder/env': [{ name: 'A' }], env: [{ $patch: 'delete', name: 'B' }], name: 'c' },
        ],
      },
    },
  },
  {
    name: 'a removed finalizer',
    type: 'Pod',
    original: fin(['a', 'b']),
    modified: fin(['a']),
    expected: {
      metadata: { '$deleteFromPrimitiveList/finalizers': ['b'], '$setElementOrder/finalizers': ['a'] },
    },
  },
  {
    name: 'finalizers reordered into sorted order: no patch (upstream compares the sorted original)',
    type: 'Pod',
    original: fin(['b', 'a']),
    modified: fin(['a', 'b']),
    expected: {},
  },
  {
    name: 'finalizers reordered the other way',
    type: 'Pod',
    original: fin(['a', 'b']),
    modified: fin(['b', 'a']),
    expected: { metadata: { '$setElementOrder/finalizers': ['b', 'a'] } },
  },
  {
    name: 'strategy to Recreate: $retainKeys',
    type: 'Deployment',
    original: deploy([nodejs]),
    modified: withSpec(deploy([nodejs]), { strategy: { type: 'Recreate' } }),
    expected: { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' } } },
  },
  {
    name: 'a volume changes source: $retainKeys in the item',
    type: 'Pod',
    original: pod({ containers: [sidecar], volumes: [{ name: 'data', emptyDir: {} }] }),
    modified: pod({ containers: [sidecar], volumes: [{ name: 'data', configMap: { name: 'cfg' } }] }),
    expected: {
      spec: {
        '$setElementOrder/volumes': [{ name: 'data' }],
        volumes: [
          { $retainKeys: ['configMap', 'name'], configMap: { name: 'cfg' }, emptyDir: null, name: 'data' },
        ],
      },
    },
  },
  {
    name: 'labels removed',
    type: 'Deployment',
    original: deploy([nodejs]),
    modified: { ...deploy([nodejs]), metadata: { name: 'kubia' } },
    expected: { metadata: { labels: null } },
  },
  {
    name: 'a list without merge strategy is sent whole',
    type: 'Pod',
    original: pod({ containers: [sidecar], tolerations: [{ key: 'a' }] }),
    modified: pod({ containers: [sidecar], tolerations: [{ key: 'b' }] }),
    expected: { spec: { tolerations: [{ key: 'b' }] } },
  },
  {
    name: 'no change',
    type: 'Deployment',
    original: deploy([nodejs]),
    modified: deploy([nodejs]),
    expected: {},
  },
];

const v1 = deploy([{ name: 'nodejs', image: 'luksa/kubia:v1' }]);
const v2 = deploy([{ name: 'nodejs', image: 'luksa/kubia:v2' }]);
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const lastApplied = (o: JsonObject): string => `${JSON.stringify(o)}\n`;
const live = withMeta(
  withSpec(v1, {
    template: {
      metadata: { labels: { app: 'kubia' } },
      spec: {
        containers: [{ name: 'nodejs', image: 'luksa/kubia:v1', imagePullPolicy: 'IfNotPresent' }],
        restartPolicy: 'Always',
      },
    },
  }),
  {
    uid: 'u1',
    annotations: { 'deployment.kubernetes.io/revision': '1', [LAST_APPLIED]: lastApplied(v1) },
  },
);
const noStrategy = (o: JsonObject): JsonObject => {
  const spec = { ...(o.spec as JsonObject) };
  delete spec.strategy;
  return { ...o, spec };
};

export const THREE_WAY_CASES: CreateCase[] = [
  {
    name: 'a label removed from the manifest is deleted; a label others added stays',
    type: 'Deployment',
    original: withMeta(v1, { labels: { app: 'kubia', env: 'prod' } }),
    modified: withMeta(v1, { labels: { app: 'kubia' } }),
    current: withMeta(v1, { labels: { app: 'kubia', env: 'prod', team: 'blue' } }),
    expected: { metadata: { labels: { env: null } } },
  },
  {
    name: 'apply a new image (kubectl apply: the annotation and the container)',
    type: 'Deployment',
    original: v1,
    modified: withMeta(v2, { annotations: { [LAST_APPLIED]: lastApplied(v2) } }),
    current: live,
    expected: {
      metadata: { annotations: { [LAST_APPLIED]: lastApplied(v2) } },
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nodejs' }],
            containers: [{ image: 'luksa/kubia:v2', name: 'nodejs' }],
          },
        },
      },
    },
  },
  {
    name: 'the same manifest again: empty patch (kubectl prints unchanged)',
    type: 'Deployment',
    original: v1,
    modified: withMeta(v1, { annotations: { [LAST_APPLIED]: lastApplied(v1) } }),
    current: live,
    expected: {},
  },
  {
    name: 'a strategy in the manifest: $retainKeys, defaults the server filled in are replaced',
    type: 'Deployment',
    original: noStrategy(v1),
    modified: withSpec(noStrategy(v1), {
      minReadySeconds: 10,
      strategy: { rollingUpdate: { maxSurge: 1, maxUnavaliable: 0 }, type: 'RollingUpdate' },
    }),
    current: live,
    expected: {
      spec: {
        minReadySeconds: 10,
        strategy: {
          $retainKeys: ['rollingUpdate', 'type'],
          rollingUpdate: { maxSurge: 1, maxUnavaliable: 0 },
        },
      },
    },
  },
  {
    name: 'a container removed from the manifest is deleted; one added by others stays',
    type: 'Deployment',
    original: deploy([
      { name: 'nodejs', image: 'v1' },
      { name: 'old', image: 'o' },
    ]),
    modified: deploy([{ name: 'nodejs', image: 'v1' }]),
    current: deploy([
      { name: 'nodejs', image: 'v1' },
      { name: 'old', image: 'o' },
      { name: 'injected', image: 'i' },
    ]),
    expected: tpl({
      '$setElementOrder/containers': [{ name: 'nodejs' }],
      containers: [{ $patch: 'delete', name: 'old' }],
    }),
  },
  {
    name: 'finalizers: removed ones deleted, new ones added, others kept',
    type: 'Pod',
    original: fin(['a', 'b']),
    modified: fin(['a', 'c']),
    current: fin(['a', 'b', 'x']),
    expected: {
      metadata: {
        '$deleteFromPrimitiveList/finalizers': ['b'],
        '$setElementOrder/finalizers': ['a', 'c'],
        finalizers: ['c'],
      },
    },
  },
  {
    name: 'a field changed live and in the manifest: the manifest wins',
    type: 'Deployment',
    original: v1,
    modified: withSpec(v1, { replicas: 4 }),
    current: withSpec(v1, { replicas: 5 }),
    expected: { spec: { replicas: 4 } },
  },
  {
    name: 'the same without overwrite: a conflict',
    type: 'Deployment',
    original: v1,
    modified: withSpec(v1, { replicas: 4 }),
    current: withSpec(v1, { replicas: 5 }),
    overwrite: false,
    conflict: true,
  },
  {
    name: 'without overwrite and without conflict',
    type: 'Deployment',
    original: v1,
    modified: v2,
    current: v1,
    overwrite: false,
    expected: tpl({
      '$setElementOrder/containers': [{ name: 'nodejs' }],
      containers: [{ image: 'luksa/kubia:v2', name: 'nodejs' }],
    }),
  },
  {
    name: 'no last-applied: nothing is deleted',
    type: 'Deployment',
    original: {},
    modified: withMeta(v1, { labels: { app: 'kubia' } }),
    current: withMeta(v1, { labels: { app: 'kubia', env: 'prod' } }),
    expected: {},
  },
];
