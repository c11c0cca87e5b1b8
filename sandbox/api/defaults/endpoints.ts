/** Endpoints (v1) and EndpointSlice (discovery.k8s.io/v1) defaulting: port protocol TCP (and name "" for slices). */
import { maps, setIfEmpty, setIfUnset, type JsonMap } from './json';

export function defaultEndpoints(obj: JsonMap): void {
  for (const subset of maps(obj.subsets))
    for (const port of maps(subset.ports)) setIfEmpty(port, 'protocol', 'TCP');
}

export function defaultEndpointSlice(obj: JsonMap): void {
  for (const port of maps(obj.ports)) {
    setIfUnset(port, 'name', '');
    setIfUnset(port, 'protocol', 'TCP');
  }
}
