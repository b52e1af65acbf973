import type { Worker } from 'node:worker_threads';
import { CardReader, READ_TIMEOUT_MS, readTimedOut, type CardEngine, type OcrProgress, type ReadOptions } from '../../ocr-engine/card-reader';
import { OcrInputError } from '../../ocr-engine/ocr-error';
import { findAddressDir } from '../../ocr-engine/address-master-files';
import { findGlyphsDir, GLYPHS_DIR_ENV } from '../../ocr-engine/kanji/glyph-atlas';
import { startModuleWorker } from '../../workers/start-module-worker';
import { findNamesDir } from '../names/name-reading-files';
import type { CardReadResult } from '../../../common/ocr/card-result';
import type { AddressMaster } from '../../../common/address/address-master';
import type { NameReadings } from '../../../common/names/name-readings';
import type { Logger } from '../log';
import { RESOURCES_PATH_ENV, type CardReaderEvent, type CardReaderFailure, type CardReaderRequest, type CardReaderThreadStart } from './card-reader-messages';

/** Waits of the card reader's thread, each with why. */
export const READER_THREAD_TIMING = {
  /**
   * A read the thread has not answered this long after its own timeout (READ_TIMEOUT_MS by default) is
   * given up: the thread's timeout answers first unless the thread is stuck or gone. Posting the image and the
   * answer takes ~1 ms; 2 s is room for a busy machine.
   */
  answerGraceMs: 2_000,
  /** After a close request, the thread's end is awaited this long (its workers take ~0.1 s to stop) before it is terminated. */
  closeWithinMs: 3_000,
} as const;

/** How the engine came up, for the log (no personal data). */
export interface CardEngineInfo {
  /** whether it reads in a thread of its own (false: in the calling thread, the thread could not start) */
  thread: boolean;
  addressMaster: boolean;
  nameTableProblems: string[];
}

export interface CardReaderThreadOptions {
  /** tesseract workers; default the engine's */
  workers?: number;
  log?: Logger;
  /**
   * Only when the thread cannot be started (no `card-reader-worker` file): the reader then runs in the calling
   * thread with the app's address master and name tables (still correct, but its resolver runs here).
   */
  addressMaster?: () => AddressMaster | null;
  nameReadings?: () => NameReadings | null;
  /** for tests: how the thread is started (null: it cannot be) */
  spawn?: (start: CardReaderThreadStart, env: Record<string, string>) => Worker | null;
}

interface Pending {
  resolve: (v: never) => void;
  reject: (e: unknown) => void;
  onProgress?: (p: OcrProgress) => void;
  timer: NodeJS.Timeout | null;
}

/**
 * The card reader in a worker thread of its own (card-reader-worker.ts): the services' thread posts the image
 * bytes and gets the result, the progress and errors as values. Everything else of a read — line finding's
 * results, the first and second reads' bookkeeping, the resolver with its address-master and name-table checks
 * (~30 ms of synchronous work per card) — happens there.
 *
 * A thread that stops (crash, out of memory) fails the reads it had; the next read starts a new one. When no
 * thread can be started, or the first one fails to load, the reader runs in the calling thread instead (`start`
 * says which in `info`).
 */
export class CardReaderThread implements CardEngine {
  private worker: Worker | null = null;
  private reviving: Promise<Worker> | null = null;
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;

  private constructor(
    private readonly o: CardReaderThreadOptions,
    readonly info: CardEngineInfo,
  ) {}

  /** Starts the thread and waits until its model and tables are loaded; an engine that cannot start rejects. */
  static async start(o: CardReaderThreadOptions = {}): Promise<CardEngine & { info: CardEngineInfo }> {
    const first = spawnThread(o);
    if (!first) return inlineEngine(o);
    let ready: Extract<CardReaderEvent, { kind: 'ready' }>;
    try {
      ready = await untilReady(first);
    } catch (err) {
      // a thread that could not load its module or its engine: the engine here, which says why if it cannot start either
      o.log?.('warn', 'ocr.thread_start_failed', { error: err instanceof Error ? err.message.slice(0, 200) : typeof err });
      return inlineEngine(o);
    }
    const t = new CardReaderThread(o, { thread: true, addressMaster: ready.addressMaster, nameTableProblems: ready.nameTableProblems });
    t.adopt(first);
    return t;
  }

  async read(bytes: Uint8Array, opts: ReadOptions = {}): Promise<CardReadResult> {
    const w = await this.thread();
    const timeoutMs = opts.timeoutMs ?? READ_TIMEOUT_MS;
    // a copy is moved to the thread (which zeroes it once read); the caller keeps and clears its own
    const copy = new Uint8Array(bytes);
    return this.ask<CardReadResult>(w, { id: this.next++, op: 'read', bytes: copy, timeoutMs, ...(opts.today ? { today: opts.today } : {}) }, timeoutMs, opts.onProgress);
  }

