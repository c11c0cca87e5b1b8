/** Enum values of the string types that upstream marks `+enum`, sorted as the OpenAPI document lists them. */
export const APP_ARMOR_PROFILE_TYPE = ['Localhost', 'RuntimeDefault', 'Unconfined'] as const;
export const AZURE_DATA_DISK_CACHING_MODE = ['None', 'ReadOnly', 'ReadWrite'] as const;
export const AZURE_DATA_DISK_KIND = ['Dedicated', 'Managed', 'Shared'] as const;
export const DEPLOYMENT_STRATEGY_TYPE = ['Recreate', 'RollingUpdate'] as const;
export const DNS_POLICY = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] as const;
export const HOST_PATH_TYPE = [
  '',
  'BlockDevice',
  'CharDevice',
  'Directory',
  'DirectoryOrCreate',
  'File',
  'FileOrCreate',
  'Socket',
] as const;
export const IP_FAMILY = ['', 'IPv4', 'IPv6'] as const;
export const IP_FAMILY_POLICY = ['PreferDualStack', 'RequireDualStack', 'SingleStack'] as const;
export const MOUNT_PROPAGATION_MODE = ['Bidirectional', 'HostToContainer', 'None'] as const;
export const NAMESPACE_PHASE = ['Active', 'Terminating'] as const;
export const NODE_INCLUSION_POLICY = ['Honor', 'Ignore'] as const;
export const NODE_PHASE = ['Pending', 'Running', 'Terminated'] as const;
export const NODE_SELECTOR_OPERATOR = ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'] as const;
export const PERSISTENT_VOLUME_ACCESS_MODE = [
  'ReadOnlyMany',
  'ReadWriteMany',
  'ReadWriteOnce',
  'ReadWriteOncePod',
] as const;
export const PERSISTENT_VOLUME_MODE = ['Block', 'Filesystem'] as const;
export const POD_FS_GROUP_CHANGE_POLICY = ['Always', 'OnRootMismatch'] as const;
export const POD_PHASE = ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'] as const;
export const POD_QOS_CLASS = ['BestEffort', 'Burstable', 'Guaranteed'] as const;
export const PREEMPTION_POLICY = ['Never', 'PreemptLowerPriority'] as const;
export const PROC_MOUNT_TYPE = ['Default', 'Unmasked'] as const;
export const PROTOCOL = ['SCTP', 'TCP', 'UDP'] as const;
export const PULL_POLICY = ['Always', 'IfNotPresent', 'Never'] as const;
export const RESOURCE_QUOTA_SCOPE = [
  'BestEffort',
  'CrossNamespacePodAffinity',
  'NotBestEffort',
  'NotTerminating',
  'PriorityClass',
  'Terminating',
] as const;
export const RESTART_POLICY = ['Always', 'Never', 'OnFailure'] as const;
export const SCOPE_SELECTOR_OPERATOR = ['DoesNotExist', 'Exists', 'In', 'NotIn'] as const;
export const SECCOMP_PROFILE_TYPE = ['Localhost', 'RuntimeDefault', 'Unconfined'] as const;
export const SERVICE_AFFINITY = ['ClientIP', 'None'] as const;
export const SERVICE_EXTERNAL_TRAFFIC_POLICY = ['Cluster', 'Local'] as const;
export const SERVICE_INTERNAL_TRAFFIC_POLICY = ['Cluster', 'Local'] as const;
export const SERVICE_TYPE = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] as const;
export const SUPPLEMENTAL_GROUPS_POLICY = ['Merge', 'Strict'] as const;
export const TAINT_EFFECT = ['NoExecute', 'NoSchedule', 'PreferNoSchedule'] as const;
export const TERMINATION_MESSAGE_POLICY = ['FallbackToLogsOnError', 'File'] as const;
export const TOLERATION_OPERATOR = ['Equal', 'Exists'] as const;
export const UNSATISFIABLE_CONSTRAINT_ACTION = ['DoNotSchedule', 'ScheduleAnyway'] as const;
export const URI_SCHEME = ['HTTP', 'HTTPS'] as const;
