/** Resource types and names from the command line (§2): discovery-style matching and arg forms. */
import { RESOURCES, type ResourceInfo } from '../api/resources';
import { KubectlError } from './errors';

/** kubectl's own order for the `all` category (discovery order: core group first, then apps). */
export function categoryMembers(category: string): ResourceInfo[] {
  const members = RESOURCES.filter((r) => r.categories.includes(category));
  const core = members.filter((r) => r.group === '');
  const rest = members.filter((r) => r.group !== '').sort((a, b) => a.group.localeCompare(b.group));
  return [...core, ...rest];
}

function matches(r: ResourceInfo, name: string): boolean {
  const lower = name.toLowerCase();
  return (
    r.plural === lower ||
    r.singular === lower ||
    r.kind.toLowerCase() === lower ||
    r.shortNames.includes(name)
  );
}

/** One TYPE word (`deploy`, `Deployment`, `deployments.apps`, `deployment.v1.apps`). */
export function findResource(word: string): ResourceInfo | undefined {
  const direct = RESOURCES.filter((r) => matches(r, word));
  if (direct.length) return direct[0];
  const dot = word.indexOf('.');
  if (dot <= 0) return undefined;
  const base = word.slice(0, dot);
  const qualifier = word.slice(dot + 1);
  return RESOURCES.find((r) => {
    if (!matches(r, base)) return false;
    if (qualifier === r.group && r.group !== '') return true;
    return qualifier === `${r.version}.${r.group}` || (r.group === '' && qualifier === r.version);
  });
}

export function resolveResource(word: string): ResourceInfo {
  const r = findResource(word);
  if (!r) throw new KubectlError(`the server doesn't have a resource type "${word}"`);
  return r;
}

/** Resolve a comma list; `all` expands to its members. */
export function resolveTypes(list: string): ResourceInfo[] {
  const out: ResourceInfo[] = [];
  for (const word of list.split(',')) {
    if (!word) continue;
    const cat = categoryMembers(word);
    const found = findResource(word);
    const add = found ? [found] : cat.length ? cat : [resolveResource(word)];
    for (const r of add) if (!out.includes(r)) out.push(r);
  }
  return out;
}

export interface ResourceRef {
  resource: ResourceInfo;
  /** Absent: every object of the type (subject to selectors). */
  name?: string;
}

export const MIXED_FORMS_ERROR =
  "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'";

/** `TYPE`, `TYPE NAME...`, `TYPE/NAME...`, `T1,T2 NAME...` → references in argument order. */
export function parseResourceArgs(args: readonly string[]): ResourceRef[] {
  if (args.length === 0) return [];
  if (args.some((a) => a.includes('/'))) {
    if (!args.every((a) => a.includes('/'))) throw new KubectlError(MIXED_FORMS_ERROR);
    return args.map((a) => {
      const slash = a.indexOf('/');
      const resource = resolveResource(a.slice(0, slash));
      return { resource, name: a.slice(slash + 1) };
    });
  }
  const types = resolveTypes(args[0]);
  if (args.length === 1) return types.map((resource) => ({ resource }));
  const out: ResourceRef[] = [];
  for (const resource of types) for (const name of args.slice(1)) out.push({ resource, name });
  return out;
}

/** `deployment.apps`, `pod`: kind lower-cased plus the group. */
export function kindPrefix(r: ResourceInfo): string {
  return r.group ? `${r.kind.toLowerCase()}.${r.group}` : r.kind.toLowerCase();
}

/** `deployment.apps/kubia`: the name printer. */
export function objectName(r: ResourceInfo, name: string): string {
  return `${kindPrefix(r)}/${name}`;
}
