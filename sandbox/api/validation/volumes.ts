/**
 * Pod volumes (ValidateVolumes): unique DNS-1123 label names and exactly one source. The sources
 * lessons use (emptyDir, hostPath, secret, configMap, persistentVolumeClaim, downwardAPI,
 * projected) are checked in detail; the others only count as a source.
 */
import {
  child,
  duplicateError,
  forbiddenError,
  index,
  invalidError,
  notSupportedError,
  requiredError,
  type FieldError,
} from './field';
import { goInt, goString, goStringPtr } from './gofmt';
import { isRecord, num, optNum, optRec, rec, recList, str, type JsonMap } from './json';
import { isDNS1123Label } from './names';
import { parseQuantity } from './quantity';

const FILE_MODE_MSG = 'must be a number between 0 and 0777 (octal), both inclusive';

/** The VolumeSource members in the order upstream checks them, with the path it uses for each. */
const SOURCES: Array<[string, string]> = [
  ['emptyDir', 'emptyDir'],
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI'],
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

function isAbs(p: string): boolean {
  return p.startsWith('/');
}

function validatePathNoBacksteps(p: string, path: string): FieldError[] {
  return p.split('/').includes('..') ? [invalidError(path, goString(p), "must not contain '..'")] : [];
}

export function validateLocalDescendingPath(p: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (isAbs(p)) errs.push(invalidError(path, goString(p), 'must be a relative path'));
  errs.push(...validatePathNoBacksteps(p, path));
  return errs;
}

export function validateLocalNonReservedPath(p: string, path: string): FieldError[] {
  const errs = validateLocalDescendingPath(p, path);
  if (p.startsWith('..') && !p.startsWith('../'))
    errs.push(invalidError(path, goString(p), "must not start with '..'"));
  return errs;
}

function validateMode(mode: unknown, path: string): FieldError[] {
  const m = optNum(mode);
  return m !== undefined && (m > 0o777 || m < 0) ? [invalidError(path, goInt(m), FILE_MODE_MSG)] : [];
}

function validateKeyToPath(kp: JsonMap, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!str(kp.key)) errs.push(requiredError(child(path, 'key')));
  if (!str(kp.path)) errs.push(requiredError(child(path, 'path')));
  errs.push(...validateLocalNonReservedPath(str(kp.path), child(path, 'path')));
  errs.push(...validateMode(kp.mode, child(path, 'mode')));
  return errs;
}

const DOWNWARD_VOLUME_FIELDS = [
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
];

function validateDownwardAPIFile(file: JsonMap, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!str(file.path)) errs.push(requiredError(child(path, 'path')));
  errs.push(...validateLocalNonReservedPath(str(file.path), child(path, 'path')));
  const fieldRef = optRec(file.fieldRef);
  if (fieldRef) {
    const fp = str(fieldRef.fieldPath);
    const base = fp.replace(/\[.*\]$/, '');
    if (!str(fieldRef.apiVersion)) errs.push(requiredError(child(path, 'fieldRef', 'apiVersion')));
    else if (!fp) errs.push(requiredError(child(path, 'fieldRef', 'fieldPath')));
    else if (!DOWNWARD_VOLUME_FIELDS.includes(base)) {
      errs.push(
        notSupportedError(child(path, 'fieldRef', 'fieldPath'), goString(fp), DOWNWARD_VOLUME_FIELDS),
      );
    }
    if (isRecord(file.resourceFieldRef)) {
      errs.push(
        invalidError(
          path,
          goString('resource'),
          'fieldRef and resourceFieldRef can not be specified simultaneously',
        ),
      );
    }
  } else if (isRecord(file.resourceFieldRef)) {
    const r = rec(file.resourceFieldRef);
    if (!str(r.containerName)) errs.push(requiredError(child(path, 'resourceFieldRef', 'containerName')));
    else if (!str(r.resource)) errs.push(requiredError(child(path, 'resourceFieldRef', 'resource')));
  } else {
    errs.push(requiredError(path, 'one of fieldRef and resourceFieldRef is required'));
  }
  errs.push(...validateMode(file.mode, child(path, 'mode')));
  return errs;
}

