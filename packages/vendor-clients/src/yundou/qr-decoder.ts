import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export interface RgbaImage {
  data: Uint8Array;
  width: number;
  height: number;
}

// jsQR is plain JavaScript that reads globals (`Math`) in its inner loops. Run inside a vm context
// (as under jest) every such read goes through the context's interceptors and decoding is ten times
// slower; on the main thread it would also block the simulator for hundreds of milliseconds per photo.
// Worker threads run it in fresh isolates at full speed, off the loop, as a vendor's recognisers run apart.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const jsqr = require(workerData.jsqrPath);
const jsQR = typeof jsqr === 'function' ? jsqr : jsqr.default;
parentPort.on('message', ({ data, width, height }) => {
  const pixels = new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength);
  // Bills print dark codes on light paper: not searching for inverted codes halves the time spent on
  // images that hold none.
  const code = jsQR(pixels, width, height, { inversionAttempts: 'dontInvert' });
  parentPort.postMessage(code ? Uint8Array.from(code.binaryData) : null);
});
`;

/** Workers left idle this long end, so a simulator at rest holds no threads. */
const IDLE_MS = 5_000;
const POOL_SIZE = Math.max(1, availableParallelism());

interface PoolWorker {
  worker: Worker;
  idleTimer?: NodeJS.Timeout;
}

const idle: PoolWorker[] = [];
const waiting: ((worker: PoolWorker) => void)[] = [];
let started = 0;
let jsqrPath: string | undefined;

function spawn(): PoolWorker {
  jsqrPath ??= createRequire(import.meta.url).resolve('jsqr');
  const entry: PoolWorker = { worker: new Worker(WORKER_SOURCE, { eval: true, workerData: { jsqrPath } }) };
  // An idle worker must not keep the process alive.
  entry.worker.unref();
  started++;
  return entry;
}

async function acquire(): Promise<PoolWorker> {
  const ready = idle.pop();
  if (ready) {
    clearTimeout(ready.idleTimer);
    return ready;
  }
  if (started < POOL_SIZE) return spawn();
  return new Promise((resolve) => waiting.push(resolve));
}

function release(entry: PoolWorker): void {
  const next = waiting.shift();
  if (next) return next(entry);
  entry.idleTimer = setTimeout(() => retire(entry), IDLE_MS).unref();
  idle.push(entry);
}

function retire(entry: PoolWorker): void {
  const index = idle.indexOf(entry);
  if (index >= 0) idle.splice(index, 1);
  started--;
  void entry.worker.terminate();
  // Someone may be waiting for the slot this worker held.
  const next = waiting.shift();
  if (next) next(spawn());
}

/**
 * Decodes the QR code in RGBA pixels with jsQR, in a pooled worker thread. Resolves with the code's
 * raw bytes, or `undefined` when the image holds no readable code.
 */
export async function decodeQrBytes(image: RgbaImage): Promise<Uint8Array | undefined> {
  const entry = await acquire();
  const { worker } = entry;
  worker.ref();
  let failed = false;
  try {
    return await new Promise<Uint8Array | undefined>((resolve, reject) => {
      const onMessage = (bytes: Uint8Array | null) => settle(() => resolve(bytes ?? undefined));
      const onError = (error: Error) => settle(() => reject(error));
      const onExit = (code: number) => settle(() => reject(new Error(`QR decoder stopped with exit code ${code}`)));
      const settle = (done: () => void) => {
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        done();
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(image);
    });
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    worker.unref();
    if (failed) retire(entry);
    else release(entry);
  }
}
