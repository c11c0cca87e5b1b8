# kubectl exec into the kubia image (node:7, Debian based)
kubectl create deployment kubia --image=luksa/kubia:v1
sleep 20
kubectl exec deploy/kubia -- env
kubectl exec deploy/kubia -- hostname
kubectl exec deploy/kubia -- printenv HOSTNAME NODE_VERSION
kubectl exec deploy/kubia -- node -v
kubectl exec deploy/kubia -- ps aux; echo "rc=$?"
kubectl exec deploy/kubia -- cat /etc/hostname /nope; echo "rc=$?"
kubectl exec deploy/kubia -- sh -c 'echo hi && hostname'
kubectl expose deployment kubia --port=80 --target-port=8080
kubectl exec deploy/kubia -- curl -s http://kubia
kubectl exec deploy/kubia -- curl -s http://kubia.default.svc.cluster.local
kubectl exec deploy/kubia -- curl -sS http://nope; echo "rc=$?"
kubectl exec deploy/kubia -- curl -s -m 2 http://10.96.0.99; echo "rc=$?"
