import sharp from 'sharp';
import type { CardEngine, OcrProgress } from '../../ocr-engine/card-reader';
import { CardReaderThread, type CardEngineInfo } from './card-reader-thread';
import { PrepWorker } from '../../ocr-engine/prep/prep-client';
import { OcrInputError } from '../../ocr-engine/ocr-error';
import type { CardReadResult, FieldName } from '../../../common/ocr/card-result';
import { FIELD_NAMES } from '../../../common/ocr/card-result';
import type { CardBackView, CardFrontView, OcrStatus } from '../../../common/contract/card-operations';
import { parseMyNumber } from '../../../common/validation/my-number';
import type { Logger } from '../log';
import type { NameReadings } from '../../../common/names/name-readings';
import type { AddressMaster } from '../../../common/address/address-master';

/**
 * The card reader of the running app. The OCR engine (a tesseract.js worker pool plus the
 * preprocessing worker thread) is started in the background when the services start, so the first
 * card pays no model loading; until it is ready a read waits for it and the UI shows 「準備中」 with the
 * time so far. Everything heavy runs off the services' event loop: the engine, with its address master and
 * name tables, in a thread of its own (CardReaderThread), recognition in its tesseract workers, pixel work and
 * the card back's QR decode in its preprocessing worker thread, image encoding in libvips' thread pool.
 *
 * Card images are personal data: the bytes live only for the duration of one call, are never written
 * anywhere and never logged (log lines carry the side, the layout, timings and error codes only).
 */
export type ProgressStage = NonNullable<OcrStatus['progress']>['stage'];

