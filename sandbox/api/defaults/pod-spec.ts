/**
 * PodSpec defaulting, shared by Pods and every pod template (Deployment, ReplicaSet,
 * ReplicationController): restartPolicy Always, dnsPolicy ClusterFirst, grace period 30,
 * default-scheduler, `securityContext: {}`, serviceAccount mirrored from serviceAccountName (the
 * v1 conversion), volume defaults (emptyDir when no source, file modes 0644), and containers.
 */
import { defaultContainer, defaultFieldRef } from './container';
import { ensureMap, isMap, maps, setIfEmpty, setIfUnset, type JsonMap } from './json';

export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';
/** 0644, the default mode of secret, configMap, downwardAPI and projected volumes. */
export const DEFAULT_FILE_MODE = 0o644;

const VOLUME_SOURCES = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
];

export function defaultVolume(v: JsonMap): void {
  if (!VOLUME_SOURCES.some((s) => isMap(v[s]))) v.emptyDir = {};
  for (const s of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const src = v[s];
    if (isMap(src)) setIfUnset(src, 'defaultMode', DEFAULT_FILE_MODE);
  }
  if (isMap(v.hostPath)) setIfUnset(v.hostPath, 'type', '');
  if (isMap(v.downwardAPI)) for (const item of maps(v.downwardAPI.items)) defaultFieldRef(item);
  if (isMap(v.projected)) {
    for (const source of maps(v.projected.sources)) {
      if (isMap(source.serviceAccountToken))
        setIfUnset(source.serviceAccountToken, 'expirationSeconds', 3600);
      if (isMap(source.downwardAPI)) for (const item of maps(source.downwardAPI.items)) defaultFieldRef(item);
    }
  }
}

export function defaultPodSpec(spec: JsonMap): void {
  setIfEmpty(spec, 'dnsPolicy', 'ClusterFirst');
  setIfEmpty(spec, 'restartPolicy', 'Always');
  if (!isMap(spec.securityContext)) spec.securityContext = {};
  setIfUnset(spec, 'terminationGracePeriodSeconds', DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS);
  setIfEmpty(spec, 'schedulerName', DEFAULT_SCHEDULER_NAME);
  // v1 conversion: serviceAccount is a deprecated alias; serviceAccountName wins and is mirrored back.
  const sa = spec.serviceAccountName || spec.serviceAccount;
  if (typeof sa === 'string' && sa) {
    spec.serviceAccountName = sa;
    spec.serviceAccount = sa;
  } else delete spec.serviceAccount;
  for (const v of maps(spec.volumes)) defaultVolume(v);
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const c of maps(spec[list])) defaultContainer(c);
  }
}

/** A PodTemplateSpec: its spec always exists in Go, so it is created and defaulted. */
export function defaultPodTemplate(template: JsonMap): void {
  defaultPodSpec(ensureMap(template, 'spec'));
}
