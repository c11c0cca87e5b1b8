/** klog's line prefix (`E1126 23:13:03.234471   16229 run.go:72] `) on the virtual clock. */
const PID = 4242;

export function klogLine(now: number, level: 'E' | 'W' | 'I', where: string, text: string): string {
  const d = new Date(now);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const time = `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}000`;
  return `${level}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${time}   ${PID} ${where}] ${text}\n`;
}
