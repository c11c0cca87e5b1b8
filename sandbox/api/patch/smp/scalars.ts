/**
 * List helpers of apimachinery's strategic merge patch: the element type check, and the
 * sorting and de-duplication of scalars by their `%v` text.
 */
import type { JsonObject, JsonValue } from '../../types';
import { formatV } from '../go-format';
import { type GoKind, compareStrings, goEqual, goKind } from '../json-value';
import { SmpPanic, noListOfLists, smpError } from './errors';

/** `sliceElementType`: all elements of all lists have one Go type, which is not a list. */
export function sliceElementType(...lists: JsonValue[][]): GoKind {
  let prev: GoKind | undefined;
  for (const list of lists) {
    for (const v of list) {
      const cur = goKind(v);
      if (prev === undefined) {
        if (cur === 'nil') throw new SmpPanic();
        prev = cur;
        if (prev === 'slice') throw noListOfLists();
      } else if (prev !== cur) {
        throw smpError(`list element types are not identical: ${formatV(lists)}`);
      }
    }
  }
  if (prev === undefined) throw smpError('no elements in any of the given slices');
  return prev;
}

function byText(a: JsonValue | undefined, b: JsonValue | undefined): number {
  return compareStrings(formatV(a), formatV(b));
}

/** `sortScalars` sorts in place by `%v` text and returns the list. */
export function sortScalars(list: JsonValue[]): JsonValue[] {
  return list.sort(byText);
}

/** `deduplicateScalars`, with its order: a duplicate's slot takes the current last element. */
export function deduplicateScalars(input: JsonValue[]): JsonValue[] {
  const s = [...input];
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (goEqual(s[i], s[j])) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

export function deduplicateAndSortScalars(list: JsonValue[]): JsonValue[] {
  return sortScalars(deduplicateScalars(list));
}

/** `sortMapsBasedOnField`: maps ordered by the `%v` text of one field. */
export function sortMapsByField(list: JsonValue[], field: string): JsonValue[] {
  return [...list].sort((a, b) => byText((a as JsonObject)[field], (b as JsonObject)[field]));
}
