/**
 * Column descriptions as the v1.32 API server sends them. Upstream fills most of them from the
 * generated swagger docs (`X{}.SwaggerDoc()["field"]`) of k8s.io/api v0.32; the rest are literals in
 * `pkg/printers/internalversion/printers.go`. Texts copied verbatim from those docs.
 */

/** metav1.ObjectMeta */
export const META_NAME =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';
export const META_CREATION_TIMESTAMP =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

/** Literals shared by the workload printers. */
export const TEMPLATE_CONTAINERS = 'Names of each container in the template.';
export const TEMPLATE_IMAGES = 'Images referenced by each container in the template.';

/** core/v1 Pod */
export const POD_READY = 'The aggregate readiness state of this pod for accepting traffic.';
export const POD_STATUS = 'The aggregate status of the containers in this pod.';
export const POD_RESTARTS =
  'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.';
export const POD_STATUS_POD_IP =
  'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.';
export const POD_SPEC_NODE_NAME =
  'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename';
export const POD_STATUS_NOMINATED_NODE_NAME =
  'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.';
export const POD_SPEC_READINESS_GATES =
  'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates';

/** core/v1 ReplicationController */
export const RC_SPEC_REPLICAS =
  'Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller';
export const RC_STATUS_REPLICAS =
  'Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller';
export const RC_STATUS_READY_REPLICAS = 'The number of ready replicas for this replication controller.';
export const RC_SPEC_SELECTOR =
  'Selector is a label query over pods that should match the Replicas count. If Selector is empty, it is defaulted to the labels present on the Pod template. Label keys and values that must match in order to be controlled by this replication controller, if empty defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors';

/** extensions/v1beta1 ReplicaSet (upstream still points at the v1beta1 docs) */
export const RS_SPEC_REPLICAS =
  'Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller';
export const RS_STATUS_REPLICAS =
  'Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller';
export const RS_STATUS_READY_REPLICAS = 'The number of ready replicas for this replica set.';
export const RS_SPEC_SELECTOR =
  'Selector is a label query over pods that should match the replica count. If the selector is empty, it is defaulted to the labels present on the pod template. Label keys and values that must match in order to be controlled by this replica set. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors';

/** extensions/v1beta1 Deployment */
export const DEPLOYMENT_READY = 'Number of the pod with ready state';
export const DEPLOYMENT_STATUS_UPDATED_REPLICAS =
  'Total number of non-terminated pods targeted by this deployment that have the desired template spec.';
export const DEPLOYMENT_STATUS_AVAILABLE_REPLICAS =
  'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.';
export const DEPLOYMENT_SPEC_SELECTOR =
  'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.';

/** core/v1 Service */
export const SERVICE_SPEC_TYPE =
  'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is "None", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. "NodePort" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. "LoadBalancer" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. "ExternalName" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types';
export const SERVICE_SPEC_CLUSTER_IP =
  'clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are "None", empty string (""), or a valid IP address. Setting this to "None" makes a "headless service" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies';
export const SERVICE_SPEC_EXTERNAL_IPS =
  'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system.';
export const SERVICE_SPEC_PORTS =
  'The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies';
export const SERVICE_SPEC_SELECTOR =
  'Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/';

/** core/v1 Endpoints */
export const ENDPOINTS_SUBSETS =
  'The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service.';

/** discovery/v1beta1 EndpointSlice (upstream still points at the v1beta1 docs) */
export const ENDPOINTSLICE_ADDRESS_TYPE =
  'addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name.';
export const ENDPOINTSLICE_PORTS =
  'ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined ports. When a port is defined with a nil port value, it indicates "all ports". Each slice may include a maximum of 100 ports.';
export const ENDPOINTSLICE_ENDPOINTS =
  'endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.';

/** core/v1 Namespace */
export const NAMESPACE_STATUS = 'The status of the namespace';

/** core/v1 Node */
export const NODE_STATUS = 'The status of the node';
export const NODE_ROLES = 'The roles of the node';
export const NODE_KUBELET_VERSION = 'Kubelet Version reported by the node.';
export const NODE_STATUS_ADDRESSES =
  "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).";
export const NODE_OS_IMAGE =
  'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).';
export const NODE_KERNEL_VERSION =
  "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).";
export const NODE_CONTAINER_RUNTIME_VERSION =
  'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).';

/** core/v1 Event */
export const EVENT_LAST_TIMESTAMP =
  'The time at which the most recent occurrence of this event was recorded.';
export const EVENT_TYPE = 'Type of this event (Normal, Warning), new types could be added in the future';
export const EVENT_REASON =
  "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.";
export const EVENT_INVOLVED_OBJECT = 'The object that this event is about.';
export const OBJECT_REFERENCE_FIELD_PATH =
  'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: "spec.containers{name}" (where "name" refers to the name of the container that triggered the event) or if no container name is specified "spec.containers[2]" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.';
export const EVENT_SOURCE =
  'The component reporting this event. Should be a short machine understandable string.';
export const EVENT_MESSAGE = 'A human-readable description of the status of this operation.';
export const EVENT_FIRST_TIMESTAMP =
  'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)';
export const EVENT_COUNT = 'The number of times this event has occurred.';

/** core/v1 ConfigMap */
export const CONFIGMAP_DATA =
  "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process.";

/** core/v1 ResourceQuota (literals in printers.go) */
export const QUOTA_REQUEST =
  'Request represents a minimum amount of cpu/memory that a container may consume.';
export const QUOTA_LIMIT =
  'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.';
