/** Worker-thread entry: runs the pixel work of a read off the caller's (Electron main / UI) thread. */
import { parentPort } from 'node:worker_threads';
import { OcrInputError } from '../ocr-error';
import { runPrepJob, type PrepJob } from './prep-ops';
import { loadLabelShapes } from '../layout/printed-label';

/**
 * The buffers of every byte array in a result (the card views with their lines' crops, variant images, a
 * strip, a mask), each once, to move them with the message. The worker made them all and keeps none.
 */
function buffersIn(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (value instanceof Uint8Array) found.add(value.buffer as ArrayBuffer);
  else if (Array.isArray(value)) for (const v of value) buffersIn(v, found);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) buffersIn(v, found);
  return [...found];
}

parentPort?.on('message', (msg: { id: number; req: PrepJob }) => {
  const { req } = msg;
  // the card back's image bytes were moved here: overwritten once decoded
  const job = req.op === 'qr' ? runPrepJob(req).finally(() => req.bytes.fill(0)) : runPrepJob(req);
  job.then(
    (value) => {
      // every image and mask made here is moved, not copied
      parentPort!.postMessage({ id: msg.id, value }, buffersIn(value));
    },
    (err: unknown) => {
      const e = err instanceof OcrInputError ? { code: err.code, message: err.message } : { code: 'internal', message: err instanceof Error ? err.message : String(err) };
      parentPort!.postMessage({ id: msg.id, error: e, input: err instanceof OcrInputError });
    },
  );
});

// the atlas and the labels' drawn shapes, loaded while the model workers load theirs
loadLabelShapes();
