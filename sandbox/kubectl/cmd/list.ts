/** Lists as cli-runtime's selector visitor does them, with its error prefix (§5.1). */
import type { ListOptions } from '../../api/request';
import type { ResourceInfo } from '../../api/resources';
import type { KubeObject, Table } from '../../api/types';
import { StatusError } from '../../api/errors';
import type { KubectlEnv } from '../env';

function gvr(r: ResourceInfo): string {
  return `${r.group}/${r.version}, Resource=${r.plural}`;
}

function wrap(e: unknown, r: ResourceInfo, opts: ListOptions): unknown {
  if (!(e instanceof StatusError) || (e.code !== 400 && e.code !== 404)) return e;
  const prefix =
    opts.labelSelector || opts.fieldSelector
      ? `Unable to find "${gvr(r)}" that match label selector "${opts.labelSelector ?? ''}", field selector "${opts.fieldSelector ?? ''}": `
      : `Unable to list "${gvr(r)}": `;
  return new StatusError({ ...e.status, message: prefix + (e.status.message ?? '') });
}

export function listObjects(
  env: KubectlEnv,
  r: ResourceInfo,
  namespace: string | undefined,
  opts: ListOptions,
): KubeObject[] {
  try {
    return env.api.list(r.plural, namespace, opts).items;
  } catch (e) {
    throw wrap(e, r, opts);
  }
}

export function listTable(
  env: KubectlEnv,
  r: ResourceInfo,
  namespace: string | undefined,
  opts: ListOptions,
): Table {
  try {
    return env.api.table(r.plural, namespace, opts);
  } catch (e) {
    throw wrap(e, r, opts);
  }
}
