# kubectl diff: live against what apply would make
cat > d.yaml <<'EOF'
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
---
apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  type: LoadBalancer
  selector:
    app: kubia
  ports:
  - port: 80
    targetPort: 8080
EOF
kubectl diff -f d.yaml > new.diff; echo "rc=$?"; head -8 new.diff; grep -c "^+" new.diff
kubectl apply -f d.yaml
kubectl diff -f d.yaml; echo "rc=$?"
sed -e 's/replicas: 3/replicas: 4/' -e 's/kubia:v1/kubia:v2/' d.yaml > d2.yaml
kubectl diff -f d2.yaml; echo "rc=$?"
kubectl get deploy kubia -o jsonpath='{.spec.replicas}'; echo
kubectl diff; echo "rc=$?"
