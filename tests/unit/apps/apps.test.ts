import { describe, expect, it } from 'vitest';
import { resolveImage } from '../../../sandbox/apps/registry';
import type { AppContext, AppInstance, HttpRequest } from '../../../sandbox/apps/types';

interface Run {
  app: AppInstance;
  log: string[];
  exits: number[];
  timers: Array<[number, () => void]>;
  tick(seconds: number): void;
}

function run(ref: string, argv?: string[], hostname = 'pod-1'): Run {
  const r = resolveImage(ref);
  if (!r.ok) throw new Error(r.error);
  const log: string[] = [];
  const exits: number[] = [];
  let now = Date.UTC(2026, 0, 1, 9);
  const timers: Array<[number, () => void]> = [];
  const ctx: AppContext = {
    hostname,
    podIP: '10.244.1.7',
    argv: argv ?? [...r.image.entrypoint, ...r.image.cmd],
    env: {},
    now: () => now,
    log: (l) => log.push(l),
    exit: (c) => exits.push(c),
    after: (s, fn) => timers.push([now + s * 1000, fn]),
  };
  const app = r.image.start(ctx);
  return {
    app,
    log,
    exits,
    timers,
    tick(seconds) {
      const target = now + seconds * 1000;
      for (;;) {
        timers.sort((a, b) => a[0] - b[0]);
        const t = timers[0];
        if (!t || t[0] > target) break;
        timers.shift();
        now = t[0];
        t[1]();
      }
      now = target;
    },
  };
}

const get = (remoteAddr = '10.244.2.3', path = '/'): HttpRequest => ({
  method: 'GET',
  path,
  headers: {},
  remoteAddr,
});

describe('kubia', () => {
  it('answers with its version and the pod name, logging each request like Node.js', () => {
    const k = run('luksa/kubia:v1', undefined, 'kubia-v1-lwrvp');
    expect(k.app.ports).toEqual([8080]);
    expect(k.app.handle(get(), 8080)).toMatchObject({
      status: 200,
      body: 'This is v1 running in pod kubia-v1-lwrvp\n',
    });
    expect(k.log).toEqual(['Kubia server starting...', 'Received request from ::ffff:10.244.2.3']);
    expect(run('luksa/kubia:v2', undefined, 'x').app.handle(get(), 8080).body).toBe(
      'This is v2 running in pod x\n',
    );
    expect(run('luksa/kubia:v4', undefined, 'x').app.handle(get(), 8080).body).toBe(
      'This is v4 running in pod x\n',
    );
    expect(k.app.onSigterm()).toBe('ignore');
  });

  it("latest is the chapter 2 app: You've hit <hostname>", () => {
    expect(run('luksa/kubia', undefined, 'kubia-abc').app.handle(get(), 8080).body).toBe(
      "You've hit kubia-abc\n",
    );
  });

  it('v3 fails from its fifth request on', () => {
    const k = run('luksa/kubia:v3', undefined, 'p');
    const answers = [1, 2, 3, 4, 5, 6].map(() => k.app.handle(get(), 8080));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 500, 500]);
    expect(answers[3].body).toBe('This is v3 running in pod p\n');
    expect(answers[4].body).toBe('Some internal error has occurred! This is pod p\n');
  });
});

describe('nginx and httpd', () => {
  it('nginx serves the welcome page, writes an access log and exits on SIGTERM', () => {
    const n = run('nginx:1.27');
    const res = n.app.handle({ ...get('10.244.1.1'), headers: { 'user-agent': 'curl/8.5.0' } }, 80);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Welcome to nginx!</title>');
    expect(n.log.at(-1)).toBe(
      `10.244.1.1 - - [01/Jan/2026:09:00:00 +0000] "GET / HTTP/1.1" 200 ${res.body.length} "-" "curl/8.5.0" "-"`,
    );
    expect(n.log[0]).toContain('/docker-entrypoint.sh');
    expect(n.app.onSigterm()).toBe('exit');
  });

  it('httpd says It works!', () => {
    const a = run('httpd');
    expect(a.app.handle(get(), 80).body).toBe('<html><body><h1>It works!</h1></body></html>\n');
    expect(a.app.onSigterm()).toBe('exit');
  });
});

describe('busybox', () => {
  it('exits at once with its default command (sh without a terminal)', () => {
    const b = run('busybox');
    b.tick(1);
    expect(b.exits).toEqual([0]);
  });

  it('runs sleep, then exits 0', () => {
    const b = run('busybox', ['sleep', '5']);
    b.tick(4);
    expect(b.exits).toEqual([]);
    b.tick(2);
    expect(b.exits).toEqual([0]);
    expect(b.app.onSigterm()).toBe('ignore');
  });

  it('runs sh -c scripts with echo, &&, ||, exit and loops', () => {
    const b = run('busybox', ['sh', '-c', 'echo "hello world"; false && echo no || echo yes; exit 3']);
    b.tick(1);
    expect(b.log).toEqual(['hello world', 'yes']);
    expect(b.exits).toEqual([3]);
    const loop = run('busybox', ['sh', '-c', 'while true; do echo tick; sleep 10; done']);
    loop.tick(35);
    expect(loop.log).toEqual(['tick', 'tick', 'tick', 'tick']);
    expect(loop.exits).toEqual([]);
  });

  it('keeps files for exec probes', () => {
    const b = run('busybox', ['sh', '-c', 'touch /run/healthy; sleep 30; rm -f /run/healthy; sleep 600']);
    expect(b.app.exec!(['cat', '/run/healthy']).code).toBe(0);
    b.tick(31);
    expect(b.app.exec!(['cat', '/run/healthy'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "cat: can't open '/run/healthy': No such file or directory\n",
    });
    expect(b.app.exec!(['sh', '-c', 'echo ok && exit 2'])).toEqual({ code: 2, stdout: 'ok\n', stderr: '' });
  });
});
