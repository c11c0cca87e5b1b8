# kubectl events: sorted by last seen (Go's unstable sort), --for, --types, -o, -w; kubectl top without metrics-server
kubectl events
kubectl apply -f kubia-deployment-v3-with-readinesscheck.yaml > /dev/null
sleep 40
kubectl events --for deploy/kubia
kubectl events --types=Warning | head -4
kubectl events --for rs/nope -A
kubectl events --for kubia; echo "rc=$?"
kubectl events --for foo/bar; echo "rc=$?"
kubectl events --types=Bad; echo "rc=$?"
kubectl events --for deploy/kubia -o yaml
kubectl top pods; echo "rc=$?"
kubectl top nodes node-1; echo "rc=$?"
kubectl top foo
kubectl top | head -3
