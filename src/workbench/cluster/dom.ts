/** Small DOM helpers for keyed updates: nodes are reused by key and only changed values are written. */

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function setText(node: Element, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

export function setAttr(node: Element, name: string, value: string | undefined): void {
  if (value === undefined) {
    if (node.hasAttribute(name)) node.removeAttribute(name);
  } else if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

export function setData(node: HTMLElement, name: string, value: string | undefined): void {
  if (value === undefined) delete node.dataset[name];
  else if (node.dataset[name] !== value) node.dataset[name] = value;
}

/**
 * Make `parent`'s children the nodes of `items`, in order: existing nodes (by key in `cache`) are
 * updated in place, new ones created, missing ones removed. Children not in `cache` (after
 * `start`) are left alone only if they come before the keyed ones.
 */
export function reconcile<T>(
  parent: HTMLElement,
  items: readonly T[],
  key: (item: T) => string,
  create: (item: T) => HTMLElement,
  update: (node: HTMLElement, item: T) => void,
  cache: Map<string, HTMLElement>,
): void {
  const seen = new Set<string>();
  let cursor: ChildNode | null = parent.firstChild;
  for (const item of items) {
    const k = key(item);
    seen.add(k);
    let node = cache.get(k);
    if (!node) {
      node = create(item);
      cache.set(k, node);
    }
    update(node, item);
    if (node !== cursor) parent.insertBefore(node, cursor);
    else cursor = cursor.nextSibling;
  }
  for (const [k, node] of cache) {
    if (!seen.has(k)) {
      node.remove();
      cache.delete(k);
    }
  }
}
