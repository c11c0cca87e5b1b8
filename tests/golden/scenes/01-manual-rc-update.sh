# Scene 1: updating a ReplicationController by hand
kubectl create -f kubia-rc-and-service-v1.yaml
sleep 5
kubectl get po
kubectl get svc kubia
sleep 60
kubectl get svc kubia
for i in 1 2 3 4 5; do curl -s http://34.64.140.187; sleep 1; done
kubectl patch rc kubia-v1 -p '{"spec":{"template":{"spec":{"containers":[{"name":"nodejs","image":"luksa/kubia:v2"}]}}}}'
kubectl set image rc/kubia-v1 nodejs=luksa/kubia:v2
kubectl set image rc/kubia-v1 nodejs=luksa/kubia:v2 --dry-run=client
kubectl get rc kubia-v1 -o wide
kubectl rollout status rc/kubia-v1
for i in 1 2 3; do curl -s http://34.64.140.187; sleep 1; done
kubectl delete -l app=kubia
kubectl delete po -l app=kubia --wait=false
sleep 8
kubectl get po
for i in 1 2 3 4 5; do curl -s http://34.64.140.187; sleep 1; done
