# grep context (-A/-B/-C) and -m, compared with GNU grep
seq 1 12 > n.txt
grep -A1 5 n.txt
grep -B2 -n 5 n.txt
grep -C1 -e 3 -e 9 n.txt
grep -A1 -e 3 -e 4 n.txt
grep -m2 1 n.txt
grep -m1 -A2 1 n.txt
grep -C1 1 n.txt n.txt | head -5
grep -A x 1 n.txt
printf 'a\nb\nc\n' | grep -A1 a
