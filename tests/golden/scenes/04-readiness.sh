# Scene 4: minReadySeconds and a readiness probe block a bad rollout
kubectl apply -f kubia-deployment-v1.yaml
kubectl rollout status deployment kubia
kubectl set image deployment kubia nodejs=luksa/kubia:v2
kubectl rollout status deployment kubia
sleep 90
kubectl get po
kubectl apply -f kubia-deployment-v3-with-readinesscheck.yaml
sleep 2
kubectl get po
for i in 1 2 3 4 5 6 7 8; do curl -s http://34.64.140.187; sleep 1; done
kubectl get po
sleep 30
kubectl get po
kubectl rollout status deployment kubia --timeout=30s
echo "exit $?"
kubectl get rs
kubectl describe deploy kubia
kubectl rollout undo deployment kubia
kubectl rollout status deployment kubia
