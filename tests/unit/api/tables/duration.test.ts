import { describe, expect, it } from 'vitest';
import {
  formatRFC3339,
  humanDuration,
  parseTime,
  translateTimestampSince,
} from '../../../../sandbox/api/tables/duration';
import { DAY, HOUR, MINUTE, NOW, SECOND, ago } from './fixtures';

const YEAR = 365 * DAY;

describe('humanDuration (apimachinery HumanDuration)', () => {
  it.each([
    [-2 * SECOND, '<invalid>'],
    [-1999, '0s'],
    [-1 * SECOND, '0s'],
    [-1, '0s'],
    [0, '0s'],
    [999, '0s'],
    [4 * SECOND, '4s'],
    [61 * SECOND, '61s'],
    [119 * SECOND + 999, '119s'],
    [2 * MINUTE, '2m'],
    [2 * MINUTE + SECOND, '2m1s'],
    [2 * MINUTE + 8 * SECOND, '2m8s'],
    [3 * MINUTE + 10 * SECOND, '3m10s'],
    [9 * MINUTE + 59 * SECOND, '9m59s'],
    [10 * MINUTE, '10m'],
    [10 * MINUTE + 59 * SECOND, '10m'],
    [21 * MINUTE, '21m'],
    [60 * MINUTE, '60m'],
    [179 * MINUTE + 59 * SECOND, '179m'],
    [3 * HOUR, '3h'],
    [3 * HOUR + MINUTE, '3h1m'],
    [3 * HOUR + 10 * MINUTE, '3h10m'],
    [7 * HOUR + 59 * MINUTE, '7h59m'],
    [8 * HOUR, '8h'],
    [47 * HOUR + 59 * MINUTE, '47h'],
    [2 * DAY, '2d'],
    [2 * DAY + HOUR, '2d1h'],
    [2 * DAY + 3 * HOUR, '2d3h'],
    [3 * DAY + 5 * HOUR, '3d5h'],
    [7 * DAY + 23 * HOUR, '7d23h'],
    [8 * DAY, '8d'],
    [729 * DAY + 23 * HOUR, '729d'],
    [2 * YEAR, '2y'],
    [2 * YEAR + DAY, '2y1d'],
    [7 * YEAR + 364 * DAY, '7y364d'],
    [8 * YEAR, '8y'],
    [8 * YEAR + 200 * DAY, '8y'],
  ])('%i ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe('translateTimestampSince', () => {
  it('is HumanDuration of now − timestamp', () => {
    expect(translateTimestampSince(ago(2 * MINUTE + 9 * SECOND), NOW)).toBe('2m9s');
  });

  it.each([undefined, null, '', '0001-01-01T00:00:00Z', 'not a time'])('%j → <unknown>', (ts) => {
    expect(translateTimestampSince(ts, NOW)).toBe('<unknown>');
  });

  it('reads MicroTime (fractional seconds)', () => {
    expect(parseTime('2024-06-01T11:59:55.123456Z')).toBe(NOW - 4877);
    expect(translateTimestampSince('2024-06-01T11:59:55.123456Z', NOW)).toBe('4s');
  });

  it('a timestamp in the future beyond the 2s tolerance is <invalid>', () => {
    expect(translateTimestampSince(ago(-5 * SECOND), NOW)).toBe('<invalid>');
  });
});

describe('formatRFC3339 (default table Created At)', () => {
  it('prints whole seconds in UTC', () => {
    expect(formatRFC3339('2024-06-01T14:00:00+02:00')).toBe('2024-06-01T12:00:00Z');
    expect(formatRFC3339('2024-06-01T12:00:00.750Z')).toBe('2024-06-01T12:00:00Z');
  });
  it('prints the zero time when unset', () => {
    expect(formatRFC3339(undefined)).toBe('0001-01-01T00:00:00Z');
  });
});
