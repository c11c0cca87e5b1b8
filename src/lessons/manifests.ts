/** The manifests of content/manifests/, bundled as text (the site is static: no fetch at run time). */
const files = import.meta.glob('../../content/manifests/*.{yaml,yml,json}', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export const MANIFESTS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(files).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]),
);

export function manifest(name: string): string {
  const text = MANIFESTS[name];
  if (text === undefined) {
    throw new Error(
      `unknown manifest "${name}" (files in content/manifests/: ${Object.keys(MANIFESTS).join(', ')})`,
    );
  }
  return text;
}
