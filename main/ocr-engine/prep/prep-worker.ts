/** Worker-thread entry: runs the pixel work of a read off the caller's (Electron main / UI) thread. */
import { parentPort } from 'node:worker_threads';
import { OcrInputError } from '../ocr-error';
import { runPrepJob, type PrepJob } from './prep-ops';

parentPort?.on('message', (msg: { id: number; req: PrepJob }) => {
  const { req } = msg;
  // the card back's image bytes were moved here: overwritten once decoded
  const job = req.op === 'qr' ? runPrepJob(req).finally(() => req.bytes.fill(0)) : runPrepJob(req);
  job.then(
    (value) => {
      // every image made here is moved, not copied: the card views with their lines' crops, the variants, the 性別 strip
      const transfer =
        'views' in value
          ? value.views.flatMap((v) => [v.card.data.buffer as ArrayBuffer, ...v.lines.map((l) => l.crop.image.data.buffer as ArrayBuffer)])
          : 'images' in value
            ? value.images.map((i) => i.data.buffer as ArrayBuffer)
            : 'sexValue' in value && value.sexValue.strip
              ? [value.sexValue.strip.data.buffer as ArrayBuffer]
              : 'mask' in value
                ? [value.mask.buffer as ArrayBuffer]
                : [];
      parentPort!.postMessage({ id: msg.id, value }, transfer);
    },
    (err: unknown) => {
      const e = err instanceof OcrInputError ? { code: err.code, message: err.message } : { code: 'internal', message: err instanceof Error ? err.message : String(err) };
      parentPort!.postMessage({ id: msg.id, error: e, input: err instanceof OcrInputError });
    },
  );
});
