import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../workers/start-module-worker';
import type { OcrErrorCode } from '../../../common/ocr/card-result';
import { OcrInputError } from '../ocr-error';
import { runPrep, type PrepOp, type PreparedView } from './prepare';
import { decodeQr } from './qr';
import { runPrepJob, type PrepJob, type PrepJobResult } from './prep-ops';
import { settleShape, variantImages, type ShapeRequest, type VariantImagesRequest } from '../reread/variant-images';
import { settleGlyph, settleWord, type GlyphChoiceRequest, type WordChoiceRequest } from '../reread/glyph-choice';
import { firstInk, sexValue, type FirstInkRequest, type SexValue, type SexValueRequest } from '../reread/sex-value';
import { voicingMark, type VoicingMark, type VoicingRequest } from '../voicing-mark';
import { inkOfCrop, type InkRequest } from '../reread/ink-mask-request';
import { settleReading, type ReadingChoiceRequest } from '../reread/reading-choice';
import { lineImages, lineImagesRequest, type LineBox, type LineImageSpec, type LineImagesRequest } from '../reread/line-images';
import type { GrayImage } from '../image/gray-image';
import { findGlyphsDir, GLYPHS_DIR_ENV } from '../kanji/glyph-atlas';

type Result = { views: PreparedView[]; hasQuad: boolean };
type QrResult = { text: string | null };
type ImagesResult = { images: GrayImage[] };
type ShapeResult = { name: string };
interface Pending {
  resolve: (r: never) => void;
  reject: (e: unknown) => void;
  req: PrepJob;
}

/**
 * Runs `runPrep` (and `decodeQr`, the card back) in a dedicated worker thread, so decoding and pixel loops
 * never block the caller.
 * Under tsx (sources) the worker registers tsx's loader and imports `prep-worker.ts`; a bundle must ship
 * `prep-worker.js` beside the bundled module (a second esbuild entry point). When neither can be started,
 * or the worker dies, the work runs inline (`inline` says so): still correct, but on the calling thread.
 */
export class PrepWorker {
  private worker: Worker | null = null;
  private next = 1;
  private closed = false;
  private pending = new Map<number, Pending>();

  private constructor() {}

  static start(): PrepWorker {
    const p = new PrepWorker();
    p.worker = spawnWorker();
    if (p.worker) {
      p.worker.on('message', (m: { id: number; value?: never; error?: { code: string; message: string }; input?: boolean }) => {
        const job = p.pending.get(m.id);
        if (!job) return;
        p.pending.delete(m.id);
        if (m.error) job.reject(m.input ? new OcrInputError(m.error.code as OcrErrorCode, m.error.message) : new Error(m.error.message));
        else job.resolve(m.value!);
      });
      // a worker that cannot load or dies: its jobs (pure functions of their input) run inline instead
      p.worker.on('error', () => p.fallBack());
      p.worker.on('exit', () => p.fallBack());
      // an idle worker must not keep a CLI process alive
      p.worker.unref();
    }
    return p;
  }

  get inline(): boolean {
    return this.worker === null;
  }

