/**
 * Column definitions shared by the printers. Upstream leaves `format` empty except for the
 * `Name` column (`name`) and the default table's `Created At` is typed `date`.
 */
import type { TableColumnDefinition } from '../types';
import { META_CREATION_TIMESTAMP, META_NAME, TEMPLATE_CONTAINERS, TEMPLATE_IMAGES } from './descriptions';

export function column(
  name: string,
  type: TableColumnDefinition['type'],
  description: string,
  priority = 0,
  format = '',
): TableColumnDefinition {
  return { name, type, format, description, priority };
}

/** `{Name: "Name", Type: "string", Format: "name", Description: ObjectMeta name}` */
export const NAME_COLUMN: TableColumnDefinition = column('Name', 'string', META_NAME, 0, 'name');

/** `{Name: "Age", Type: "string", Description: ObjectMeta creationTimestamp}` */
export const AGE_COLUMN: TableColumnDefinition = column('Age', 'string', META_CREATION_TIMESTAMP);

/** The wide `Containers` / `Images` pair of the workload printers. */
export const CONTAINERS_COLUMN: TableColumnDefinition = column(
  'Containers',
  'string',
  TEMPLATE_CONTAINERS,
  1,
);
export const IMAGES_COLUMN: TableColumnDefinition = column('Images', 'string', TEMPLATE_IMAGES, 1);

/** The API server's default table (`pkg/registry/rest/table.go`) for a resource without a printer. */
export const DEFAULT_COLUMNS: readonly TableColumnDefinition[] = [
  NAME_COLUMN,
  column('Created At', 'date', META_CREATION_TIMESTAMP),
];
