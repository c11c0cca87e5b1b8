/** pflag-like parsing: long and short flags, `=value` or next word, bool flags, `--` ends flags. */

export type FlagType = 'string' | 'bool' | 'int' | 'stringArray' | 'stringSlice' | 'duration';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  default?: string;
  usage: string;
  deprecated?: string;
  /** pflag's NoOptDefVal: the value of `--flag` given without `=value`. */
  noOptDefault?: string;
  /** Not listed in help. */
  hidden?: boolean;
}

export interface ParsedFlags {
  values: Map<string, string[]>;
  /** Flags in the order typed, as `--name=value` (for `--record`'s change-cause). */
  typed: Array<{ name: string; value: string }>;
  args: string[];
  /** How many positional arguments came before `--` (-1: no `--`), like cobra's ArgsLenAtDash. */
  argsLenAtDash: number;
}

export class FlagError extends Error {}

export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const values = new Map<string, string[]>();
  const typed: ParsedFlags['typed'] = [];
  const args: string[] = [];
  let argsLenAtDash = -1;
  const set = (spec: FlagSpec, value: string): void => {
    if (spec.type === 'int' && !/^-?\d+$/.test(value)) {
      throw new FlagError(
        `invalid argument "${value}" for "${spec.short ? `-${spec.short}, ` : ''}--${spec.name}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`,
      );
    }
    if (spec.type === 'bool' && !/^(true|false|1|0|t|f|TRUE|FALSE|True|False|T|F)$/.test(value)) {
      throw new FlagError(
        `invalid argument "${value}" for "${spec.short ? `-${spec.short}, ` : ''}--${spec.name}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`,
      );
    }
    const list = values.get(spec.name) ?? [];
    list.push(value);
    values.set(spec.name, list);
    typed.push({ name: spec.name, value });
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      argsLenAtDash = args.length;
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byLong.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, a.slice(eq + 1));
      else if (spec.type === 'bool') set(spec, 'true');
      else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault);
      else if (i + 1 < argv.length) set(spec, argv[++i]);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      let j = 1;
      while (j < a.length) {
        const c = a[j];
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        if (spec.type === 'bool') {
          if (a[j + 1] === '=') {
            set(spec, a.slice(j + 2));
            break;
          }
          set(spec, 'true');
          j++;
          continue;
        }
        const rest = a.slice(j + 1);
        if (rest) set(spec, rest.startsWith('=') ? rest.slice(1) : rest);
        else if (i + 1 < argv.length) set(spec, argv[++i]);
        else throw new FlagError(`flag needs an argument: '${c}' in ${a}`);
        break;
      }
      continue;
    }
    args.push(a);
  }
  return { values, typed, args, argsLenAtDash };
}

/** Typed access to parsed flags with the spec defaults. */
export class Flags {
  constructor(
    private readonly parsed: ParsedFlags,
    private readonly specs: readonly FlagSpec[],
  ) {}

  get args(): string[] {
    return this.parsed.args;
  }

  get argsLenAtDash(): number {
    return this.parsed.argsLenAtDash;
  }

  get typed(): ParsedFlags['typed'] {
    return this.parsed.typed;
  }

  changed(name: string): boolean {
    return this.parsed.values.has(name);
  }

  private spec(name: string): FlagSpec | undefined {
    return this.specs.find((s) => s.name === name);
  }

  string(name: string): string {
    const v = this.parsed.values.get(name);
    return v ? v[v.length - 1] : (this.spec(name)?.default ?? '');
  }

  bool(name: string): boolean {
    const v = this.string(name);
    return /^(true|1|t|TRUE|True|T)$/.test(v);
  }

  int(name: string): number {
    return Number(this.string(name) || '0');
  }

  /** stringArray keeps each value; stringSlice also splits at commas. */
  list(name: string): string[] {
    const spec = this.spec(name);
    const v = this.parsed.values.get(name) ?? [];
    if (spec?.type === 'stringSlice') return v.flatMap((x) => (x === '' ? [] : x.split(',')));
    return v;
  }
}
