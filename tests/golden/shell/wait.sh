# kubectl wait on the virtual clock
cp kubia-deployment-v1.yaml d.yaml
kubectl apply -f d.yaml
kubectl wait --for=condition=available deploy/kubia --timeout=60s
kubectl wait --for=condition=bogus deploy/kubia --timeout=2s; echo "rc=$?"
kubectl wait --for=jsonpath='{.status.readyReplicas}'=3 deploy/kubia
kubectl wait --for=condition=ready pod -l app=kubia
kubectl wait --for=delete pod/nope --timeout=2s; echo "rc=$?"
kubectl wait deploy/kubia
kubectl wait --for=foo deploy/kubia
kubectl wait --for=condition=available deploy/nope
kubectl wait --for=condition=ready pod -l app=nope
kubectl set image deploy/kubia nodejs=luksa/kubia:v2 && kubectl wait --for=jsonpath='{.status.updatedReplicas}'=3 deploy/kubia --timeout=2m
p=$(kubectl get po -o name | head -1); kubectl delete $p --wait=false; kubectl wait --for=delete $p --timeout=60s
# Replacement pods carry the label too, so waiting for all of them to go times out, as on a real cluster
kubectl delete pod -l app=kubia --wait=false > /dev/null; kubectl wait --for=delete pod -l app=kubia --timeout=60s | wc -l
kubectl wait --help | head -3
