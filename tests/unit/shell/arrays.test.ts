import { describe, expect, it } from 'vitest';
import { makeShell, sh } from './helpers';

// Each expected output was printed by bash 5.2 for the same line.
describe('arrays, PIPESTATUS and ${v:offset:length}', () => {
  it.each([
    ['arr=(a b "c d"); echo ${arr[1]} ${#arr[@]} "${arr[2]}"', 'b 3 c d\n'],
    ['arr=(a "c d"); for x in "${arr[@]}"; do echo "[$x]"; done', '[a]\n[c d]\n'],
    ['arr=(a "c d"); for x in ${arr[@]}; do echo "<$x>"; done', '<a>\n<c>\n<d>\n'],
    ['arr=(a b "c d"); echo "${arr[*]}" $arr ${arr[-1]} ${!arr[@]}', 'a b c d a c d 0 1 2\n'],
    ['arr=(a b); arr+=(e); arr[7]=z; echo ${!arr[@]}; echo ${arr[@]}', '0 1 2 7\na b e z\n'],
    ["arr=(a b c); unset 'arr[1]'; echo ${arr[@]} ${#arr[@]}", 'a c 2\n'],
    ['arr=(a); unset arr; echo "[${arr[@]}]" ${#arr[@]}', '[] 0\n'],
    ['a=1 b=$a; echo $b', '1\n'],
    ['s=x; s+=y; echo $s', 'xy\n'],
    ['false | true | (exit 3); echo ${PIPESTATUS[@]} ${PIPESTATUS[0]}', '1 0 3 1\n'],
    ['f() { echo "$#:" "$@"; for a in "$@"; do echo "=$a"; done; }; f 1 "2 3"', '2: 1 2 3\n=1\n=2 3\n'],
    ['e=(); for x in "${e[@]}"; do echo never; done; echo "n=${#e[@]}"', 'n=0\n'],
    ["pods=($(printf 'pod/a\\npod/b\\n')); echo ${#pods[@]} ${pods[1]}", '2 pod/b\n'],
    ['i=1; a=(x y z); echo ${a[i]} ${a[$i+1]}; a[$i]=Y; echo ${a[@]}', 'y z\nx Y z\n'],
    ['a=(x y z); echo ${a[@]:1} ${a[@]:1:1} "${a[@]: -2}"', 'y z y y z\n'],
    [
      'h=cloudshell; echo ${h:0:5} ${h:5} ${h: -5} ${h:2:-2} ${h:-dflt}',
      'cloud shell shell oudshe cloudshell\n',
    ],
    ['f() { echo "${@:2}"; }; f a b c', 'b c\n'],
  ])('%s', async (line, out) => {
    const { shell, clock } = makeShell();
    const r = await sh(shell, clock, line);
    expect(r.err).toBe('');
    expect(r.out).toBe(out);
  });

  it('a subshell or pipeline stage changes its own copy of an array', async () => {
    const { shell, clock } = makeShell();
    expect((await sh(shell, clock, 'a=(1 2); (a+=(3); echo ${#a[@]}); echo ${#a[@]}')).out).toBe('3\n2\n');
  });
});
