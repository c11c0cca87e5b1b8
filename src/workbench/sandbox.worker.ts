/**
 * The sandbox worker: the lesson's simulated cluster, its clock and shells run here, off the page's
 * main thread (see `engine/engine.ts`). Bundled by Vite as a module worker (`worker-endpoint.ts`).
 */
import { WorkbenchEngine } from './engine/engine';
import type { FromWorker, ToWorker } from './protocol';
import { browserHost } from './time';

new WorkbenchEngine(
  {
    post: (message: FromWorker) => postMessage(message),
    listen: (handler) => addEventListener('message', (e) => handler((e as MessageEvent<ToWorker>).data)),
  },
  browserHost(),
);
