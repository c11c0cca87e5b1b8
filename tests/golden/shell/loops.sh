# Loops on the virtual clock: sleeps take no real time
date
for v in v1 v2 v3; do echo "image luksa/kubia:$v"; done
i=0
while [ $i -lt 3 ]; do
  sleep 1
  i=$((i + 1))
  echo "tick $i at $(date +%T)"
done
while true; do sleep 1m; date; break; done
if [ -f nothing.yaml ]; then
  echo found
elif [ -d /tmp ]; then
  echo tmp-is-a-dir
else
  echo neither
fi
timeout 10 sleep 600; echo "timeout exit $?"
timeout 5 watch -n 2 'echo hello | wc -c'
date
