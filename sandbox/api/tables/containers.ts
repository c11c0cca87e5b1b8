/** `layoutContainerCells`: container names and images, each comma-joined without spaces. */
import type { Container } from 'kubernetes-types/core/v1';

export function containerCells(containers: readonly Container[] | undefined): {
  names: string;
  images: string;
} {
  const list = containers ?? [];
  return { names: list.map((c) => c.name).join(','), images: list.map((c) => c.image ?? '').join(',') };
}
