/**
 * k8s.io/api core/v1 messages (field numbers from its generated.proto, JSON tags from types.go).
 * Complete for what `kubectl create namespace|configmap|secret|serviceaccount|service|quota`
 * and `create deployment|job` can set; fields whose types are not listed here (volumes, probes,
 * security contexts, affinity, env sources...) are skipped as unknown fields.
 */
import { list, map, message, pointer, ref, value, type Message } from '../schema';
import { ObjectMeta } from './meta';

export const PodTemplateSpec = (): Message => POD_TEMPLATE_SPEC;

export const NAMESPACE = message('Namespace', [
  value(1, 'metadata', ObjectMeta),
  value(2, 'spec', ref(message('NamespaceSpec', [list(1, 'finalizers', 'string')]))),
  value(3, 'status', ref(message('NamespaceStatus', [value(1, 'phase', 'string')]))),
]);

export const CONFIG_MAP = message('ConfigMap', [
  value(1, 'metadata', ObjectMeta),
  pointer(4, 'immutable', 'bool'),
  map(2, 'data', 'string'),
  map(3, 'binaryData', 'bytes'),
]);

export const SECRET = message('Secret', [
  value(1, 'metadata', ObjectMeta),
  pointer(5, 'immutable', 'bool'),
  map(2, 'data', 'bytes'),
  map(4, 'stringData', 'string'),
  value(3, 'type', 'string'),
]);

const OBJECT_REFERENCE = message('ObjectReference', [
  value(1, 'kind', 'string'),
  value(2, 'namespace', 'string'),
  value(3, 'name', 'string'),
  value(4, 'uid', 'string'),
  value(5, 'apiVersion', 'string'),
  value(6, 'resourceVersion', 'string'),
  value(7, 'fieldPath', 'string'),
]);

const LOCAL_OBJECT_REFERENCE = message('LocalObjectReference', [value(1, 'name', 'string')]);

export const SERVICE_ACCOUNT = message('ServiceAccount', [
  value(1, 'metadata', ObjectMeta),
  list(2, 'secrets', ref(OBJECT_REFERENCE)),
  list(3, 'imagePullSecrets', ref(LOCAL_OBJECT_REFERENCE)),
  pointer(4, 'automountServiceAccountToken', 'bool'),
]);

const SERVICE_PORT = message('ServicePort', [
  value(1, 'name', 'string'),
  value(2, 'protocol', 'string'),
  pointer(6, 'appProtocol', 'string'),
  value(3, 'port', 'int32', 'keep'),
  value(4, 'targetPort', 'intOrString'),
  value(5, 'nodePort', 'int32'),
]);

const SESSION_AFFINITY_CONFIG = message('SessionAffinityConfig', [
  pointer(1, 'clientIP', ref(message('ClientIPConfig', [pointer(1, 'timeoutSeconds', 'int32')]))),
]);

const SERVICE_SPEC = message('ServiceSpec', [
  list(1, 'ports', ref(SERVICE_PORT)),
  map(2, 'selector', 'string'),
  value(3, 'clusterIP', 'string'),
  list(18, 'clusterIPs', 'string'),
  value(4, 'type', 'string'),
  list(5, 'externalIPs', 'string'),
  value(7, 'sessionAffinity', 'string'),
  value(8, 'loadBalancerIP', 'string'),
  list(9, 'loadBalancerSourceRanges', 'string'),
  value(10, 'externalName', 'string'),
  value(11, 'externalTrafficPolicy', 'string'),
  value(12, 'healthCheckNodePort', 'int32'),
  value(13, 'publishNotReadyAddresses', 'bool'),
  pointer(14, 'sessionAffinityConfig', ref(SESSION_AFFINITY_CONFIG)),
  list(19, 'ipFamilies', 'string'),
  pointer(17, 'ipFamilyPolicy', 'string'),
  pointer(20, 'allocateLoadBalancerNodePorts', 'bool'),
  pointer(21, 'loadBalancerClass', 'string'),
  pointer(22, 'internalTrafficPolicy', 'string'),
  pointer(23, 'trafficDistribution', 'string'),
]);

const LOAD_BALANCER_INGRESS = message('LoadBalancerIngress', [
  value(1, 'ip', 'string'),
  value(2, 'hostname', 'string'),
  pointer(3, 'ipMode', 'string'),
]);

const SERVICE_STATUS = message('ServiceStatus', [
  value(
    1,
    'loadBalancer',
    ref(message('LoadBalancerStatus', [list(1, 'ingress', ref(LOAD_BALANCER_INGRESS))])),
  ),
]);

export const SERVICE = message('Service', [
  value(1, 'metadata', ObjectMeta),
  value(2, 'spec', ref(SERVICE_SPEC)),
  value(3, 'status', ref(SERVICE_STATUS)),
]);

