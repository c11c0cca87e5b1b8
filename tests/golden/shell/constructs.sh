# Brace expansion, functions, case, read, type/which, tee: compared with bash 5
for i in {1..3}; do echo $i; done
echo {a,b}-x kubia-{01..03}.yaml {c..a} {1..10..3} '{a,b}' {x} a{b,c{d,e}}f "{1..2}" {3..1}
f() { echo "fn $1 $# $@"; return 3; }; f hi there; echo "rc=$?"
function g { echo g; }; g
case kubia-v2 in *v1) echo one;; *v2|*v3) echo two-or-three;; *) echo no;; esac
case x in y) echo y;; esac; echo after
for v in v1 v2 v3; do case $v in v1) echo first;; v[23]) echo "later $v";; esac; done
printf 'a b\nc d e\n' | while read x y; do echo "[$x|$y]"; done
echo hi | read v; echo "v=$v"
count=0; printf '1\n2\n' | while read n; do count=$((count+n)); done; echo "count=$count"
type kubectl echo f nope
which kubectl curl nope; echo "which=$?"
echo abc | tee out.txt | wc -c; cat out.txt
x=namespace/default; echo ${x#*/} ${x##*a} ${x%/*} ${x%%a*} ${x/a/A} ${x//a/A} ${x/#n/N} ${x/%t/T} ${#x}
return 1
fib() { if [ $1 -le 1 ]; then echo $1; else echo $(( $(fib $(($1-1))) + $(fib $(($1-2))) )); fi; }; fib 10
r() { r; }; r
echo {1..200000} | wc -c
kubectl get ns -o name | while read ns; do echo "namespace: ${ns#namespace/}"; done
