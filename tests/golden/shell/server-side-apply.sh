# kubectl apply --server-side: field ownership, conflicts and --force-conflicts
cp kubia-deployment-v1.yaml d.yaml
kubectl apply --server-side -f d.yaml
kubectl get deploy kubia -o yaml --show-managed-fields | head -40
kubectl apply --server-side -f d.yaml
sed -e 's/kubia:v1/kubia:v2/' d.yaml > d2.yaml
kubectl apply --server-side -f d2.yaml
kubectl get deploy kubia -o jsonpath='{.spec.template.spec.containers[0].image}'; echo
kubectl scale deploy kubia --replicas=5
kubectl get deploy kubia -o jsonpath='{range .metadata.managedFields[*]}{.manager} {.operation} {.subresource}{"\n"}{end}'
kubectl apply --server-side -f d2.yaml; echo "rc=$?"
kubectl apply --server-side --field-manager=ci -f d2.yaml; echo "rc=$?"
kubectl apply --force-conflicts -f d2.yaml; echo "rc=$?"
kubectl apply --server-side --dry-run=client -f d2.yaml; echo "rc=$?"
kubectl apply --server-side --dry-run=server --force-conflicts -f d2.yaml
kubectl get deploy kubia -o jsonpath='{.spec.replicas}'; echo
kubectl apply --server-side --force-conflicts -f d2.yaml
kubectl get deploy kubia -o jsonpath='{.spec.replicas}'; echo
kubectl get deploy kubia -o jsonpath='{range .metadata.managedFields[*]}{.manager} {.operation} {.subresource}{"\n"}{end}'
kubectl get deploy kubia -o jsonpath='{.spec.template.metadata.name}'; echo
sed -e '/^      name: kubia$/d' d2.yaml > d3.yaml
kubectl apply --server-side -f d3.yaml
kubectl get deploy kubia -o jsonpath='{.spec.template.metadata.name}'; echo "(template name removed)"
kubectl get deploy kubia -o json --show-managed-fields | grep -c '"f:'
