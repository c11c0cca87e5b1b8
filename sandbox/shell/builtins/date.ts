import type { Builtin } from '../context';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

/** `Fri Nov 27 02:03:12 UTC 2026` (coreutils date, C locale, UTC); `withZone: false` is ctime's form. */
export function formatDate(ms: number, withZone = true): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2, ' ');
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${day} ${time}${withZone ? ' UTC' : ''} ${d.getUTCFullYear()}`;
}

export const date: Builtin = async (argv, io, sh) => {
  const now = sh.clock.now();
  const fmt = argv.slice(1).find((a) => a.startsWith('+'));
  if (argv.includes('-u') || argv.length === 1 || !fmt) {
    if (!fmt) {
      io.stdout.write(formatDate(now) + '\n');
      return 0;
    }
  }
  const d = new Date(now);
  const out = fmt!.slice(1).replace(/%([a-zA-Z%])/g, (m, c: string) => {
    switch (c) {
      case 'Y':
        return String(d.getUTCFullYear());
      case 'm':
        return pad(d.getUTCMonth() + 1);
      case 'd':
        return pad(d.getUTCDate());
      case 'H':
        return pad(d.getUTCHours());
      case 'M':
        return pad(d.getUTCMinutes());
      case 'S':
        return pad(d.getUTCSeconds());
      case 's':
        return String(Math.floor(now / 1000));
      case 'T':
        return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
      case 'F':
        return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
      case 'N':
        return String((now % 1000) * 1_000_000).padStart(9, '0');
      case 'Z':
        return 'UTC';
      case 'a':
        return DAYS[d.getUTCDay()];
      case 'b':
        return MONTHS[d.getUTCMonth()];
      case '%':
        return '%';
    }
    return m;
  });
  io.stdout.write(out + '\n');
  return 0;
};
