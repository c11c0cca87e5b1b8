/**
 * Merging an applied configuration into the live object (SMD's Merge): the configuration wins on
 * every leaf and atomic value; structs and maps merge key by key; associative lists merge item by
 * item (matched by their keys, live order kept, new items placed where the configuration puts
 * them); sets take the union. Inputs are not modified; untouched subtrees are shared.
 */
import type { FieldSchema } from '../schema/types';
import { shapeOf, type Shape } from './shape';
import { keyElement, valueElement } from './path';

const UNTYPED: Shape = { kind: 'untyped' };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function mergeValue(live: unknown, config: unknown, f: FieldSchema | undefined): unknown {
  if (config === undefined) return live;
  if (live === undefined || live === null || config === null) return config;
  const s = f ? shapeOf(f) : UNTYPED;
  if ((s.kind === 'struct' || s.kind === 'map') && !s.atomic && isObject(live) && isObject(config)) {
    return mergeMap(live, config, s);
  }
  if (s.kind === 'untyped' && isObject(live) && isObject(config)) return mergeMap(live, config, s);
  if (s.kind === 'list' && s.rel !== 'atomic' && Array.isArray(live) && Array.isArray(config)) {
    return mergeList(live, config, s);
  }
  return config;
}

function mergeMap(
  live: Record<string, unknown>,
  config: Record<string, unknown>,
  s: Shape,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...live };
  for (const k in config) {
    const f = s.kind === 'struct' ? s.type.fields[k] : s.kind === 'map' ? s.values : undefined;
    out[k] = mergeValue(live[k], config[k], f);
  }
  return out;
}

function elementOf(item: unknown, s: Extract<Shape, { kind: 'list' }>): string | undefined {
  if (s.rel === 'set') return valueElement(item);
  return isObject(item) ? keyElement(item, s.keys) : undefined;
}

function mergeList(live: unknown[], config: unknown[], s: Extract<Shape, { kind: 'list' }>): unknown[] {
  const cfg = new Map<string, unknown>();
  const cfgOrder: string[] = [];
  for (const item of config) {
    const e = elementOf(item, s);
    if (e === undefined) return config;
    if (!cfg.has(e)) cfgOrder.push(e);
    cfg.set(e, item);
  }
  const liveBy = new Map<string, unknown>();
  const liveOrder: string[] = [];
  for (const item of live) {
    const e = elementOf(item, s);
    if (e === undefined) return config;
    if (!liveBy.has(e)) {
      liveBy.set(e, item);
      liveOrder.push(e);
    }
  }
  const itemField = s.rel === 'set' ? undefined : s.items;
  const out: unknown[] = [];
  const done = new Set<string>();
  const emit = (e: string): void => {
    if (done.has(e)) return;
    done.add(e);
    out.push(cfg.has(e) ? mergeValue(liveBy.get(e), cfg.get(e), itemField) : liveBy.get(e));
  };
  let ci = 0;
  for (const e of liveOrder) {
    if (cfg.has(e)) {
      // Items the configuration lists before this shared one come first, in its order.
      while (ci < cfgOrder.length) {
        const c = cfgOrder[ci++];
        emit(c);
        if (c === e) break;
      }
    }
    emit(e);
  }
  while (ci < cfgOrder.length) emit(cfgOrder[ci++]);
  return out;
}
