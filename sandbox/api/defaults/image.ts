/**
 * The image pull policy default: `Always` when the reference's tag is `latest`, or when it has
 * neither tag nor digest (the tag then defaults to `latest`); otherwise `IfNotPresent`. A
 * reference that does not parse (upper case, spaces...) has no tag, so it gets `IfNotPresent`.
 */

const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(
  `^((?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`,
);

export interface ImageReference {
  name: string;
  tag: string;
  digest: string;
}

/** A docker reference as parsers.ParseImageName reads it (tag defaults to `latest`). */
export function parseImageReference(image: string): ImageReference | undefined {
  const m = REFERENCE.exec(image);
  if (!m) return undefined;
  const name = m[1];
  if (name.length > 255 || /^[a-f0-9]{64}$/.test(name)) return undefined;
  const digest = m[3] ?? '';
  if (digest.startsWith('sha256:') && digest.length !== 'sha256:'.length + 64) return undefined;
  const tag = m[2] ?? (digest ? '' : 'latest');
  return { name, tag, digest };
}

export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  return parseImageReference(image)?.tag === 'latest' ? 'Always' : 'IfNotPresent';
}
