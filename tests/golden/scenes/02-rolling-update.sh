# Scene 2: the legacy kubectl rolling-update (client-side, deprecated)
kubectl create -f kubia-rc-and-service-v1.yaml
sleep 60
kubectl get po --show-labels
timeout 150 kubectl rolling-update kubia-v1 kubia-v2 --image=luksa/kubia:v2
kubectl get po
kubectl get rc
kubectl get po --show-labels
kubectl get rc kubia-v1 -o jsonpath='{.spec.selector}{"\n"}'
kubectl get rc kubia-v2 -o jsonpath='{.spec.selector}{"\n"}{.metadata.annotations}{"\n"}'
kubectl rolling-update kubia-v1 kubia-v2 --image=luksa/kubia:v2
kubectl get po
kubectl get rc
kubectl get po --show-labels
for i in 1 2 3; do curl -s http://34.64.140.187; sleep 1; done
kubectl rolling-update kubia-v2 kubia-v2 --image=luksa/kubia:v3
kubectl rolling-update nope --image=luksa/kubia:v3
kubectl rolling-update kubia-v2
