/** Worker-thread entry: runs the pixel work of a read off the caller's (Electron main / UI) thread. */
import { parentPort } from 'node:worker_threads';
import { runPrep, type PrepOp } from './prepare';
import { OcrInputError } from '../ocr-error';

parentPort?.on('message', (msg: { id: number; req: PrepOp }) => {
  runPrep(msg.req).then(
    (value) => {
      const transfer = value.views.map((v) => v.card.data.buffer as ArrayBuffer);
      parentPort!.postMessage({ id: msg.id, value }, transfer);
    },
    (err: unknown) => {
      const e = err instanceof OcrInputError ? { code: err.code, message: err.message } : { code: 'internal', message: err instanceof Error ? err.message : String(err) };
      parentPort!.postMessage({ id: msg.id, error: e, input: err instanceof OcrInputError });
    },
  );
});