function validateProjected(p: JsonMap, path: string): FieldError[] {
  const errs = validateMode(p.defaultMode, child(path, 'defaultMode'));
  const paths = new Set<string>();
  const claim = (value: string, dupValue: string): void => {
    if (!value) return;
    if (paths.has(value)) errs.push(invalidError(path, goString(dupValue), 'conflicting duplicate paths'));
    else paths.add(value);
  };
  recList(p.sources).forEach((source, i) => {
    const srcPath = index(child(path, 'sources'), i);
    let count = 0;
    for (const kind of ['secret', 'configMap'] as const) {
      const s = optRec(source[kind]);
      if (!s) continue;
      count++;
      const kindPath = child(srcPath, kind);
      if (!str(s.name)) errs.push(requiredError(child(kindPath, 'name')));
      recList(s.items).forEach((kp, j) => {
        errs.push(...validateKeyToPath(kp, index(child(kindPath, 'items'), j)));
        claim(str(kp.path), str(s.name));
      });
    }
    const downward = optRec(source.downwardAPI);
    if (downward) {
      count++;
      for (const file of recList(downward.items)) {
        errs.push(...validateDownwardAPIFile(file, child(srcPath, 'downwardAPI')));
        claim(str(file.path), str(file.path));
      }
    }
    const token = optRec(source.serviceAccountToken);
    if (token) {
      count++;
      const seconds = num(token.expirationSeconds);
      const secondsPath = child(srcPath, 'serviceAccountToken', 'expirationSeconds');
      if (seconds < 600)
        errs.push(
          invalidError(secondsPath, goInt(seconds), 'may not specify a duration less than 10 minutes'),
        );
      if (seconds > 2 ** 32)
        errs.push(
          invalidError(secondsPath, goInt(seconds), 'may not specify a duration larger than 2^32 seconds'),
        );
      if (!str(token.path)) errs.push(requiredError(child(path, 'path')));
      else errs.push(...validateLocalNonReservedPath(str(token.path), child(path, 'path')));
    }
    if (isRecord(source.clusterTrustBundle)) count++;
    if (count > 1) errs.push(forbiddenError(srcPath, 'may not specify more than 1 volume type'));
  });
  return errs;
}

const HOST_PATH_TYPES = [
  '',
  'BlockDevice',
  'CharDevice',
  'Directory',
  'DirectoryOrCreate',
  'File',
  'FileOrCreate',
  'Socket',
];

function validateSource(kind: string, s: JsonMap, path: string): FieldError[] {
  const errs: FieldError[] = [];
  switch (kind) {
    case 'emptyDir': {
      const q = s.sizeLimit === undefined || s.sizeLimit === null ? undefined : parseQuantity(s.sizeLimit);
      if (q && q.value < 0)
        errs.push(
          forbiddenError(child(path, 'sizeLimit'), 'SizeLimit field must be a valid resource quantity'),
        );
      break;
    }
    case 'hostPath': {
      if (!str(s.path)) return [requiredError(child(path, 'path'))];
      errs.push(...validatePathNoBacksteps(str(s.path), child(path, 'path')));
      if (typeof s.type === 'string' && !HOST_PATH_TYPES.includes(s.type)) {
        errs.push(notSupportedError(child(path, 'type'), goStringPtr(s.type), HOST_PATH_TYPES));
      }
      break;
    }
    case 'secret':
    case 'configMap': {
      const nameField = kind === 'secret' ? 'secretName' : 'name';
      if (!str(s[nameField])) errs.push(requiredError(child(path, nameField)));
      errs.push(...validateMode(s.defaultMode, child(path, 'defaultMode')));
      recList(s.items).forEach((kp, i) =>
        errs.push(...validateKeyToPath(kp, index(child(path, 'items'), i))),
      );
      break;
    }
    case 'persistentVolumeClaim':
      if (!str(s.claimName)) errs.push(requiredError(child(path, 'claimName')));
      break;
    case 'downwardAPI':
      errs.push(...validateMode(s.defaultMode, child(path, 'defaultMode')));
      for (const file of recList(s.items)) errs.push(...validateDownwardAPIFile(file, path));
      break;
    case 'projected':
      errs.push(...validateProjected(s, path));
      break;
    default:
      break;
  }
  return errs;
}

function validateVolumeSource(volume: JsonMap, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const [kind, forbiddenPath] of SOURCES) {
    const s = optRec(volume[kind]);
    if (!s) continue;
    if (count > 0) {
      errs.push(forbiddenError(child(path, forbiddenPath), 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    errs.push(...validateSource(kind, s, child(path, kind)));
  }
  if (count === 0) errs.push(requiredError(path, 'must specify a volume type'));
  return errs;
}

/** ValidateVolumes: the errors, and the names of the volumes that validated (mounts must name one). */
export function validateVolumes(
  volumes: unknown,
  path: string,
): { names: Set<string>; errors: FieldError[] } {
  const names = new Set<string>();
  const errors: FieldError[] = [];
  recList(volumes).forEach((vol, i) => {
    const p = index(path, i);
    const namePath = child(p, 'name');
    const name = str(vol.name);
    const el = validateVolumeSource(vol, p);
    if (!name) el.push(requiredError(namePath));
    else for (const m of isDNS1123Label(name)) el.push(invalidError(namePath, goString(name), m));
    if (names.has(name)) el.push(duplicateError(namePath, goString(name)));
    if (el.length === 0) names.add(name);
    else errors.push(...el);
  });
  return { names, errors };
}
