/**
 * luksa/kubia, the Node.js app of "Kubernetes in Action" (app.js, one file per tag). It listens on
 * 8080, logs `Kubia server starting...` and `Received request from <peer>` for every request
 * (probes included). `latest` is the chapter 2 app (`You've hit <hostname>`); v1, v2 and v4 answer
 * `This is vN running in pod <hostname>`; v3 answers HTTP 500 from its fifth request on (the
 * counter is per process, so per pod and reset by a restart). `kubia-unhealthy` (chapter 4) fails
 * after five requests. Node.js as PID 1 has no SIGTERM handler, so the pod takes its whole grace
 * period to stop.
 */
import type { AppContext, AppFactory, AppInstance, HttpRequest, HttpResponse } from './types';
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
    ctx.log('Kubia server starting...');
    return {
      ports: [8080],
      handle(req: HttpRequest): HttpResponse {
        ctx.log(`Received request from ${nodeJsAddress(req.remoteAddr)}`);
        requests += 1;
        return answer(variant, requests, ctx.hostname);
      },
      onSigterm: () => 'ignore',
    };
  };
}
