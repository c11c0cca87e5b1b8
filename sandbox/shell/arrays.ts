/**
 * Indexed arrays (`a=(x y)`, `a[5]=z`, `a+=(w)`, `${a[@]}`): sparse as in bash, so `${!a[@]}`
 * lists only the indices that were set, and `${a[-1]}` counts from the highest one.
 */
export class ShellArrays {
  private readonly map = new Map<string, Map<number, string>>();

  has(name: string): boolean {
    return this.map.has(name);
  }

  private sorted(name: string): Array<[number, string]> {
    return [...(this.map.get(name) ?? new Map<number, string>())].sort((a, b) => a[0] - b[0]);
  }

  list(name: string): string[] {
    return this.sorted(name).map(([, v]) => v);
  }

  keys(name: string): string[] {
    return this.sorted(name).map(([k]) => String(k));
  }

  /** Element `index`; a negative index counts back from one past the highest set index. */
  get(name: string, index: number): string | undefined {
    const a = this.map.get(name);
    if (!a) return undefined;
    if (index < 0) {
      const top = a.size ? Math.max(...a.keys()) + 1 : 0;
      index += top;
    }
    return a.get(index);
  }

  set(name: string, index: number, value: string): void {
    let a = this.map.get(name);
    if (!a) this.map.set(name, (a = new Map()));
    if (index < 0) index += a.size ? Math.max(...a.keys()) + 1 : 0;
    a.set(index, value);
  }

  assign(name: string, values: readonly string[]): void {
    this.map.set(name, new Map(values.map((v, i) => [i, v])));
  }

  append(name: string, values: readonly string[]): void {
    const a = this.map.get(name) ?? new Map<number, string>();
    let next = a.size ? Math.max(...a.keys()) + 1 : 0;
    for (const v of values) a.set(next++, v);
    this.map.set(name, a);
  }

  unset(name: string, index?: number): void {
    if (index === undefined) this.map.delete(name);
    else this.map.get(name)?.delete(index);
  }

  /** A copy of one array (undefined: not an array), to `put` back later (`local` scoping). */
  take(name: string): Map<number, string> | undefined {
    const a = this.map.get(name);
    return a ? new Map(a) : undefined;
  }

  put(name: string, a: Map<number, string> | undefined): void {
    if (a) this.map.set(name, a);
    else this.map.delete(name);
  }

  clone(): ShellArrays {
    const c = new ShellArrays();
    for (const [k, a] of this.map) c.map.set(k, new Map(a));
    return c;
  }

  /** Replace this table's contents with `other`'s (a subshell ending). */
  restore(other: ShellArrays): void {
    this.map.clear();
    for (const [k, a] of other.map) this.map.set(k, new Map(a));
  }
}
