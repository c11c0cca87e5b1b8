# Scene 6: the mistakes a reader makes on the way
kubectl get foo
kubectl delete -l app=kubia
kubectl describe deploy nope
kubectl apply -f nothere.yaml
cat > typo.yaml <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: 3
  strategy:
    rollingUpdate:
      maxSurge: 1
      maxUnavaliable: 0
    type: RollingUpdate
  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - image: luksa/kubia:v1
        name: nodejs
EOF
kubectl create -f typo.yaml
kubectl apply -f typo.yaml
echo "exit $?"
cat > bad.yaml <<'EOF'
apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  ports: - port: 80
EOF
kubectl apply -f bad.yaml
cat > bad2.yaml <<'EOF'
apiVersion: v1
kind: Service
metadata:
  name: kubia
  labels: app: kubia
EOF
kubectl create -f bad2.yaml
sed -i 's/maxUnavaliable/maxUnavailable/' typo.yaml
kubectl apply -f typo.yaml
kubectl patch deploy kubia -p '{"spec":{"strategy":{"rollingUpdate":{"maxUnavaliable":1}}}}'
kubectl create -f typo.yaml
sed -i 's/maxUnavailable/maxUnavaliable/' typo.yaml
kubectl apply -f typo.yaml
kubectl rollout undo deployment nope
kubectl set image deployment kubia foo=luksa/kubia:v2
kubectl rollout history deployment kubia --revision=5
kubectl get rc kubia-v1
kubectl rolling-update kubia-v1 kubia-v2 --image=luksa/kubia:v2
kubectl gte po
