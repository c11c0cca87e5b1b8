# -o go-template, as Go's text/template runs it
cp kubia-deployment-v1.yaml d.yaml
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
