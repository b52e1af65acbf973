/**
 * Worker-thread entry: the whole card reader (the tesseract pool, the preprocessing thread, the address master
 * and the name tables) runs here, not on the services' thread, which only posts image bytes and gets answers.
 * The resolver's checks against the address master (each reading of each 住所 row) and the name tables are
 * synchronous and many: here they cost the clerk's UI and the app's API nothing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CardReader, type OcrProgress } from '../../ocr-engine/card-reader';
import { OcrInputError } from '../../ocr-engine/ocr-error';
import { loadNameReadings } from '../names/name-reading-files';
import type { NameReadings } from '../../../common/names/name-readings';
import { RESOURCES_PATH_ENV, type CardReaderEvent, type CardReaderFailure, type CardReaderRequest, type CardReaderThreadStart } from './card-reader-messages';

const port = parentPort!;
const say = (e: CardReaderEvent, transfer: ArrayBuffer[] = []): void => port.postMessage(e, transfer);

// Electron gives its main process `process.resourcesPath` (where the model, address master, names and glyph
// atlas ship); a thread may not have it, so the caller passes it and the finders look where they would there
const resources = process.env[RESOURCES_PATH_ENV];
if (resources && !(process as { resourcesPath?: string }).resourcesPath) (process as { resourcesPath?: string }).resourcesPath = resources;

function failureOf(err: unknown): CardReaderFailure {
  return err instanceof OcrInputError ? { input: true, code: err.code, message: err.message } : { input: false, code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const opts = (workerData ?? {}) as CardReaderThreadStart;
  let reader: CardReader;
  let names: NameReadings | null;
  let nameTableProblems: string[];
  try {
    // the model first; the tables after it, so the two do not compete for the CPU (the first card needs both)
    reader = await CardReader.start(opts.workers ? { workers: opts.workers, nameReadings: () => names } : { nameReadings: () => names });
    const loaded = loadNameReadings();
    names = loaded.readings;
    nameTableProblems = loaded.problems;
  } catch (err) {
    say({ kind: 'start-failed', message: err instanceof Error ? err.message : String(err) });
    return;
  }
  say({ kind: 'ready', ms: Math.round(performance.now() - t0), addressMaster: reader.hasAddressMaster, nameTableProblems });

  port.on('message', (req: CardReaderRequest) => {
    if (req.op === 'close') {
      // the pool's and the preprocessing thread's workers end first, then this thread
      void reader.close().finally(() => process.exit(0));
      return;
    }
    if (req.op === 'qr') {
      reader
        .decodeQr(req.bytes)
        .then(
          (r) => say({ kind: 'qr', id: req.id, text: r.text }),
          (err: unknown) => say({ kind: 'failed', id: req.id, failure: failureOf(err) }),
        )
        .finally(() => req.bytes.fill(0));
      return;
    }
    const onProgress = (progress: OcrProgress): void => say({ kind: 'progress', id: req.id, progress });
    reader
      .read(req.bytes, { onProgress, ...(req.today ? { today: req.today } : {}), ...(req.timeoutMs ? { timeoutMs: req.timeoutMs } : {}) })
      .then(
        // the card image is moved back, not copied: no copy of its pixels stays here
        (result) => say({ kind: 'read', id: req.id, result }, [result.card.data.buffer as ArrayBuffer]),
        (err: unknown) => say({ kind: 'failed', id: req.id, failure: failureOf(err) }),
      )
      // the image bytes (personal data) were moved here: overwritten once read
      .finally(() => req.bytes.fill(0));
  });
}

void main();
