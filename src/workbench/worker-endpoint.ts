/** Start the page's sandbox worker (a module worker Vite bundles with its own chunks). */
import type { Endpoint, FromWorker, ToWorker } from './protocol';

export function startSandboxWorker(): Endpoint<FromWorker, ToWorker> {
  const worker = new Worker(new URL('./sandbox.worker.ts', import.meta.url), {
    type: 'module',
    name: 'rollout-lab-sandbox',
  });
  return {
    post: (message) => worker.postMessage(message),
    listen(handler) {
      worker.addEventListener('message', (e: MessageEvent<FromWorker>) => handler(e.data));
      // A worker that cannot load (its script missing, a syntax error) only fires `error`.
      worker.addEventListener('error', (e) =>
        handler({ type: 'failed', message: e.message || 'the sandbox worker did not start' }),
      );
    },
  };
}
