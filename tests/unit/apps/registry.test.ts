import { describe, expect, it } from 'vitest';
import { imageID, parseReference, resolveImage } from '../../../sandbox/apps/registry';

describe('image references', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['luksa/kubia', 'docker.io/luksa/kubia:latest'],
    ['luksa/kubia:v1', 'docker.io/luksa/kubia:v1'],
    ['docker.io/luksa/kubia:v2', 'docker.io/luksa/kubia:v2'],
    ['index.docker.io/library/busybox:1.37', 'docker.io/library/busybox:1.37'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
  ])('normalises %s to %s', (ref, normalized) => {
    expect(parseReference(ref)?.normalized).toBe(normalized);
  });

  it.each(['Nginx', 'nginx:', 'nginx@sha256:12', 'a//b', ''])('rejects %s', (ref) => {
    expect(parseReference(ref)).toBeUndefined();
  });
});

describe('the registry', () => {
  it('knows the lesson images with digests and sizes', () => {
    for (const ref of [
      'luksa/kubia:v1',
      'luksa/kubia:v2',
      'luksa/kubia:v3',
      'luksa/kubia:v4',
      'luksa/kubia',
      'nginx',
      'nginx:1.27',
      'httpd',
      'busybox',
    ]) {
      const r = resolveImage(ref);
      expect(r.ok, ref).toBe(true);
      if (r.ok) {
        expect(r.image.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(r.image.size).toBeGreaterThan(1_000_000);
      }
    }
    const v1 = resolveImage('luksa/kubia:v1');
    const again = resolveImage('docker.io/luksa/kubia:v1');
    expect(v1.ok && again.ok && v1.image.digest === again.image.digest).toBe(true);
    if (v1.ok) expect(imageID(v1.image)).toBe(`docker.io/luksa/kubia@${v1.image.digest}`);
  });

  it('fails an unknown tag with NotFound and an unknown repository with pull access denied', () => {
    expect(resolveImage('luksa/kubia:v9')).toEqual({
      ok: false,
      reason: 'ErrImagePull',
      error:
        'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/luksa/kubia:v9": failed to resolve reference "docker.io/luksa/kubia:v9": docker.io/luksa/kubia:v9: not found',
    });
    const r = resolveImage('nginxx:1.0');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toContain('pull access denied, repository does not exist or may require authorization');
    const bad = resolveImage('NGINX');
    expect(bad.ok === false && bad.reason).toBe('InvalidImageName');
  });
});