  async decodeQr(bytes: Uint8Array): Promise<{ text: string | null }> {
    const w = await this.thread();
    const copy = new Uint8Array(bytes);
    const text = await this.ask<string | null>(w, { id: this.next++, op: 'qr', bytes: copy }, READ_TIMEOUT_MS);
    return { text };
  }

  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = null;
    this.failAll(new Error('card reader closed'));
    if (!w) return;
    const ended = new Promise<void>((resolve) => w.once('exit', () => resolve()));
    w.postMessage({ id: 0, op: 'close' } satisfies CardReaderRequest);
    const timer = setTimeout(() => void w.terminate(), READER_THREAD_TIMING.closeWithinMs);
    await ended;
    clearTimeout(timer);
  }

  private ask<T>(w: Worker, req: Exclude<CardReaderRequest, { op: 'close' }>, timeoutMs: number, onProgress?: (p: OcrProgress) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // the thread answers its own timeout; this one is for a thread that cannot answer at all
      const timer = setTimeout(() => {
        this.pending.delete(req.id);
        reject(readTimedOut());
        this.o.log?.('warn', 'ocr.thread_unanswered', { op: req.op, ms: timeoutMs + READER_THREAD_TIMING.answerGraceMs });
        // a thread that does not answer is stuck: the next read gets a new one
        if (this.worker === w) this.drop(w, new Error('card reader thread did not answer'));
      }, timeoutMs + READER_THREAD_TIMING.answerGraceMs);
      this.pending.set(req.id, { resolve: resolve as (v: never) => void, reject, timer, ...(onProgress ? { onProgress } : {}) });
      w.ref();
      w.postMessage(req, [req.bytes.buffer as ArrayBuffer]);
    }).finally(() => {
      if (this.pending.size === 0) this.worker?.unref();
    });
  }

  /** The running thread, or a new one when the last stopped. */
  private async thread(): Promise<Worker> {
    if (this.closed) throw new Error('card reader closed');
    if (this.worker) return this.worker;
    this.reviving ??= (async () => {
      const w = spawnThread(this.o);
      if (!w) throw new Error('card reader thread cannot start');
      await untilReady(w);
      if (this.closed) {
        await w.terminate();
        throw new Error('card reader closed');
      }
      this.o.log?.('info', 'ocr.thread_restarted', {});
      this.adopt(w);
      return w;
    })().finally(() => {
      this.reviving = null;
    });
    return this.reviving;
  }

  private adopt(w: Worker): void {
    this.worker = w;
    w.on('message', (e: CardReaderEvent) => this.onEvent(e));
    w.on('error', (err) => {
      this.o.log?.('error', 'ocr.thread_failed', { error: err.name });
      this.drop(w, new Error('card reader thread failed'));
    });
    w.on('exit', () => this.drop(w, new Error('card reader thread stopped')));
    // an idle thread must not keep a process alive
    w.unref();
  }

  private onEvent(e: CardReaderEvent): void {
    if (e.kind === 'ready' || e.kind === 'start-failed') return;
    const job = this.pending.get(e.id);
    if (!job) return;
    if (e.kind === 'progress') {
      job.onProgress?.(e.progress);
      return;
    }
    this.pending.delete(e.id);
    if (job.timer) clearTimeout(job.timer);
    if (e.kind === 'read') job.resolve(e.result as never);
    else if (e.kind === 'qr') job.resolve(e.text as never);
    else job.reject(errorOf(e.failure));
  }

  /** A thread that failed, stopped or hangs: its reads fail (as the engine's internal errors), the next read starts another. */
  private drop(w: Worker, err: Error): void {
    if (this.worker !== w) return;
    this.worker = null;
    this.failAll(err);
    void w.terminate();
  }

  private failAll(err: unknown): void {
    for (const j of this.pending.values()) {
      if (j.timer) clearTimeout(j.timer);
      j.reject(err);
    }
    this.pending.clear();
  }
}

/** The engine in the calling thread, with the app's address master and name tables (no thread could start). */
async function inlineEngine(o: CardReaderThreadOptions): Promise<CardEngine & { info: CardEngineInfo }> {
  const reader = await CardReader.start({ ...(o.workers ? { workers: o.workers } : {}), ...(o.addressMaster ? { addressMaster: o.addressMaster } : {}), ...(o.nameReadings ? { nameReadings: o.nameReadings } : {}) });
  const info: CardEngineInfo = { thread: false, addressMaster: reader.hasAddressMaster, nameTableProblems: [] };
  return { info, read: (b, r) => reader.read(b, r), decodeQr: (b) => reader.decodeQr(b), close: () => reader.close() };
}

function errorOf(f: CardReaderFailure): Error {
  return f.input ? new OcrInputError(f.code, f.message) : new Error(f.message);
}

/**
 * Starts `card-reader-worker` with where the app's data is: found here, where the app's resources path is known
 * (a thread in a bundle cannot find it from its own place).
 */
function spawnThread(o: CardReaderThreadOptions): Worker | null {
  const env: Record<string, string> = {};
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) env[RESOURCES_PATH_ENV] = resources;
  const address = findAddressDir();
  if (address) env.ICHIMADO_ADDRESS_DIR = address;
  const names = findNamesDir();
  if (names) env.ICHIMADO_NAMES_DIR = names;
  const glyphs = findGlyphsDir();
  if (glyphs) env[GLYPHS_DIR_ENV] = glyphs;
  const start: CardReaderThreadStart = o.workers ? { workers: o.workers } : {};
  return o.spawn ? o.spawn(start, env) : startModuleWorker(import.meta.url, 'card-reader-worker', env, start);
}

/** The thread's first word: ready (with what it loaded), or why it could not start. */
function untilReady(w: Worker): Promise<Extract<CardReaderEvent, { kind: 'ready' }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (e: CardReaderEvent): void => {
      if (e.kind === 'ready') done(() => resolve(e));
      else if (e.kind === 'start-failed') done(() => reject(new Error(e.message)), true);
    };
    const onError = (err: Error): void => done(() => reject(err), true);
    const onExit = (code: number): void => done(() => reject(new Error(`card reader thread exited (${code}) before it was ready`)));
    const done = (settle: () => void, end = false): void => {
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      if (end) void w.terminate();
      settle();
    };
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
  });
}
