/**
 * The image registry the simulated container runtime pulls from: reference parsing and
 * normalisation as containerd does it (`nginx` → `docker.io/library/nginx:latest`), the images the
 * lessons use with sizes and pull times, and the runtime's error texts for unknown images and tags.
 */
import type { AppFactory, ImageInfo, ImageLookup } from './types';
import { kubia } from './kubia';
import { nginx } from './nginx';
import { httpd } from './httpd';
import { busybox } from './busybox';

interface TagInfo {
  size: number;
  pullSeconds: number;
  start: AppFactory;
}

interface Repository {
  entrypoint: string[];
  cmd: string[];
  tags: Record<string, TagInfo>;
}

function tags(names: string[], info: (tag: string) => TagInfo): Record<string, TagInfo> {
  return Object.fromEntries(names.map((n) => [n, info(n)]));
}

const KUBIA_SIZE: Record<string, number> = {
  latest: 261_968_364,
  v1: 262_008_251,
  v2: 262_008_251,
  v3: 262_008_446,
  v4: 262_008_323,
};

const REPOSITORIES: Record<string, Repository> = {
  'docker.io/luksa/kubia': {
    entrypoint: ['node', 'app.js'],
    cmd: [],
    tags: tags(['latest', 'v1', 'v2', 'v3', 'v4'], (t) => ({
      size: KUBIA_SIZE[t],
      pullSeconds: 4.6,
      start: kubia(t as 'latest' | 'v1' | 'v2' | 'v3' | 'v4'),
    })),
  },
  'docker.io/luksa/kubia-unhealthy': {
    entrypoint: ['node', 'app.js'],
    cmd: [],
    tags: { latest: { size: 261_968_873, pullSeconds: 4.6, start: kubia('unhealthy') } },
  },
  'docker.io/library/nginx': {
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    tags: {
      ...tags(['latest', 'mainline', '1', '1.27', '1.27.3'], () => ({
        size: 72_099_410,
        pullSeconds: 2.4,
        start: nginx('1.27.3'),
      })),
      ...tags(['stable', '1.26', '1.26.2'], () => ({
        size: 71_066_217,
        pullSeconds: 2.4,
        start: nginx('1.26.2'),
      })),
      ...tags(['alpine', '1.27-alpine'], () => ({
        size: 20_499_372,
        pullSeconds: 1.1,
        start: nginx('1.27.3'),
      })),
    },
  },
  'docker.io/library/httpd': {
    entrypoint: [],
    cmd: ['httpd-foreground'],
    tags: tags(['latest', '2', '2.4', '2.4.62'], () => ({
      size: 58_383_491,
      pullSeconds: 2.1,
      start: httpd('2.4.62'),
    })),
  },
  'docker.io/library/busybox': {
    entrypoint: [],
    cmd: ['sh'],
    tags: tags(['latest', '1', '1.36', '1.37', '1.37.0'], () => ({
      size: 2_166_802,
      pullSeconds: 0.9,
      start: busybox,
    })),
  },
};

export interface ImageReference {
  /** `docker.io/library/nginx` */
  repository: string;
  tag: string;
  digest?: string;
  /** `docker.io/library/nginx:latest` (or `...@sha256:...` for a digest reference). */
  normalized: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/**
 * Answers per reference string (there are few distinct ones, and every container start asks):
 * frozen, as they are shared. Bounded, since references come from users.
 */
const MEMO_MAX = 1024;
const parsedRefs = new Map<string, Readonly<ImageReference> | undefined>();
const lookups = new Map<string, ImageLookup>();

function remember<V>(memo: Map<string, V>, key: string, value: V): V {
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, value);
  return value;
}

/** Parse and normalise a reference the way containerd does; undefined when malformed. */
export function parseReference(ref: string): Readonly<ImageReference> | undefined {
  if (parsedRefs.has(ref)) return parsedRefs.get(ref);
  const parsed = parse(ref);
  return remember(parsedRefs, ref, parsed && Object.freeze(parsed));
}

function parse(ref: string): ImageReference | undefined {
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }
  const parts = rest.split('/');
  let domain = 'docker.io';
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) {
    domain = parts.shift()!;
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && parts.length === 1) parts.unshift('library');
  if (parts.some((p) => !COMPONENT.test(p))) return undefined;
  const repository = `${domain}/${parts.join('/')}`;
  const finalTag = tag ?? (digest ? '' : 'latest');
  const normalized = digest
    ? `${repository}${finalTag ? ':' + finalTag : ''}@${digest}`
    : `${repository}:${finalTag}`;
  return { repository, tag: finalTag, digest, normalized };
}

/** A stable fake sha256 for a string (FNV-1a driven), so digests look real and never change. */
export function fakeDigest(seed: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let out = '';
  for (let i = 0; i < 8; i++) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ (i * 0x9e3779b9);
    h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
    out += ((h ^ (h >>> 15)) >>> 0).toString(16).padStart(8, '0');
  }
  return `sha256:${out}`;
}

function notFound(ref: string): string {
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
}

function accessDenied(ref: string): string {
  return `rpc error: code = Unknown desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
}

/** Look an image up as a pull would: the image, or the error the runtime reports. */
export function resolveImage(ref: string): ImageLookup {
  const known = lookups.get(ref);
  if (known) return known;
  const lookup = lookUp(ref);
  if (lookup.ok) Object.freeze(lookup.image);
  return remember(lookups, ref, Object.freeze(lookup));
}

function lookUp(ref: string): ImageLookup {
  const parsed = parseReference(ref);
  if (!parsed) {
    return {
      ok: false,
      reason: 'InvalidImageName',
      error: `Failed to apply default image tag "${ref}": couldn't parse image name "${ref}": invalid reference format`,
    };
  }
  const repo = REPOSITORIES[parsed.repository];
  if (!repo) return { ok: false, reason: 'ErrImagePull', error: accessDenied(parsed.normalized) };
  const tagName = parsed.tag || 'latest';
  const info = repo.tags[tagName];
  const digest = fakeDigest(`${parsed.repository}:${tagName}`);
  if (!info || (parsed.digest && parsed.digest !== digest)) {
    return { ok: false, reason: 'ErrImagePull', error: notFound(parsed.normalized) };
  }
  const image: ImageInfo = {
    ref: parsed.normalized,
    digest,
    size: info.size,
    pullSeconds: info.pullSeconds,
    entrypoint: repo.entrypoint,
    cmd: repo.cmd,
    start: info.start,
  };
  return { ok: true, image };
}

const imageIDs = new WeakMap<ImageInfo, string>();

/** `<repository>@<digest>`: what the kubelet reports as a container's imageID (every status write asks). */
export function imageID(image: ImageInfo): string {
  let id = imageIDs.get(image);
  if (id === undefined) {
    id = computeImageID(image);
    if (Object.isFrozen(image)) imageIDs.set(image, id);
  }
  return id;
}

function computeImageID(image: ImageInfo): string {
  const name = image.ref.split('@')[0];
  const colon = name.lastIndexOf(':');
  const repo = colon > name.lastIndexOf('/') ? name.slice(0, colon) : name;
  return `${repo}@${image.digest}`;
}
