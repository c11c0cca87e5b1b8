# kubectl diff: live against what apply would make
cp kubia-deployment-v1.yaml d.yaml
kubectl diff -f d.yaml > new.diff; echo "rc=$?"; head -8 new.diff; grep -c "^+" new.diff
kubectl apply -f d.yaml
kubectl diff -f d.yaml; echo "rc=$?"
sed -e 's/replicas: 3/replicas: 4/' -e 's/kubia:v1/kubia:v2/' d.yaml > d2.yaml
kubectl diff -f d2.yaml; echo "rc=$?"
kubectl get deploy kubia -o jsonpath='{.spec.replicas}'; echo
kubectl diff; echo "rc=$?"
