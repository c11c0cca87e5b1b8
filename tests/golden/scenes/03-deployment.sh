# Scene 3: a Deployment, updated and rolled back
cat > kubia-deployment-v1.yaml <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: 3
  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      name: kubia
      labels:
        app: kubia
    spec:
      containers:
      - image: luksa/kubia:v1
        name: nodejs
EOF
kubectl create -f kubia-deployment-v1.yaml --record
kubectl rollout status deployment kubia
sleep 30
kubectl get deploy
kubectl get rs
kubectl get po
kubectl set image deployment kubia nodejs=luksa/kubia:v2
sleep 5
kubectl get po
kubectl rollout status deployment kubia
kubectl get rs
kubectl rollout history deployment kubia
kubectl rollout history deployment kubia --revision=2
kubectl rollout undo deployment kubia --to-revision=1
sleep 3
kubectl get po
kubectl rollout status deployment kubia
kubectl rollout history deployment kubia
kubectl rollout undo deployment kubia
kubectl rollout status deployment kubia
kubectl get rs -o wide
kubectl rollout undo deployment kubia --to-revision=1
kubectl rollout undo deployment kubia --to-revision=3
