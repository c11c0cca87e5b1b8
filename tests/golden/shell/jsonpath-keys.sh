# JSONPath keys with dots: escaped (kubernetes\.io/...) as kubectl v1.32 reads them
kubectl create deployment kubia --image=luksa/kubia:v1
kubectl annotate deploy kubia kubernetes.io/change-cause='set to v1' app.kubernetes.io/x=y
kubectl get deploy kubia -o jsonpath='{.metadata.annotations.kubernetes\.io/change-cause}'; echo
kubectl get deploy kubia -o jsonpath="{.metadata.annotations['kubernetes\.io/change-cause']}"; echo
kubectl get deploy kubia -o jsonpath="{.metadata.annotations['kubernetes.io/change-cause']}"; echo
kubectl get deploy kubia -o jsonpath='{.metadata.annotations.app\.kubernetes\.io/x}'; echo
kubectl get deploy kubia -o custom-columns='CAUSE:.metadata.annotations.kubernetes\.io/change-cause'