const SCOPED_RESOURCE_SELECTOR_REQUIREMENT = message('ScopedResourceSelectorRequirement', [
  value(1, 'scopeName', 'string', 'keep'),
  value(2, 'operator', 'string', 'keep'),
  list(3, 'values', 'string'),
]);

export const RESOURCE_QUOTA = message('ResourceQuota', [
  value(1, 'metadata', ObjectMeta),
  value(
    2,
    'spec',
    ref(
      message('ResourceQuotaSpec', [
        map(1, 'hard', 'quantity'),
        list(2, 'scopes', 'string'),
        pointer(
          3,
          'scopeSelector',
          ref(
            message('ScopeSelector', [
              list(1, 'matchExpressions', ref(SCOPED_RESOURCE_SELECTOR_REQUIREMENT)),
            ]),
          ),
        ),
      ]),
    ),
  ),
  value(
    3,
    'status',
    ref(message('ResourceQuotaStatus', [map(1, 'hard', 'quantity'), map(2, 'used', 'quantity')])),
  ),
]);

const CONTAINER_PORT = message('ContainerPort', [
  value(1, 'name', 'string'),
  value(2, 'hostPort', 'int32'),
  value(3, 'containerPort', 'int32', 'keep'),
  value(4, 'protocol', 'string'),
  value(5, 'hostIP', 'string'),
]);

const ENV_VAR = message('EnvVar', [value(1, 'name', 'string', 'keep'), value(2, 'value', 'string')]);

const RESOURCE_REQUIREMENTS = message('ResourceRequirements', [
  map(1, 'limits', 'quantity'),
  map(2, 'requests', 'quantity'),
  list(
    3,
    'claims',
    ref(message('ResourceClaim', [value(1, 'name', 'string', 'keep'), value(2, 'request', 'string')])),
  ),
]);

const CONTAINER = message('Container', [
  value(1, 'name', 'string', 'keep'),
  value(2, 'image', 'string'),
  list(3, 'command', 'string'),
  list(4, 'args', 'string'),
  value(5, 'workingDir', 'string'),
  list(6, 'ports', ref(CONTAINER_PORT)),
  list(7, 'env', ref(ENV_VAR)),
  value(8, 'resources', ref(RESOURCE_REQUIREMENTS)),
  pointer(24, 'restartPolicy', 'string'),
  value(13, 'terminationMessagePath', 'string'),
  value(20, 'terminationMessagePolicy', 'string'),
  value(14, 'imagePullPolicy', 'string'),
  value(16, 'stdin', 'bool'),
  value(17, 'stdinOnce', 'bool'),
  value(18, 'tty', 'bool'),
]);

const TOLERATION = message('Toleration', [
  value(1, 'key', 'string'),
  value(2, 'operator', 'string'),
  value(3, 'value', 'string'),
  value(4, 'effect', 'string'),
  pointer(5, 'tolerationSeconds', 'int64'),
]);

const POD_SPEC = message('PodSpec', [
  list(20, 'initContainers', ref(CONTAINER)),
  list(2, 'containers', ref(CONTAINER), 'keep'),
  value(3, 'restartPolicy', 'string'),
  pointer(4, 'terminationGracePeriodSeconds', 'int64'),
  pointer(5, 'activeDeadlineSeconds', 'int64'),
  value(6, 'dnsPolicy', 'string'),
  map(7, 'nodeSelector', 'string'),
  value(8, 'serviceAccountName', 'string'),
  value(9, 'serviceAccount', 'string'),
  pointer(21, 'automountServiceAccountToken', 'bool'),
  value(10, 'nodeName', 'string'),
  value(11, 'hostNetwork', 'bool'),
  value(12, 'hostPID', 'bool'),
  value(13, 'hostIPC', 'bool'),
  pointer(27, 'shareProcessNamespace', 'bool'),
  list(15, 'imagePullSecrets', ref(LOCAL_OBJECT_REFERENCE)),
  value(16, 'hostname', 'string'),
  value(17, 'subdomain', 'string'),
  value(19, 'schedulerName', 'string'),
  list(22, 'tolerations', ref(TOLERATION)),
  value(24, 'priorityClassName', 'string'),
  pointer(25, 'priority', 'int32'),
  pointer(29, 'runtimeClassName', 'string'),
  pointer(30, 'enableServiceLinks', 'bool'),
  pointer(31, 'preemptionPolicy', 'string'),
  map(32, 'overhead', 'quantity'),
  pointer(35, 'setHostnameAsFQDN', 'bool'),
  pointer(37, 'hostUsers', 'bool'),
  pointer(40, 'resources', ref(RESOURCE_REQUIREMENTS)),
]);

const POD_TEMPLATE_SPEC = message('PodTemplateSpec', [
  value(1, 'metadata', ObjectMeta),
  value(2, 'spec', ref(POD_SPEC)),
]);
