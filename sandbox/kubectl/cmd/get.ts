/** `kubectl get` (§5.1): tables from the server's Table conversion, other formats from objects. */
import type { KubeObject, Table } from '../../api/types';
import type { ResourceInfo } from '../../api/resources';
import type { RunContext } from '../commands/types';
import { KubectlError, isNotFound, printErrors } from '../errors';
import { formatObjects, parseOutput, type OutputFormat } from '../printers/output';
import { tableLines, type TableOptions } from '../printers/table';
import { GET_TABS, tabwrite } from '../printers/tabwriter';
import { jsonpathValues } from '../printers/jsonpath';
import { kindPrefix, parseResourceArgs, type ResourceRef } from '../resolve';
import { readManifests } from '../manifests';
import { watchTables } from './get-watch';
import { listObjects, listTable } from './list';

const NO_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`;

interface Group {
  resource: ResourceInfo;
  names: string[];
  all: boolean;
}

function groupRefs(refs: ResourceRef[]): Group[] {
  const groups: Group[] = [];
  for (const ref of refs) {
    let g = groups.find((x) => x.resource === ref.resource);
    if (!g) {
      g = { resource: ref.resource, names: [], all: false };
      groups.push(g);
    }
    if (ref.name === undefined) g.all = true;
    else g.names.push(ref.name);
  }
  return groups;
}

function sortObjects(objects: KubeObject[], sortBy: string): KubeObject[] {
  const key = (o: KubeObject): unknown => jsonpathValues(sortBy.replace(/^\{|\}$/g, ''), o)[0];
  return [...objects].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (x === undefined) return y === undefined ? 0 : -1;
    if (y === undefined) return 1;
    return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
  });
}

export async function runGet(ctx: RunContext): Promise<number> {
  const { env, io, flags } = ctx;
  const format: OutputFormat = parseOutput(flags.string('output'));
  const allNs = flags.bool('all-namespaces');
  const ns = allNs ? undefined : ctx.namespace;
  const files = flags.list('filename');
  if (flags.args.length === 0 && files.length === 0) {
    io.stderr.write(NO_TYPE);
    return 1;
  }
  let groups: Group[];
  if (files.length) {
    const infos = await readManifests(io, {
      paths: files,
      namespace: ctx.namespace,
      enforceNamespace: ctx.namespaceSet,
      validate: false,
    });
    groups = groupRefs(infos.map((i) => ({ resource: i.resource, name: i.name })));
  } else groups = groupRefs(parseResourceArgs(flags.args));
  if (flags.string('selector') && groups.some((g) => g.names.length)) {
    throw new KubectlError('name cannot be provided when a selector is specified');
  }
  if (allNs && groups.some((g) => g.names.length)) {
    throw new KubectlError('a resource cannot be retrieved by name across all namespaces');
  }
  const listOpts = {
    labelSelector: flags.string('selector') || undefined,
    fieldSelector: flags.string('field-selector') || undefined,
  };
  const errors: unknown[] = [];
  const ignoreNotFound = flags.bool('ignore-not-found');
  const fail = (e: unknown): void => {
    if (ignoreNotFound && isNotFound(e)) return;
    errors.push(e);
  };
  const sortBy = flags.string('sort-by');
  const objectsOf = (g: Group): KubeObject[] => {
    const out: KubeObject[] = [];
    if (g.all) out.push(...listObjects(env, g.resource, ns, listOpts));
    for (const name of g.names) {
      try {
        out.push(env.api.get(g.resource.plural, ns, name));
      } catch (e) {
        fail(e);
      }
    }
    return sortBy ? sortObjects(out, sortBy) : out;
  };

  if (flags.bool('watch') || flags.bool('watch-only')) {
    if (groups.length > 1) throw new KubectlError('you may only specify a single resource type');
    return watchTables(ctx, groups[0].resource, ns, listOpts, groups[0].names, format);
  }

  let printedAny = false;
  if (format.kind !== 'table' && format.kind !== 'wide') {
    const objects = groups.flatMap(objectsOf);
    const single = groups.length === 1 && !groups[0].all && groups[0].names.length === 1;
    // printGeneric: a single named object that failed prints only the error; anything else is
    // printed, an empty List included (and no "No resources found").
    if (!(single && objects.length === 0) && !(ignoreNotFound && objects.length === 0)) {
      io.stdout.write(
        formatObjects(format, objects, single, {
          showManagedFields: flags.bool('show-managed-fields'),
          noHeaders: flags.bool('no-headers'),
        }),
      );
      printedAny = true;
    }
  } else {
    const showKind = flags.bool('show-kind') || groups.length > 1;
    const sections: string[] = [];
    for (const g of groups) {
      let table: Table;
      if (sortBy || !g.all) {
        table = env.api.tableOf(g.resource, objectsOf(g));
      } else {
        table = listTable(env, g.resource, ns, listOpts);
      }
      if (table.rows.length === 0) continue;
      const opts: TableOptions = {
        wide: format.kind === 'wide',
        kindPrefix: showKind ? kindPrefix(g.resource) : undefined,
        withNamespace: allNs && g.resource.namespaced,
        labelColumns: flags.list('label-columns'),
        showLabels: flags.bool('show-labels'),
        noHeaders: flags.bool('no-headers'),
      };
      sections.push(tableLines(table, opts).join('\n'));
    }
    if (sections.length) {
      io.stdout.write(`${tabwrite(sections.join('\n\n'), GET_TABS)}\n`);
      printedAny = true;
    }
  }
  const named = groups.some((g) => g.names.length > 0);
  if (!printedAny && errors.length === 0 && !named) {
    const clusterOnly = groups.every((g) => !g.resource.namespaced);
    io.stderr.write(
      allNs || clusterOnly ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`,
    );
  }
  printErrors(io.stderr, errors);
  return errors.length ? 1 : 0;
}
