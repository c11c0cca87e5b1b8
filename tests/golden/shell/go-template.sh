# -o go-template, as Go's text/template runs it
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
kubectl apply -f d.yaml > /dev/null; sleep 30
kubectl get po -o go-template='{{range .items}}{{.metadata.name}}{{"\n"}}{{end}}'
kubectl get deploy kubia -o go-template='{{.spec.replicas}} {{.metadata.labels}} {{.spec.selector.matchLabels}} {{.nope}}{{"\n"}}'
kubectl get po -o template='{{range $i, $p := .items}}{{$i}}: {{$p.status.podIP}} {{index $p.metadata.labels "app"}}{{"\n"}}{{end}}'
kubectl get deploy kubia -o go-template='{{if eq .spec.replicas 3.0}}three{{else}}other{{end}} {{len .spec.template.spec.containers}}{{"\n"}}'
kubectl get deploy kubia -o go-template='{{with .status}}{{.readyReplicas}}/{{.replicas}}{{end}}{{"\n"}}'
kubectl get deploy kubia -o go-template='{{range .status.conditions}}{{.type}}={{.status}} {{end}}{{"\n"}}'
kubectl get deploy kubia -o go-template='{{- range .spec.template.spec.containers -}} {{ .image | printf "%q" }} {{- end }}{{"\n"}}'
kubectl get deploy kubia -o go-template='{{.spec.replicas | printf "%05d"}}{{"\n"}}'
kubectl get deploy kubia -o go-template='{{range .items}'
kubectl get deploy kubia -o go-template='{{foo .x}}'
kubectl get deploy kubia -o go-template
