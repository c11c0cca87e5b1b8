# kubectl port-forward: local ports on the reader's machine carried into a pod
kubectl create deployment kubia --image=luksa/kubia:v1 --replicas=2
kubectl port-forward deploy/kubia 8080; echo "rc=$?"
sleep 20
kubectl port-forward deploy/kubia 8080:8080 &
pf=$!
sleep 1
curl -s localhost:8080
curl -s http://127.0.0.1:8080/
kubectl logs deploy/kubia | tail -1
kubectl port-forward deploy/kubia 8080:8080; echo "rc=$?"
kill $pf; wait $pf; echo "rc=$?"
curl -sS localhost:8080; echo "rc=$?"
kubectl port-forward deploy/kubia :8080 --address 0.0.0.0 &
pf=$!
sleep 1
curl -s localhost:37469
kill $pf
# nothing listens on the pod's port: the stream fails and kubectl ends
kubectl port-forward deploy/kubia 9090:9999 &
pf=$!
sleep 1
curl -sS localhost:9090; echo "rc=$?"
wait $pf; echo "rc=$?"
kubectl port-forward nope 8080; echo "rc=$?"
kubectl port-forward deploy/kubia; echo "rc=$?"
kubectl port-forward deploy/kubia abc; echo "rc=$?"
kubectl port-forward deploy/kubia 99999; echo "rc=$?"
kubectl port-forward deploy/kubia 8080:; echo "rc=$?"
kubectl port-forward deploy/kubia 8080:0; echo "rc=$?"
kubectl port-forward --address 10.1.2.3 deploy/kubia 8080; echo "rc=$?"
kubectl port-forward --address nope deploy/kubia 8080; echo "rc=$?"
kubectl port-forward foo/nope 8080; echo "rc=$?"
# a Service's port becomes its target port on the pod
kubectl expose deployment kubia --port=80 --target-port=8080
kubectl port-forward svc/kubia 8081:80 &
pf=$!
sleep 1
curl -s localhost:8081
kubectl port-forward svc/kubia 8082:81; echo "rc=$?"
kubectl port-forward svc/kubia 8082:http; echo "rc=$?"
# a service port without a name is named "": `8083:` finds it
kubectl port-forward svc/kubia 8083: &
sleep 1
curl -s localhost:8083
# the pod goes away: the next connection fails and kubectl ends
kubectl delete pods --all --wait=false
sleep 40
curl -sS localhost:8081; echo "rc=$?"
wait $pf; echo "rc=$?"
