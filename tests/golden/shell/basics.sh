# Words, quotes, variables and substitutions
echo hello "world  $USER" 'single $HOME' e\ scaped
NAME=kubia; echo "${NAME}-v1" ${MISSING:-default} $((2 + 3 * 4))
echo "today: $(date)"
pwd; cd /tmp; pwd; cd; pwd
whoami; hostname
true && echo and-ok; false || echo or-ok; false; echo "status $?"
cat <<EOF > kubia-svc.yaml
apiVersion: v1
kind: Service
metadata:
  name: $NAME
spec:
  type: LoadBalancer
EOF
cat kubia-svc.yaml | grep -n name
sed -i 's/LoadBalancer/NodePort/' kubia-svc.yaml
grep -c '' kubia-svc.yaml; wc -l kubia-svc.yaml; tail -n 1 kubia-svc.yaml
cp kubia-svc.yaml copy.yaml && mv copy.yaml moved.yaml && ls && rm moved.yaml && ls -a
echo one > f.txt; echo two >> f.txt; cat f.txt | head -n 1
printf '%s=%d\n' a 1 b 2
history 3
