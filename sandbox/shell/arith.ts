/** `$(( ))`: integer arithmetic with variables, as bash does (the common operators). */

export class ArithError extends Error {}

type Vars = { get(name: string): string | undefined; set(name: string, value: string): void };

export function evalArith(src: string, vars: Vars): number {
  const tokens =
    src.match(/\s*(\d+|[A-Za-z_][A-Za-z0-9_]*|\+\+|--|<=|>=|==|!=|&&|\|\||\*\*|[-+*/%()<>!?:=])\s*/g) ?? [];
  const joined = tokens.join('');
  if (joined.replace(/\s/g, '') !== src.replace(/\s/g, '')) {
    throw new ArithError(`${src.trim()}: syntax error: invalid arithmetic operator`);
  }
  const toks = tokens.map((t) => t.trim());
  let i = 0;
  let rightStart = 0;
  /** Source text from token `k` on (bash quotes it as the "error token"). */
  const rest = (k: number): string => tokens.slice(k).join('').trimStart();
  const peek = (): string | undefined => toks[i];
  const num = (name: string): number => {
    const v = vars.get(name);
    if (!v) return 0;
    const n = Number.parseInt(v, 10);
    return Number.isNaN(n) ? 0 : n;
  };

  const primary = (): number => {
    const t = toks[i++];
    if (t === undefined) throw new ArithError(`${src.trim()}: syntax error: operand expected`);
    if (t === '(') {
      const v = assign();
      if (toks[i++] !== ')') throw new ArithError(`${src.trim()}: syntax error: missing \`)'`);
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return primary() ? 0 : 1;
    if (/^\d+$/.test(t)) return Number.parseInt(t, 10);
    if (/^[A-Za-z_]/.test(t)) {
      if (peek() === '++' || peek() === '--') {
        const old = num(t);
        vars.set(t, String(toks[i++] === '++' ? old + 1 : old - 1));
        return old;
      }
      return num(t);
    }
    if (t === '++' || t === '--') {
      const name = toks[i++] ?? '';
      const v = num(name) + (t === '++' ? 1 : -1);
      vars.set(name, String(v));
      return v;
    }
    throw new ArithError(`${src.trim()}: syntax error: operand expected (error token is "${t}")`);
  };
  const binary = (ops: string[][]): (() => number) => {
    const level = (n: number): number => {
      if (n >= ops.length) return primary();
      let left = level(n + 1);
      while (peek() !== undefined && ops[n].includes(peek()!)) {
        const op = toks[i++];
        rightStart = i;
        const right = level(n + 1);
        left = apply(op, left, right);
      }
      return left;
    };
    return () => level(0);
  };
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '**':
        return a ** b;
      case '/':
      case '%':
        if (b === 0)
          throw new ArithError(`${src.trimStart()}: division by 0 (error token is "${rest(rightStart)}")`);
        return op === '/' ? Math.trunc(a / b) : a % b;
      case '<':
        return a < b ? 1 : 0;
      case '>':
        return a > b ? 1 : 0;
      case '<=':
        return a <= b ? 1 : 0;
      case '>=':
        return a >= b ? 1 : 0;
      case '==':
        return a === b ? 1 : 0;
      case '!=':
        return a !== b ? 1 : 0;
      case '&&':
        return a && b ? 1 : 0;
      case '||':
        return a || b ? 1 : 0;
    }
    return 0;
  };
  const logic = binary([
    ['||'],
    ['&&'],
    ['==', '!='],
    ['<', '>', '<=', '>='],
    ['+', '-'],
    ['*', '/', '%'],
    ['**'],
  ]);
  const ternary = (): number => {
    const c = logic();
    if (peek() === '?') {
      i++;
      const a = assign();
      if (toks[i++] !== ':') throw new ArithError(`${src.trim()}: syntax error: \`:' expected`);
      const b = assign();
      return c ? a : b;
    }
    return c;
  };
  const assign = (): number => {
    if (/^[A-Za-z_]/.test(toks[i] ?? '') && toks[i + 1] === '=') {
      const name = toks[i];
      i += 2;
      const v = assign();
      vars.set(name, String(v));
      return v;
    }
    return ternary();
  };
  if (toks.length === 0) return 0;
  const v = assign();
  if (i < toks.length)
    throw new ArithError(
      `${src.trim()}: syntax error in expression (error token is "${toks.slice(i).join(' ')}")`,
    );
  return Math.trunc(v);
}
