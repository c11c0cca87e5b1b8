# Error paths: bash and coreutils texts
foo --bar; echo "exit $?"
./deploy.sh
done
echo >
while true; do done
cat nofile.yaml
ls nothere
rm nothere
mkdir /tmp
sleep abc
grep x missing.txt; echo "grep exit $?"
head -n x missing.txt
cd nowhere
vi deployment.yaml
curl
echo "unbalanced
still inside"
for i in 1 2; do
  echo "loop $i"
done | tail -n 1
echo 'never closed
