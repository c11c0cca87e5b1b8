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
