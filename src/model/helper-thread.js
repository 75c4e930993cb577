// Entry of a step's helper thread (./threads.ts): registers tsx so the TypeScript sources load, then
// starts the helper. If it cannot start, it says why on its port and marks its control word (−2), so
// the calling thread, waiting on that word, stops with the reason.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

try {
  register();
  await import('./helper-thread.ts');
} catch (error) {
  workerData.port.postMessage({ ok: false, message: `it could not start: ${error?.stack ?? error}` });
  const control = new Int32Array(workerData.control);
  Atomics.store(control, 1, -2);
  Atomics.notify(control, 1);
}
