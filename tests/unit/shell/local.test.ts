import { describe, expect, it } from 'vitest';
import { makeShell, sh } from './helpers';

// Expected texts are bash 5.2's (`bash -c`), run on the same lines.
describe('local', () => {
  it('scopes a variable to the function call, dynamically, and restores it on return', async () => {
    const { shell, clock } = makeShell();
    const r = await sh(
      shell,
      clock,
      'f(){ local x; echo "[${x-unset}]"; x=3; g; echo "f:$x"; }; g(){ echo "g:$x"; x=4; local y=5; }; x=1; f; echo "top:$x y:${y-unset}"',
    );
    expect(r.out).toBe('[unset]\ng:3\nf:4\ntop:1 y:unset\n');
  });

  it('recursion gets a fresh local per call; an exported name stays exported inside', async () => {
    const { shell, clock } = makeShell();
    const r = await sh(
      shell,
      clock,
      'r(){ local n=$1; if [ "$n" -gt 0 ]; then r $((n-1)); fi; echo "n=$n"; }; r 2; export q=1; h(){ local q=2; env | grep ^q=; }; h; echo "q=$q"',
    );
    expect(r.out).toBe('n=0\nn=1\nn=2\nq=2\nq=1\n');
  });

  it('hides an array of the same name; a second `local x` keeps the value', async () => {
    const { shell, clock } = makeShell();
    const r = await sh(
      shell,
      clock,
      'arr=(1 2 3); s(){ local arr=x; echo "${arr[@]}"; }; s; echo "${arr[@]}"; m(){ local x=1; local x; echo "[$x]"; }; m',
    );
    expect(r.out).toBe('x\n1 2 3\n[1]\n');
  });

  it('lists the locals as declare lines; errors outside a function and for bad names', async () => {
    const { shell, clock } = makeShell();
    const r = await sh(
      shell,
      clock,
      'l(){ local a="x\\"y\\$z" b; export c=1; local c; local; local 1a=2; echo "st:$?"; }; l; local z=1; echo "st:$?"',
    );
    expect(r.all).toBe(
      'declare -- a="x\\"y\\$z"\ndeclare -- b\ndeclare -x c\n' +
        "bash: local: `1a=2': not a valid identifier\nst:1\n" +
        'bash: local: can only be used in a function\nst:1\n',
    );
  });
});
