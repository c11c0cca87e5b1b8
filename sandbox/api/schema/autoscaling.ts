/** Field schemas: autoscaling/v1 Scale (the scale subresource). */
import { autoscaling, int32, meta, ref, str, struct } from './build';
import type { TypeSchema } from './types';

export const AUTOSCALING_TYPES: TypeSchema[] = [
  struct(
    autoscaling('Scale'),
    {
      kind: str('The type of this object, in CamelCase.'),
      apiVersion: str('The versioned schema of this object, e.g. apps/v1.'),
      metadata: ref(meta('ObjectMeta'), "Standard object's metadata."),
      spec: ref(autoscaling('ScaleSpec'), 'The desired state, set by the user.'),
      status: ref(
        autoscaling('ScaleStatus'),
        'The observed state, written by the system. Read-only for users.',
      ),
    },
    { description: 'The scale subresource of a workload: desired and current replicas.' },
  ),
  struct(autoscaling('ScaleSpec'), {
    replicas: int32('Desired number of replicas.'),
  }),
  struct(
    autoscaling('ScaleStatus'),
    {
      replicas: int32('Actual number of replicas.'),
      selector: str('The label selector of the pods, in string form.'),
    },
    { required: ['replicas'] },
  ),
];
