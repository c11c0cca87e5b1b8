import { describe, expect, it } from 'vitest';
import { canonicalQuantity } from '../../../../sandbox/api/tables/quantity';

describe('canonicalQuantity (Quantity.String)', () => {
  it.each<[string | number, string]>([
    ['0', '0'],
    ['0Gi', '0'],
    ['1', '1'],
    [10, '10'],
    ['100m', '100m'],
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['0.5', '500m'],
    ['1.5', '1500m'],
    ['.5', '500m'],
    ['1000', '1k'],
    ['1500', '1500'],
    ['1.5k', '1500'],
    ['2048', '2048'],
    ['1e3', '1e3'],
    ['1E3', '1e3'],
    ['1.5e3', '1500'],
    ['1k', '1k'],
    ['10M', '10M'],
    ['1G', '1G'],
    ['1Ki', '1Ki'],
    ['1024Ki', '1Mi'],
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['1.5Gi', '1536Mi'],
    ['0.5Gi', '512Mi'],
    ['0.5Ki', '512'],
    ['1025', '1025'],
    ['1Ti', '1Ti'],
    ['-1', '-1'],
    ['-500m', '-500m'],
    ['0.0000000001', '1n'],
    ['1.0000000001', '1000000001n'],
    ['nonsense', 'nonsense'],
  ])('%j → %s', (q, want) => {
    expect(canonicalQuantity(q)).toBe(want);
  });
});
