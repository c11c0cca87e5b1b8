/** Field schemas: core/v1 security contexts of pods and containers. */
import { bool, core, enumOf, int64, listOf, named, ref, str, struct } from './build';
import {
  APP_ARMOR_PROFILE_TYPE,
  POD_FS_GROUP_CHANGE_POLICY,
  PROC_MOUNT_TYPE,
  SECCOMP_PROFILE_TYPE,
  SUPPLEMENTAL_GROUPS_POLICY,
} from './enums';
import type { TypeSchema } from './types';

export const CORE_SECURITY_TYPES: TypeSchema[] = [
  struct(core('SecurityContext'), {
    capabilities: ref(core('Capabilities')),
    privileged: bool(),
    seLinuxOptions: ref(core('SELinuxOptions')),
    windowsOptions: ref(core('WindowsSecurityContextOptions')),
    runAsUser: int64(),
    runAsGroup: int64(),
    runAsNonRoot: bool(),
    readOnlyRootFilesystem: bool(),
    allowPrivilegeEscalation: bool(),
    procMount: enumOf('v1.ProcMountType', PROC_MOUNT_TYPE),
    seccompProfile: ref(core('SeccompProfile')),
    appArmorProfile: ref(core('AppArmorProfile')),
  }),
  struct(core('Capabilities'), {
    add: listOf(named('v1.Capability'), { listType: 'atomic' }),
    drop: listOf(named('v1.Capability'), { listType: 'atomic' }),
  }),
  struct(core('SELinuxOptions'), {
    user: str(),
    role: str(),
    type: str(),
    level: str(),
  }),
  struct(core('WindowsSecurityContextOptions'), {
    gmsaCredentialSpecName: str(),
    gmsaCredentialSpec: str(),
    runAsUserName: str(),
    hostProcess: bool(),
  }),
  struct(
    core('SeccompProfile'),
    {
      type: enumOf('v1.SeccompProfileType', SECCOMP_PROFILE_TYPE),
      localhostProfile: str(),
    },
    { required: ['type'] },
  ),
  struct(
    core('AppArmorProfile'),
    {
      type: enumOf('v1.AppArmorProfileType', APP_ARMOR_PROFILE_TYPE),
      localhostProfile: str(),
    },
    { required: ['type'] },
  ),
  struct(core('PodSecurityContext'), {
    seLinuxOptions: ref(core('SELinuxOptions')),
    windowsOptions: ref(core('WindowsSecurityContextOptions')),
    runAsUser: int64(),
    runAsGroup: int64(),
    runAsNonRoot: bool(),
    supplementalGroups: listOf(int64(), { listType: 'atomic' }),
    supplementalGroupsPolicy: enumOf('v1.SupplementalGroupsPolicy', SUPPLEMENTAL_GROUPS_POLICY),
    fsGroup: int64(),
    sysctls: listOf(ref(core('Sysctl')), { listType: 'atomic' }),
    fsGroupChangePolicy: enumOf('v1.PodFSGroupChangePolicy', POD_FS_GROUP_CHANGE_POLICY),
    seccompProfile: ref(core('SeccompProfile')),
    appArmorProfile: ref(core('AppArmorProfile')),
    seLinuxChangePolicy: named('v1.PodSELinuxChangePolicy'),
  }),
  struct(
    core('Sysctl'),
    {
      name: str(),
      value: str(),
    },
    { required: ['name', 'value'] },
  ),
];
