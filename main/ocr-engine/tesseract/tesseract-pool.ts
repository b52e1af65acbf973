import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import type { GrayImage } from '../image/gray-image';
import { encodePgm } from './pgm';
import { tesseractPaths } from './offline-paths';

export { PSM };

export interface LineRequest {
  image: GrayImage;
  psm: PSM;
  /** restricts the characters the model may output (e.g. digits for dates) */
  whitelist?: string;
  /**
   * false: text and confidence only, no symbols, for reads that only vote with their text (dates, 性別). Not a
   * speed matter with tesseract.js 7: its JSON dump of blocks, lines, words and symbols cost nothing measurable
   * (151 first-read crops of seed 20261230: 24.5 ms each with or without it; an earlier version spent ~5 ms of ~15 on it).
   */
  symbols?: boolean;
}

export interface OcrSymbol {
  text: string;
  /** 0..1 */
  confidence: number;
  /** horizontal extent in the request image's pixels */
  x0: number;
  x1: number;
}

export interface LineResult {
  text: string;
  /** 0..1 */
  confidence: number;
  symbols: OcrSymbol[];
}

export interface PoolOptions {
  size: number;
  /** a worker is replaced after this many jobs: tesseract's wasm heap only grows */
  recycleAfter: number;
  /** sees every image the model is asked to read (the benchmark times the native CLI on the same ones) */
  onRequest?: (req: LineRequest) => void;
}

interface Slot {
  worker: Worker;
  jobs: number;
  psm: PSM | null;
  whitelist: string;
}

interface Pending {
  req: LineRequest;
  resolve: (r: LineResult) => void;
  reject: (e: unknown) => void;
}

/**
 * Parameters tesseract reads only when the model is loaded. The word lists (dawgs) steer a language's words
 * between spaces; a card's Japanese has no spaces, and on 258 line images of seed 20261219 every read came
 * out the same without them, in ~3.5 % less time per read.
 */
const INIT_PARAMETERS = {
  load_system_dawg: '0',
  load_freq_dawg: '0',
  load_punc_dawg: '0',
  load_number_dawg: '0',
  load_unambig_dawg: '0',
  load_bigram_dawg: '0',
} as const;

async function spawn(): Promise<Slot> {
  const paths = tesseractPaths();
  const worker = await createWorker(
    'jpn',
    OEM.LSTM_ONLY,
    {
      ...paths,
      gzip: true,
      // never write a cache: not to the working directory, not anywhere
      cacheMethod: 'none',
      logger: () => undefined,
      errorHandler: () => undefined,
    },
    INIT_PARAMETERS,
  );
  // Japanese text has no spaces between words; keep the ones tesseract sees as real gaps
  await worker.setParameters({ preserve_interword_spaces: '1' });
  return { worker, jobs: 0, psm: null, whitelist: '' };
}

/**
 * A fixed number of tesseract.js workers (each its own Node worker thread) created at start-up, so
 * recognition never runs on the caller's thread and the first card pays no model loading.
 */
export class TesseractPool {
  private idle: Slot[] = [];
  private queue: Pending[] = [];
  private closed = false;
  private spawning = 0;

  private constructor(private readonly opts: PoolOptions) {}

  static async create(opts: PoolOptions): Promise<TesseractPool> {
    const pool = new TesseractPool(opts);
    pool.idle = await Promise.all(Array.from({ length: opts.size }, () => spawn()));
    return pool;
  }

  get size(): number {
    return this.opts.size;
  }

  recognize(req: LineRequest): Promise<LineResult> {
    if (this.closed) return Promise.reject(new Error('OCR pool is closed'));
    this.opts.onRequest?.(req);
    return new Promise((resolve, reject) => {
      this.queue.push({ req, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const slot = this.idle.pop()!;
      const job = this.queue.shift()!;
      void this.run(slot, job);
    }
  }

  private async run(slot: Slot, job: Pending): Promise<void> {
    try {
      const { psm, whitelist = '' } = job.req;
      if (slot.psm !== psm || slot.whitelist !== whitelist) {
        await slot.worker.setParameters({ tessedit_pageseg_mode: psm, tessedit_char_whitelist: whitelist });
        slot.psm = psm;
        slot.whitelist = whitelist;
      }
      const { data } = await slot.worker.recognize(Buffer.from(encodePgm(job.req.image)), {}, { text: true, blocks: job.req.symbols !== false });
      const symbols: OcrSymbol[] = [];
      for (const b of data.blocks ?? [])
        for (const p of b.paragraphs)
          for (const l of p.lines) for (const w of l.words) for (const s of w.symbols) symbols.push({ text: s.text, confidence: s.confidence / 100, x0: s.bbox.x0, x1: s.bbox.x1 });
      job.resolve({ text: data.text.replace(/\n+$/, ''), confidence: data.confidence / 100, symbols });
    } catch (err) {
      job.reject(err);
    }
    slot.jobs++;
    if (this.closed) {
      await slot.worker.terminate().catch(() => undefined);
      return;
    }
    if (slot.jobs >= this.opts.recycleAfter) {
      this.replace(slot);
      return;
    }
    this.idle.push(slot);
    this.pump();
  }

  /** Swap a worker for a fresh one without blocking the queue: the others keep serving meanwhile. */
  private replace(slot: Slot): void {
    this.spawning++;
    void slot.worker.terminate().catch(() => undefined);
    spawn()
      .then(async (fresh) => {
        this.spawning--;
        if (this.closed) {
          await fresh.worker.terminate();
          return;
        }
        this.idle.push(fresh);
        this.pump();
      })
      .catch((err: unknown) => {
        this.spawning--;
        // a pool that lost every worker must not leave callers waiting forever
        if (this.idle.length === 0 && this.spawning === 0) for (const j of this.queue.splice(0)) j.reject(err);
      });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.queue.splice(0)) j.reject(new Error('OCR pool is closed'));
    await Promise.all(this.idle.splice(0).map((s) => s.worker.terminate().catch(() => undefined)));
  }
}