  run(req: PrepOp): Promise<Result> {
    const w = this.worker;
    if (!w) return runPrep(req);
    const id = this.next++;
    // the card image is moved to the worker: keep a copy for a retry inline
    const retry: PrepOp = req.op === 'flip' ? { op: 'flip', card: { ...req.card, data: new Uint8Array(req.card.data) } } : req;
    return new Promise<Result>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, req: retry });
      w.ref();
      // the image bytes are copied (the caller keeps its buffer); a card image is moved
      const transfer = req.op === 'flip' ? [req.card.data.buffer as ArrayBuffer] : [];
      w.postMessage({ id, req: req.op === 'flip' ? req : { ...req, bytes: new Uint8Array(req.bytes) } }, transfer);
    }).finally(() => {
      if (this.pending.size === 0) this.worker?.unref();
    });
  }

  /**
   * The card back: decodes the image and finds its QR code in the worker (jsQR is synchronous). The bytes
   * are copied once and the copy moved to the worker, which zeroes it; the caller keeps (and zeroes) its own.
   */
  qr(bytes: Uint8Array): Promise<QrResult> {
    const w = this.worker;
    if (!w) return decodeQr(bytes);
    const id = this.next++;
    return new Promise<QrResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, req: { op: 'qr', bytes } });
      w.ref();
      const copy = new Uint8Array(bytes);
      w.postMessage({ id, req: { op: 'qr', bytes: copy } }, [copy.buffer]);
    }).finally(() => {
      if (this.pending.size === 0) this.worker?.unref();
    });
  }

  /**
   * The images of a region's second reads (masked, scaled, cleaned: see variantImages), made in the worker.
   * The crop is moved there; a copy is kept for a retry inline.
   */
  async variants(req: VariantImagesRequest): Promise<GrayImage[]> {
    return this.worker ? (await this.sendCrop<ImagesResult>(this.worker, req)).images : variantImages(req);
  }

  /** A line's images for the date reads (lineImages), made in the worker; only the line's region is cut here and moved there. */
  async lineImages(card: GrayImage, box: LineBox, images: LineImageSpec[]): Promise<GrayImage[]> {
    const req = lineImagesRequest(card, box, images);
    return this.worker ? (await this.sendCrop<ImagesResult>(this.worker, req)).images : lineImages(req);
  }

  /** The name's variant shape test (settleShape) in the worker; the band's crop is moved there. */
  async shape(req: ShapeRequest): Promise<string> {
    return this.worker ? (await this.sendCrop<ShapeResult>(this.worker, req)).name : settleShape(req);
  }

  /** One character's shape test against its options (settleGlyph) in the worker; the crop is moved there. */
  async glyph(req: GlyphChoiceRequest): Promise<string> {
    return this.worker ? (await this.sendCrop<ShapeResult>(this.worker, req)).name : settleGlyph(req);
  }

  /** A misread stretch's shape test against its spellings (settleWord) in the worker; the crop is moved there. */
  async word(req: WordChoiceRequest): Promise<string> {
    return this.worker ? (await this.sendCrop<ShapeResult>(this.worker, req)).name : settleWord(req);
  }

  /** A フリガナ part's print against its known readings (settleReading) in the worker; the crop is moved there. */
  async reading(req: ReadingChoiceRequest): Promise<string> {
    return this.worker ? (await this.sendCrop<ShapeResult>(this.worker, req)).name : settleReading(req);
  }

  /** A region's ink mask (inkOfCrop), made in the worker; the region's crop is moved there. */
  async ink(req: InkRequest): Promise<Uint8Array> {
    return this.worker ? (await this.sendCrop<{ mask: Uint8Array }>(this.worker, req)).mask : inkOfCrop(req);
  }

  /** A ハ-row kana's mark (voicingMark) tested in the worker; the glyph's crop is moved there. */
  async voicing(req: VoicingRequest): Promise<VoicingMark | null> {
    const name = this.worker ? (await this.sendCrop<ShapeResult>(this.worker, req)).name : (voicingMark(req.crop) ?? '');
    return name === 'handakuten' || name === 'dakuten' ? name : null;
  }

  /** Where 性別's label starts right of the birth date (firstInk), in the worker; the row's area is moved there. */
  async firstInk(req: FirstInkRequest): Promise<number | null> {
    return this.worker ? (await this.sendCrop<{ at: number | null }>(this.worker, req)).at : firstInk(req);
  }

  /** The 性別 value found right of its label, tested and tiled for its reads (sexValue), in the worker; the row's area is moved there. */
  async sexValue(req: SexValueRequest): Promise<SexValue> {
    return this.worker ? (await this.sendCrop<{ sexValue: SexValue }>(this.worker, req)).sexValue : sexValue(req);
  }

  /** A request carrying a crop: the crop is moved to the worker, a copy kept for a retry inline. */
  private sendCrop<R>(w: Worker, req: VariantImagesRequest | LineImagesRequest | ShapeRequest | GlyphChoiceRequest | WordChoiceRequest | ReadingChoiceRequest | SexValueRequest | FirstInkRequest | VoicingRequest | InkRequest): Promise<R> {
    const id = this.next++;
    const retry = { ...req, crop: { ...req.crop, data: new Uint8Array(req.crop.data) } };
    return new Promise<R>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: never) => void, reject, req: retry });
      w.ref();
      w.postMessage({ id, req }, [req.crop.data.buffer as ArrayBuffer]);
    }).finally(() => {
      if (this.pending.size === 0) this.worker?.unref();
    });
  }

  private fallBack(): void {
    if (this.closed) return;
    this.worker = null;
    const jobs = [...this.pending.values()];
    this.pending.clear();
    // its jobs are pure functions of their input: run inline, as the worker would have
    for (const j of jobs) runPrepJob(j.req).then(j.resolve as (r: PrepJobResult) => void, j.reject);
  }

  private failAll(err: unknown): void {
    for (const j of this.pending.values()) j.reject(err);
    this.pending.clear();
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.closed = true;
    this.worker = null;
    this.failAll(new Error('preprocessing worker closed'));
    if (w) await w.terminate();
  }
}

function spawnWorker(): Worker | null {
  // the shape tests in the thread compare prints with the glyph atlas, found here (the app's resources path)
  const glyphs = findGlyphsDir();
  return startModuleWorker(import.meta.url, 'prep-worker', glyphs ? { [GLYPHS_DIR_ENV]: glyphs } : {});
}
