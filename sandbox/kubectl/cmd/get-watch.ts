/** `kubectl get -w` (§3.5): the table, then one row per watch event, until Ctrl+C. */
import type { ResourceInfo } from '../../api/resources';
import type { KubeObject, WatchEvent } from '../../api/types';
import type { ListOptions } from '../../api/request';
import type { RunContext } from '../commands/types';
import { formatObjects, type OutputFormat } from '../printers/output';
import { tableLines, type TableOptions } from '../printers/table';
import { GET_TABS, tabwrite } from '../printers/tabwriter';
import { toJson } from '../printers/json';
import { toYaml } from '../printers/yaml';
import { kindPrefix } from '../resolve';
import { INTERRUPT_HANDLED, catchInterrupt } from '../interrupt';

export async function watchTables(
  ctx: RunContext,
  resource: ResourceInfo,
  namespace: string | undefined,
  listOpts: ListOptions,
  names: string[],
  format: OutputFormat,
): Promise<number> {
  const { env, io, flags } = ctx;
  const fieldSelector =
    names.length === 1
      ? [listOpts.fieldSelector, `metadata.name=${names[0]}`].filter(Boolean).join(',')
      : listOpts.fieldSelector;
  const opts = { ...listOpts, fieldSelector };
  const tableOpts: TableOptions = {
    wide: format.kind === 'wide',
    kindPrefix: flags.bool('show-kind') ? kindPrefix(resource) : undefined,
    withNamespace: namespace === undefined && resource.namespaced,
    labelColumns: flags.list('label-columns'),
    showLabels: flags.bool('show-labels'),
    noHeaders: flags.bool('no-headers'),
  };
  const widths: number[] = [];
  let headerPrinted = tableOpts.noHeaders;
  const human = format.kind === 'table' || format.kind === 'wide';
  const withEvents = flags.bool('output-watch-events');
  let printed = 0;
  const emit = (objects: KubeObject[], type?: WatchEvent['type']): void => {
    if (objects.length === 0) return;
    if (!human) {
      for (const o of objects) {
        const data = withEvents ? { object: o, type: type ?? 'ADDED' } : undefined;
        if (format.kind === 'yaml' && printed > 0) io.stdout.write('---\n');
        if (data && format.kind === 'json') io.stdout.write(toJson(data));
        else if (data && format.kind === 'yaml') io.stdout.write(toYaml(data));
        else io.stdout.write(formatObjects(format, [o], true));
        printed++;
      }
      return;
    }
    const table = env.api.tableOf(resource, objects);
    let lines = tableLines(table, tableOpts, !headerPrinted);
    if (withEvents) {
      lines = lines.map((l, i) => (i === 0 && !headerPrinted ? `EVENT\t${l}` : `${type ?? 'ADDED'}\t${l}`));
    }
    headerPrinted = true;
    io.stdout.write(`${tabwrite(lines.join('\n'), GET_TABS, widths)}\n`);
  };
  const list = env.api.list(resource.plural, namespace, opts);
  if (!flags.bool('watch-only')) emit(list.items);
  const handle = env.api.watch(
    resource.plural,
    namespace,
    { ...opts, resourceVersion: list.metadata.resourceVersion },
    (e) => {
      if (e.type === 'ADDED' || e.type === 'MODIFIED' || e.type === 'DELETED') emit([e.object], e.type);
    },
  );
  catchInterrupt(io);
  await new Promise<void>((resolve) => {
    if (io.interrupt.interrupted) resolve();
    else io.interrupt.onInterrupt(() => resolve());
  });
  handle.stop();
  return INTERRUPT_HANDLED;
}
