/** Field schemas: core/v1 scheduling constraints: affinity, tolerations, topology spread. */
import { core, enumOf, int32, int64, listOf, meta, ref, str, struct } from './build';
import {
  NODE_INCLUSION_POLICY,
  NODE_SELECTOR_OPERATOR,
  TAINT_EFFECT,
  TOLERATION_OPERATOR,
  UNSATISFIABLE_CONSTRAINT_ACTION,
} from './enums';
import type { TypeSchema } from './types';

export const CORE_SCHEDULING_TYPES: TypeSchema[] = [
  struct(core('Affinity'), {
    nodeAffinity: ref(core('NodeAffinity')),
    podAffinity: ref(core('PodAffinity')),
    podAntiAffinity: ref(core('PodAntiAffinity')),
  }),
  struct(core('NodeAffinity'), {
    requiredDuringSchedulingIgnoredDuringExecution: ref(core('NodeSelector')),
    preferredDuringSchedulingIgnoredDuringExecution: listOf(ref(core('PreferredSchedulingTerm')), {
      listType: 'atomic',
    }),
  }),
  struct(
    core('NodeSelector'),
    {
      nodeSelectorTerms: listOf(ref(core('NodeSelectorTerm')), { listType: 'atomic' }),
    },
    { required: ['nodeSelectorTerms'], structType: 'atomic' },
  ),
  struct(
    core('NodeSelectorTerm'),
    {
      matchExpressions: listOf(ref(core('NodeSelectorRequirement')), { listType: 'atomic' }),
      matchFields: listOf(ref(core('NodeSelectorRequirement')), { listType: 'atomic' }),
    },
    { structType: 'atomic' },
  ),
  struct(
    core('NodeSelectorRequirement'),
    {
      key: str(),
      operator: enumOf('v1.NodeSelectorOperator', NODE_SELECTOR_OPERATOR),
      values: listOf(str(), { listType: 'atomic' }),
    },
    { required: ['key', 'operator'] },
  ),
  struct(
    core('PreferredSchedulingTerm'),
    {
      weight: int32(),
      preference: ref(core('NodeSelectorTerm')),
    },
    { required: ['weight', 'preference'] },
  ),
  struct(core('PodAffinity'), {
    requiredDuringSchedulingIgnoredDuringExecution: listOf(ref(core('PodAffinityTerm')), {
      listType: 'atomic',
    }),
    preferredDuringSchedulingIgnoredDuringExecution: listOf(ref(core('WeightedPodAffinityTerm')), {
      listType: 'atomic',
    }),
  }),
  struct(core('PodAntiAffinity'), {
    requiredDuringSchedulingIgnoredDuringExecution: listOf(ref(core('PodAffinityTerm')), {
      listType: 'atomic',
    }),
    preferredDuringSchedulingIgnoredDuringExecution: listOf(ref(core('WeightedPodAffinityTerm')), {
      listType: 'atomic',
    }),
  }),
  struct(
    core('PodAffinityTerm'),
    {
      labelSelector: ref(meta('LabelSelector')),
      namespaces: listOf(str(), { listType: 'atomic' }),
      topologyKey: str(),
      namespaceSelector: ref(meta('LabelSelector')),
      matchLabelKeys: listOf(str(), { listType: 'atomic' }),
      mismatchLabelKeys: listOf(str(), { listType: 'atomic' }),
    },
    { required: ['topologyKey'] },
  ),
  struct(
    core('WeightedPodAffinityTerm'),
    {
      weight: int32(),
      podAffinityTerm: ref(core('PodAffinityTerm')),
    },
    { required: ['weight', 'podAffinityTerm'] },
  ),
  struct(core('Toleration'), {
    key: str(),
    operator: enumOf('v1.TolerationOperator', TOLERATION_OPERATOR),
    value: str(),
    effect: enumOf('v1.TaintEffect', TAINT_EFFECT),
    tolerationSeconds: int64(),
  }),
  struct(
    core('TopologySpreadConstraint'),
    {
      maxSkew: int32(),
      topologyKey: str(),
      whenUnsatisfiable: enumOf('v1.UnsatisfiableConstraintAction', UNSATISFIABLE_CONSTRAINT_ACTION),
      labelSelector: ref(meta('LabelSelector')),
      minDomains: int32(),
      nodeAffinityPolicy: enumOf('v1.NodeInclusionPolicy', NODE_INCLUSION_POLICY),
      nodeTaintsPolicy: enumOf('v1.NodeInclusionPolicy', NODE_INCLUSION_POLICY),
      matchLabelKeys: listOf(str(), { listType: 'atomic' }),
    },
    { required: ['maxSkew', 'topologyKey', 'whenUnsatisfiable'] },
  ),
];
