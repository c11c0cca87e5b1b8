/** Node (v1) defaulting: status.allocatable defaults to status.capacity. */
import { isMap, type JsonMap } from './json';

export function defaultNode(obj: JsonMap): void {
  const status = obj.status;
  if (isMap(status) && isMap(status.capacity) && !isMap(status.allocatable))
    status.allocatable = { ...status.capacity };
}