export class CardReadError extends Error {
  constructor(
    readonly code: 'CARD_UNREADABLE' | 'NOT_READY',
    /** the OCR's reason code (back-side, blank, timeout, …) */
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

export interface CardServiceOptions {
  log: Logger;
  today: () => string;
  /** tesseract workers (default: CardReader's, one more than the cores) */
  workers?: number;
  /** for tests: another engine */
  startReader?: () => Promise<CardEngine & { info?: CardEngineInfo }>;
  /**
   * The app's address master and name-reading tables, for an engine that cannot get a thread of its own and
   * reads in this one; the engine's thread loads its own (the resolver's checks with them run there).
   */
  addressMaster?: () => AddressMaster | null;
  nameReadings?: () => NameReadings | null;
  readTimeoutMs?: number;
}

/** The warped card image is sent back at this width (the OCR works at 1200 px): enough to read the crops. */
const IMAGE_WIDTH = 1000;

export class CardService {
  private reader: CardEngine | null = null;
  private starting: Promise<CardEngine> | null = null;
  private state: OcrStatus['state'] = 'starting';
  private failure: string | null = null;
  private t0 = performance.now();
  private readyMs: number | null = null;
  private readonly progress = new Map<string, { stage: ProgressStage; fraction: number }>();
  private closed = false;
  /** the card back's image decode and QR search when the OCR reader is not up: started at such a read */
  private qrWorker: PrepWorker | null = null;

  constructor(private readonly o: CardServiceOptions) {}

  /** Starts the engine in the background; start-up failures are reported through `status`. */
  start(): void {
    if (this.starting) return;
    this.t0 = performance.now();
    const { workers, addressMaster, nameReadings, log } = this.o;
    const begin = this.o.startReader ?? (() => CardReaderThread.start({ log, ...(workers ? { workers } : {}), ...(addressMaster ? { addressMaster } : {}), ...(nameReadings ? { nameReadings } : {}) }));
    this.starting = begin().then(
      (r) => {
        this.readyMs = Math.round(performance.now() - this.t0);
        if (this.closed) {
          void r.close();
          throw new Error('closed');
        }
        this.reader = r;
        this.state = 'ready';
        this.o.log('info', 'ocr.ready', { ms: this.readyMs, ...(r.info ?? {}) });
        return r;
      },
      (err: unknown) => {
        this.state = 'failed';
        this.readyMs = Math.round(performance.now() - this.t0);
        this.failure = 'カード読み取り（OCR）を開始できませんでした。アプリを再起動してください。続く場合は情報システム担当へ連絡してください。';
        this.o.log('error', 'ocr.start_failed', { error: err instanceof Error ? err.name : typeof err });
        throw err;
      },
    );
    this.starting.catch(() => undefined);
  }

  status(readId?: string): OcrStatus & { scannerConfigured: boolean } {
    return {
      state: this.state,
      startupMs: this.readyMs ?? Math.round(performance.now() - this.t0),
      message: this.failure,
      progress: readId ? (this.progress.get(readId) ?? null) : null,
      scannerConfigured: false,
    };
  }

  private async ready(): Promise<CardEngine> {
    if (this.reader) return this.reader;
    if (!this.starting) this.start();
    try {
      return await this.starting!;
    } catch {
      throw new CardReadError('NOT_READY', 'engine', this.failure ?? 'カード読み取り（OCR）が使えません。');
    }
  }

  /** Reads one side of a card from image bytes (JPEG, PNG, …). */
  async read(bytes: Uint8Array, side: 'front' | 'back', readId: string): Promise<CardFrontView | CardBackView> {
    const t0 = performance.now();
    this.progress.set(readId, { stage: 'queued', fraction: 0 });
    try {
      const out = side === 'front' ? await this.readFront(bytes, readId) : await this.readBack(bytes, readId);
      this.o.log('info', 'ocr.read', { side, ms: Math.round(performance.now() - t0), ...(out.side === 'front' ? { layout: out.layout } : { found: out.myNumber !== null }) });
      return out;
    } catch (err) {
      const e = err instanceof CardReadError ? err : err instanceof OcrInputError ? new CardReadError('CARD_UNREADABLE', err.code, err.message) : null;
      this.o.log(e ? 'warn' : 'error', 'ocr.read_failed', { side, ms: Math.round(performance.now() - t0), reason: e?.reason ?? (err instanceof Error ? err.name : typeof err) });
      if (e) throw e;
      throw new CardReadError('CARD_UNREADABLE', 'internal', 'カードを読み取れませんでした。もう一度置き直して読み取ってください。');
    } finally {
      this.progress.delete(readId);
    }
  }

  private async readFront(bytes: Uint8Array, readId: string): Promise<CardFrontView> {
    const reader = await this.ready();
    const onProgress = (p: OcrProgress) => this.progress.set(readId, { stage: p.stage, fraction: p.stage === 'recognize' ? p.fraction : p.stage === 'parse' ? 1 : 0 });
    const today = this.o.today();
    const r = await reader.read(bytes, { today, onProgress, ...(this.o.readTimeoutMs ? { timeoutMs: this.o.readTimeoutMs } : {}) });
    const image = await this.cardImage(r);
    r.card.data.fill(0); // card pixels are personal data: nothing of them outlives the answer
    const k = image.width / image.sourceWidth;
    const fields = Object.fromEntries(
      FIELD_NAMES.map((f: FieldName) => {
        const s = r.sources[f];
        return [
          f,
          {
            value: r.fields[f].value,
            confidence: r.fields[f].confidence,
            raw: s?.raw ?? '',
            charConfidence: s?.charConfidence ?? [],
            crop: s ? { x: Math.round(s.x * k), y: Math.round(s.y * k), width: Math.round(s.width * k), height: Math.round(s.height * k) } : null,
            ...(r.fields[f].reason ? { reason: r.fields[f].reason } : {}),
          },
        ];
      }),
    ) as CardFrontView['fields'];
    const expiry = r.fields.expiryDate.value;
    return {
      side: 'front',
      layout: r.layout,
      fields,
      nameParts: r.nameParts,
      address: r.address,
      warnings: r.warnings,
      expired: expiry !== null && expiry < today,
      rotation: r.rotation,
      ms: r.ms,
      image: { mimeType: 'image/jpeg', data: image.data.toString('base64'), width: image.width, height: image.height },
    };
  }

  /** The card image the fields were read from (as the reader returns it), sized for the clerk's crops. */
  private async cardImage(r: CardReadResult): Promise<{ data: Buffer; width: number; height: number; sourceWidth: number }> {
    const { card } = r;
    const height = Math.round((IMAGE_WIDTH * card.height) / card.width);
    const data = await sharp(Buffer.from(card.data.buffer, card.data.byteOffset, card.data.byteLength), { raw: { width: card.width, height: card.height, channels: 1 } })
      .resize(IMAGE_WIDTH, height)
      .jpeg({ quality: 82 })
      .toBuffer();
    return { data, width: IMAGE_WIDTH, height, sourceWidth: card.width };
  }

  private async readBack(bytes: Uint8Array, readId: string): Promise<CardBackView> {
    const t0 = performance.now();
    this.progress.set(readId, { stage: 'qr', fraction: 0 });
    if (this.closed) throw new CardReadError('NOT_READY', 'engine', 'カード読み取り（OCR）が使えません。');
    // image decode and jsQR (tens of ms of synchronous work) run in a preprocessing worker thread, not here:
    // the OCR reader's once it is up, else one of our own; a read the worker cannot start still works, on
    // this thread (PrepWorker's inline fallback)
    const code = this.reader ? await this.reader.decodeQr(bytes) : await (this.qrWorker ??= PrepWorker.start()).qr(bytes);
    const ms = Math.round(performance.now() - t0);
    if (code.text === null) return { side: 'back', myNumber: null, message: 'カード裏面のQRコードが見つかりません。裏面全体が写るように置き直してください。', ms };
    // the QR code carries the 12-digit number; take a run of 12 digits whose check digit holds
    for (const m of code.text.matchAll(/\d{12}/g)) {
      const p = parseMyNumber(m[0]);
      if (p.ok) return { side: 'back', myNumber: p.digits, message: null, ms };
    }
    return { side: 'back', myNumber: null, message: 'QRコードは読めましたが、正しい個人番号（12桁・検査用数字）が含まれていません。', ms };
  }

  async close(): Promise<void> {
    this.closed = true;
    const qr = this.qrWorker;
    this.qrWorker = null;
    await qr?.close();
    const r = this.reader ?? (await this.starting?.catch(() => null)) ?? null;
    this.reader = null;
    await r?.close();
  }
}
