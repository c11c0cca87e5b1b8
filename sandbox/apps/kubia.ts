/**
 * luksa/kubia, the Node.js app of "Kubernetes in Action" (app.js, one file per tag). It listens on
 * 8080, logs `Kubia server starting...` and `Received request from <peer>` for every request
 * (probes included). `latest` is the chapter 2 app (`You've hit <hostname>`); v1, v2 and v4 answer
 * `This is vN running in pod <hostname>`; v3 answers HTTP 500 from its fifth request on (the
 * counter is per process, so per pod and reset by a restart). `kubia-unhealthy` (chapter 4) fails
 * after five requests. Node.js as PID 1 has no SIGTERM handler, so the pod takes its whole grace
 * period to stop.
 */
import type { AppContext, AppFactory, AppInstance, ExecResult, HttpRequest, HttpResponse } from './types';
import { execCommand, type ShellState } from './shell';
import { nodeJsAddress, text } from './http';

export type KubiaVariant = 'latest' | 'v1' | 'v2' | 'v3' | 'v4' | 'unhealthy';

function answer(variant: KubiaVariant, count: number, host: string): HttpResponse {
  switch (variant) {
    case 'latest':
      return text(200, `You've hit ${host}\n`);
    case 'v3':
      if (count >= 5) return text(500, `Some internal error has occurred! This is pod ${host}\n`);
      return text(200, `This is v3 running in pod ${host}\n`);
    case 'unhealthy':
      if (count > 5) return text(500, "I'm not well. Please restart me!");
      return text(200, `You've hit ${host}\n`);
    default:
      return text(200, `This is ${variant} running in pod ${host}\n`);
  }
}

export function kubia(variant: KubiaVariant): AppFactory {
  return (ctx: AppContext): AppInstance => {
    let requests = 0;
    const files: ShellState = { files: new Set(['/app.js', 'app.js']) };
    ctx.log('Kubia server starting...');
    return {
      ports: [8080],
      handle(req: HttpRequest): HttpResponse {
        ctx.log(`Received request from ${nodeJsAddress(req.remoteAddr)}`);
        requests += 1;
        return answer(variant, requests, ctx.hostname);
      },
      onSigterm: () => 'ignore',
      exec: (argv) => kubiaExec(argv, files, ctx),
      // node:7 is built on buildpack-deps, which has curl.
      tools: ['curl'],
    };
  };
}

/** The image's own environment (node:7's Dockerfile), after what the container spec sets. */
const IMAGE_ENV: Record<string, string> = {
  NPM_CONFIG_LOGLEVEL: 'info',
  NODE_VERSION: '7.10.1',
  YARN_VERSION: '0.24.4',
};

/**
 * `kubectl exec` into kubia: a Debian-based node:7 image, so `env`, `hostname`, `cat`, `echo`,
 * `date`, `node -v` and `sh -c` with those work; `/app.js` and `/etc/hostname` exist.
 */
function kubiaExec(argv: readonly string[], files: ShellState, ctx: AppContext): ExecResult {
  const [name, ...args] = argv;
  if (name === 'env' || name === 'printenv') {
    const env: Record<string, string> = { PATH: ctx.env.PATH ?? '', HOSTNAME: ctx.hostname, ...ctx.env };
    Object.assign(env, IMAGE_ENV, { HOME: '/root' });
    if (name === 'printenv' && args.length) {
      const found = args.filter((a) => a in env);
      return {
        code: found.length === args.length ? 0 : 1,
        stdout: found.map((a) => `${env[a]}\n`).join(''),
        stderr: '',
      };
    }
    return {
      code: 0,
      stdout: Object.entries(env)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(''),
      stderr: '',
    };
  }
  if (name === 'node' && (args[0] === '-v' || args[0] === '--version'))
    return { code: 0, stdout: 'v7.10.1\n', stderr: '' };
  if (name === 'cat') {
    let stdout = '';
    let stderr = '';
    for (const f of args) {
      if (f === '/etc/hostname') stdout += `${ctx.hostname}\n`;
      else if (!files.files.has(f)) stderr += `cat: ${f}: No such file or directory\n`;
    }
    return { code: stderr ? 1 : 0, stdout, stderr };
  }
  if (
    ['echo', 'hostname', 'date', 'true', 'false', 'cat', 'touch', 'rm', 'sh', '/bin/sh', ':'].includes(
      name ?? '',
    )
  ) {
    return execCommand(argv, files, ctx);
  }
  return {
    code: 126,
    stdout: '',
    stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: ${JSON.stringify(name ?? '')}: executable file not found in $PATH: unknown\n`,
  };
}
