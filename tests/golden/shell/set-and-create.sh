# kubectl set env, set selector and create service, as kubectl v1.32 prints them
kubectl apply -f kubia-deployment-v1.yaml
kubectl create configmap cfg --from-literal=greeting=hi --from-literal=my.key=v
kubectl set env deploy/kubia FOO=bar
kubectl set env deploy/kubia FOO=bar
kubectl set env deploy/kubia --list
kubectl set env deploy kubia FOO=baz --overwrite=false
kubectl set env deploy/kubia --from=configmap/cfg --prefix=APP_
kubectl set env deploy/kubia --list
kubectl set env deploy/kubia FOO-
kubectl set env deploy/kubia -c nope X=1
kubectl set env deploy/kubia
kubectl set env deploy/nope A=1
kubectl set env deploy/kubia A=1 --dry-run=client
kubectl set env deploy/kubia --from=deploy/kubia
kubectl set env deploy/kubia 1FOO=bar
kubectl set env FOO=bar deploy/kubia
kubectl set env deploy/kubia --keys=a
kubectl rollout history deploy/kubia
kubectl set selector svc kubia app=kubia,version=v2
kubectl set selector svc/kubia version=v1
kubectl get svc kubia -o jsonpath='{.spec.selector}'; echo
kubectl set selector svc kubia 'bad key=1'
kubectl set selector svc kubia
kubectl set selector deploy kubia app=x
kubectl set selector svc/kubia app!=x
kubectl create service clusterip foo --tcp=80:8080 --dry-run=client -o yaml
kubectl create service clusterip foo
kubectl create service nodeport np --tcp=80:8080,81 --node-port=30080 --dry-run=client -o yaml
kubectl create service clusterip bad --tcp=abc
kubectl create service loadbalancer
kubectl create service loadbalancer lb --tcp=80:8080
kubectl create svc clusterip foo --tcp=80:8080
kubectl get svc -o wide
