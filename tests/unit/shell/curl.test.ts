import { describe, expect, it } from 'vitest';
import type { HttpOutcome, HttpRequestSpec, ShellNetwork } from '../../../sandbox/shell/net';
import { makeShell, sh } from './helpers';

function fakeNetwork(
  answer: (req: HttpRequestSpec) => HttpOutcome,
): ShellNetwork & { seen: HttpRequestSpec[] } {
  const seen: HttpRequestSpec[] = [];
  return {
    seen,
    request: async (req) => {
      seen.push(req);
      return answer(req);
    },
  };
}

const kubia = (): HttpOutcome => ({
  ok: true,
  status: 200,
  headers: {
    Date: 'Fri, 27 Nov 2026 02:03:12 GMT',
    Connection: 'keep-alive',
    'Transfer-Encoding': 'chunked',
  },
  body: 'This is v1 running in pod kubia-1506449474-otnnh\n',
  remoteAddr: '34.64.140.187',
});
const refused: HttpOutcome = {
  ok: false,
  exitCode: 7,
  message: "Failed to connect to 34.64.140.187 port 80 after 31 ms: Couldn't connect to server",
};

async function curl(cmd: string, answer: (req: HttpRequestSpec) => HttpOutcome = kubia) {
  const network = fakeNetwork(answer);
  const { shell, clock, fs } = makeShell({ network });
  const r = await sh(shell, clock, cmd);
  return { ...r, seen: network.seen, fs };
}

describe('curl', () => {
  it('prints the body', async () => {
    const r = await curl('curl http://34.64.140.187');
    expect(r).toMatchObject({ code: 0, out: 'This is v1 running in pod kubia-1506449474-otnnh\n', err: '' });
    expect(r.seen[0]).toMatchObject({
      url: 'http://34.64.140.187',
      method: 'GET',
      headers: { Host: '34.64.140.187', 'User-Agent': 'curl/8.5.0', Accept: '*/*' },
    });
  });

  it('errors: text on stderr and exit code; -s hides them, -sS shows them', async () => {
    const err =
      "curl: (7) Failed to connect to 34.64.140.187 port 80 after 31 ms: Couldn't connect to server\n";
    expect(await curl('curl http://34.64.140.187', () => refused)).toMatchObject({ code: 7, out: '', err });
    expect(await curl('curl -s http://34.64.140.187', () => refused)).toMatchObject({ code: 7, err: '' });
    expect(await curl('curl -sS http://34.64.140.187', () => refused)).toMatchObject({ code: 7, err });
  });

  it('-v: request and response lines', async () => {
    const r = await curl('curl -v 34.64.140.187');
    expect(r.err).toBe(
      [
        '*   Trying 34.64.140.187:80...',
        '* Connected to 34.64.140.187 (34.64.140.187) port 80',
        '> GET / HTTP/1.1',
        '> Host: 34.64.140.187',
        '> User-Agent: curl/8.5.0',
        '> Accept: */*',
        '> ',
        '< HTTP/1.1 200 OK',
        '< Date: Fri, 27 Nov 2026 02:03:12 GMT',
        '< Connection: keep-alive',
        '< Transfer-Encoding: chunked',
        '< ',
        '* Connection #0 to host 34.64.140.187 left intact',
        '',
      ].join('\n'),
    );
    expect(r.out).toBe('This is v1 running in pod kubia-1506449474-otnnh\n');
    const e = await curl('curl -v http://34.64.140.187', () => refused);
    expect(e.err).toContain('* connect to 34.64.140.187 port 80 failed: Connection refused\n');
  });

  it('-i and -I include headers', async () => {
    const head =
      'HTTP/1.1 200 OK\nDate: Fri, 27 Nov 2026 02:03:12 GMT\nConnection: keep-alive\nTransfer-Encoding: chunked\n\n';
    expect((await curl('curl -i http://34.64.140.187')).out).toBe(
      head + 'This is v1 running in pod kubia-1506449474-otnnh\n',
    );
    const r = await curl('curl -I http://34.64.140.187');
    expect(r.out).toBe(head);
    expect(r.seen[0].method).toBe('HEAD');
  });

  it('-m, -X, -H, -d, -o, -w, -f', async () => {
    const r = await curl(
      "curl -m 2 -X PUT -H 'X-Test: 1' -d a=1 -o out.txt -w '%{http_code}\\n' http://x/api",
    );
    expect(r.seen[0]).toMatchObject({ method: 'PUT', timeoutMs: 2000, body: 'a=1' });
    expect(r.seen[0].headers).toMatchObject({
      'X-Test': '1',
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(r.out).toBe('200\n');
    expect(r.fs.readFile('/home/learner/out.txt')).toBe('This is v1 running in pod kubia-1506449474-otnnh\n');
    const notFound = (): HttpOutcome => ({ ok: true, status: 404, headers: {}, body: 'nope' });
    expect(await curl('curl -f http://x/', notFound)).toMatchObject({
      code: 22,
      out: '',
      err: 'curl: (22) The requested URL returned error: 404\n',
    });
    expect(await curl('curl -s -o /dev/null -w "%{http_code}" http://x/', notFound)).toMatchObject({
      out: '404',
    });
  });

  it('a curl loop: sleep, curl, Ctrl+C', async () => {
    let n = 0;
    const network = fakeNetwork(() => ({ ok: true, status: 200, headers: {}, body: `hit ${++n}\n` }));
    const { shell, clock } = makeShell({ network });
    let out = '';
    const run = shell.run('while true; do sleep 1; curl http://34.64.140.187; done', {
      stdout: { write: (t) => (out += t) },
      stderr: { write: () => {} },
    });
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setImmediate(r));
      clock.advance(1);
    }
    await new Promise((r) => setImmediate(r));
    shell.interrupt();
    expect(await run).toBe(130);
    expect(out).toBe('hit 1\nhit 2\nhit 3\n');
  });

  it('usage errors', async () => {
    expect((await curl('curl')).err).toBe(
      "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
    );
    expect((await curl('curl -Z x')).code).toBe(2);
  });

  it('progress meter on stderr when the body goes to a pipe or file', async () => {
    const r = await curl('curl http://34.64.140.187 | cat');
    expect(r.out).toBe('This is v1 running in pod kubia-1506449474-otnnh\n');
    expect(r.err).toBe(
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
        '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
        '100    49  100    49    0     0     49      0 --:--:-- --:--:-- --:--:--    49\n',
    );
    expect((await curl('curl -s http://x | cat')).err).toBe('');
  });
});
