# The spec's error catalog (kubectl.md §6): every row, as kubectl v1.32 prints it
cp kubia-deployment-v1.yaml d.yaml
kubectl apply -f d.yaml
kubectl create -f d.yaml
kubectl create service loadbalancer kubia --tcp=80:8080
kubectl get deploy kubia -o yaml > live.yaml
kubectl scale deploy kubia --replicas=4
kubectl replace -f live.yaml
kubectl get foo
kubectl apply -f nothere.yaml
kubectl apply
kubectl create
kubectl replace
cat > badyaml.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: x
  labels: app: kubia
EOF
kubectl apply -f badyaml.yaml
cat > nokind.yaml <<'EOF'
apiVersion: v1
metadata:
  name: x
EOF
kubectl apply -f nokind.yaml
cat > noapi.yaml <<'EOF'
kind: Pod
metadata:
  name: x
EOF
kubectl apply -f noapi.yaml
cat > oldapi.yaml <<'EOF'
apiVersion: apps/v1beta1
kind: Deployment
metadata:
  name: x
EOF
kubectl apply -f oldapi.yaml --validate=false
kubectl get deploy kubia deploy/kubia
kubectl delete
kubectl edit
kubectl delete pods
kubectl get deploy kubia -A
kubectl get deploy -o yml
kubectl create -f d.yaml -o wide
cat > rc.yaml <<'EOF'
apiVersion: v1
kind: ReplicationController
metadata:
  name: kubia-v1
spec:
  replicas: 1
  selector:
    app: rc
  template:
    metadata:
      labels:
        app: rc
    spec:
      containers:
      - name: nodejs
        image: luksa/kubia:v1
EOF
kubectl apply -f rc.yaml
kubectl rollout status rc kubia-v1
kubectl rollout history rc kubia-v1
kubectl rollout undo rc kubia-v1
kubectl rollout pause rc kubia-v1
kubectl rollout status
kubectl run kubia-manual --image=luksa/kubia:v1 --labels='bad key=x'
cat > sel.yaml <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia2
spec:
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: nodejs
        image: luksa/kubia:v1
EOF
kubectl apply -f sel.yaml
kubectl scale deploy kubia --replicas=-1
kubectl patch deploy kubia --type=json -p '[{"op":"remove","path":"/spec/template/spec/containers/0/image"}]'
kubectl create deployment Kubia --image=luksa/kubia:v1
kubectl patch svc kubia -p '{"spec":{"type":"Foo"}}'
kubectl patch deploy kubia -p '{"spec":{"selector":{"matchLabels":{"app":"x"}}}}'
echo "" | kubectl apply -f -
kubectl apply -f - < /dev/null; echo "rc=$?"
echo "" | kubectl create -f -; echo "rc=$?"
echo "" | kubectl replace -f -; echo "rc=$?"
echo "" | kubectl delete -f -; echo "rc=$?"
kubectl delete pods -l app=none 2>/dev/null
kubectl get pods -l app=none 2>/dev/null; echo "(get says it on stderr)"
