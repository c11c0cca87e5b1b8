# Scene 5: blue/green with two Deployments and one Service
sed -e 's/blue/green/' -e 's/version: v1/version: v2/' -e 's/kubia:v1/kubia:v2/' bluegreen-blue.yaml > bluegreen-green.yaml
cat bluegreen-green.yaml
kubectl create -f bluegreen-blue.yaml -f bluegreen-service.yaml
kubectl rollout status deployment kubia-blue
sleep 60
kubectl get po
kubectl get svc
kubectl create -f bluegreen-green.yaml
kubectl rollout status deployment kubia-green
kubectl get po
for i in 1 2 3; do sleep 1; curl -s http://34.64.140.187; done
kubectl patch svc kubia -p '{"spec":{"selector":{"version":"v2"}}}'
for i in 1 2 3 4 5; do sleep 1; curl -s http://34.64.140.187; done
kubectl get svc kubia -o wide
kubectl patch svc kubia -p '{"spec":{"selector":{"version":"v2"}}}'
kubectl patch svc kubia --type=merge -p '{"spec":{"selector":{"version":"v1"}}}'
for i in 1 2 3; do sleep 1; curl -s http://34.64.140.187; done
kubectl delete deploy kubia-green
kubectl get deploy
