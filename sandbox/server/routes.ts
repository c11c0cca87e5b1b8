/**
 * URL → API request: `/api/v1/namespaces/default/pods/kubia/log`, `/apis/apps/v1/deployments`, ...
 * into group, version, resource, namespace, name and subresource, as the real request-info resolver.
 */
import { resourceByPlural, type ResourceInfo } from '../api/resources';

export interface ResourceRoute {
  kind: 'resource';
  resource: ResourceInfo;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export type Route =
  | ResourceRoute
  | { kind: 'version' }
  | { kind: 'discovery-root'; core: boolean }
  | { kind: 'discovery-group'; group: string; version: string }
  | { kind: 'api-group'; group: string }
  | { kind: 'openapi-root' }
  | { kind: 'openapi-doc'; path: string }
  | { kind: 'unknown-resource'; resource: string }
  | { kind: 'not-found' };

export function route(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 1 && parts[0] === 'version') return { kind: 'version' };
  if (parts[0] === 'openapi' && parts[1] === 'v3') {
    return parts.length === 2
      ? { kind: 'openapi-root' }
      : { kind: 'openapi-doc', path: parts.slice(2).join('/') };
  }
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api') {
    if (parts.length === 1) return { kind: 'discovery-root', core: true };
    group = '';
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    if (parts.length === 1) return { kind: 'discovery-root', core: false };
    if (parts.length === 2) return { kind: 'api-group', group: parts[1] };
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else return { kind: 'not-found' };
  if (rest.length === 0) return { kind: 'discovery-group', group, version };

  let namespace: string | undefined;
  if (
    group === '' &&
    rest[0] === 'namespaces' &&
    rest.length === 3 &&
    (rest[2] === 'status' || rest[2] === 'finalize')
  ) {
    return {
      kind: 'resource',
      resource: resourceByPlural('namespaces')!,
      name: rest[1],
      subresource: rest[2],
    };
  }
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const plural = rest[0];
  const r = resourceByPlural(plural);
  if (!r || r.group !== group || r.version !== version) return { kind: 'unknown-resource', resource: plural };
  // `/api/v1/namespaces/foo` is the namespace object itself.
  if (plural === 'namespaces' && namespace === undefined && rest.length >= 2) {
    return { kind: 'resource', resource: r, name: rest[1], subresource: rest[2] };
  }
  return { kind: 'resource', resource: r, namespace, name: rest[1], subresource: rest[2] };
}
