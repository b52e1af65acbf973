import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardReader, type CardEngine } from '../../main/ocr-engine/card-reader';
import { OcrInputError } from '../../main/ocr-engine/ocr-error';
import { CardReaderThread, type CardEngineInfo } from '../../main/services/card-reading/card-reader-thread';
import { CardService } from '../../main/services/card-reading/card-service';
import { loadNameReadings } from '../../main/services/names/name-reading-files';
import { startModuleWorker } from '../../main/workers/start-module-worker';
import type { CardReadResult } from '../../common/ocr/card-result';

const FIX = path.resolve(import.meta.dirname, '../fixtures/cards');
const fixture = (name: string): Buffer => fs.readFileSync(path.join(FIX, name));
const TODAY = '2026-12-03';
/** the thread's module, started as the app starts it (from the client's folder) */
const threadModule = new URL('../../main/services/card-reading/card-reader-thread.ts', import.meta.url).href;

/** What a read gives the clerk, without its timing and pixels. */
const answer = (r: CardReadResult) => ({ ...r, ms: undefined, card: { width: r.card.width, height: r.card.height } });

/**
 * The card reader in its own thread (issue 12, item 5): the services' thread posts the image and gets the
 * result; the address master, the name tables and the resolver's checks with them run in that thread.
 */
describe('CardReaderThread', () => {
  let thread: CardEngine & { info: CardEngineInfo };
  let inline: CardReader;
  const started: Worker[] = [];
  beforeAll(async () => {
    const names = loadNameReadings().readings;
    [thread, inline] = await Promise.all([
      CardReaderThread.start({
        workers: 2,
        spawn: (start, env) => {
          const w = startModuleWorker(threadModule, 'card-reader-worker', env, start);
          if (w) started.push(w);
          return w;
        },
      }),
      CardReader.start({ workers: 1, nameReadings: () => names }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([thread?.close(), inline?.close()]);
  });

  it('reads as the reader in this thread does, with the address master and name tables it loaded itself', async () => {
    expect(thread.info).toEqual({ thread: true, addressMaster: true, nameTableProblems: [] });
    for (const card of ['card-101-0000-current-flat.jpg', 'card-20261216-0046-ng-bilingual-phone.jpg', 'card-20261218-0008-foreign-camera.jpg']) {
      const bytes = fixture(card);
      const stages: string[] = [];
      const there = await thread.read(bytes, { today: TODAY, onProgress: (p) => stages.push(p.stage) });
      const here = await inline.read(bytes, { today: TODAY });
      expect(answer(there), card).toEqual(answer(here));
      // the card image comes back whole (the clerk's crops are cut from it)
      expect(there.card.data.length).toBe(there.card.width * there.card.height);
      expect(stages).toEqual(expect.arrayContaining(['decode', 'find-card', 'recognize', 'parse']));
      // the caller's bytes are copied, not moved: its buffer is still whole
      expect(bytes.equals(fixture(card))).toBe(true);
    }
  }, 60_000);

  it('sends an unreadable image back as the clerk\'s message with its code', async () => {
    const err = await thread.read(fixture('card-104-0000-back-scanner.png'), { today: TODAY }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OcrInputError);
    expect(err).toMatchObject({ code: 'back-side', message: expect.stringMatching(/裏面/) });
    const junk = await thread.read(new Uint8Array([1, 2, 3, 4]), { today: TODAY }).catch((e: unknown) => e);
    expect(junk).toMatchObject({ code: 'not-an-image' });
    // the thread's own timeout, as the reader's
    const late = await thread.read(fixture('card-101-0000-current-flat.jpg'), { today: TODAY, timeoutMs: 1 }).catch((e: unknown) => e);
    expect(late).toMatchObject({ code: 'timeout', message: expect.stringMatching(/時間/) });
  }, 60_000);

  it('fails the reads of a thread that stops, and reads the next card in a new one', async () => {
    const card = fixture('card-101-0000-current-flat.jpg');
    const inFlight = thread.read(card, { today: TODAY }).then(
      () => 'read',
      (e: unknown) => e,
    );
    await started.at(-1)!.terminate();
    const err = await inFlight;
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(OcrInputError);
    const again = await thread.read(card, { today: TODAY });
    expect(again.fields.name.value).toBe('中川\u3000勇気');
    expect(started).toHaveLength(2);
  }, 60_000);
});

describe('the card service', () => {
  it('reads in the engine\'s thread: the app\'s address master and name tables are not touched on its own thread', async () => {
    let asked = 0;
    const logged: { event: string; detail?: Record<string, unknown> }[] = [];
    const service = new CardService({
      log: (_level, event, detail) => logged.push({ event, ...(detail ? { detail } : {}) }),
      today: () => TODAY,
      workers: 1,
      addressMaster: () => {
        asked++;
        return null;
      },
      nameReadings: () => {
        asked++;
        return null;
      },
    });
    try {
      service.start();
      const view = await service.read(fixture('card-101-0000-current-flat.jpg'), 'front', 'r1');
      expect(view.side === 'front' && view.fields.name.value).toBe('中川\u3000勇気');
      expect(asked).toBe(0);
      expect(logged.find((l) => l.event === 'ocr.ready')?.detail).toMatchObject({ thread: true, addressMaster: true, nameTableProblems: [] });
    } finally {
      await service.close();
    }
  }, 60_000);

  it('reads in the calling thread when the engine\'s thread fails to load, and says so in the log', async () => {
    const logged: string[] = [];
    const engine = await CardReaderThread.start({
      workers: 1,
      log: (_level, event) => logged.push(event),
      spawn: () => new Worker('throw new Error("module missing")', { eval: true }),
    });
    try {
      expect(engine.info.thread).toBe(false);
      expect(logged).toEqual(['ocr.thread_start_failed']);
      const r = await engine.read(fixture('card-101-0000-current-flat.jpg'), { today: TODAY });
      expect(r.fields.name.value).toBe('中川\u3000勇気');
    } finally {
      await engine.close();
    }
  }, 60_000);

  it('reads in its own thread with the app\'s tables when no thread can be started', async () => {
    let asked = 0;
    const engine = await CardReaderThread.start({
      workers: 1,
      spawn: () => null,
      addressMaster: () => {
        asked++;
        return null;
      },
    });
    try {
      expect(engine.info).toEqual({ thread: false, addressMaster: false, nameTableProblems: [] });
      expect(asked).toBe(1);
      const r = await engine.read(fixture('card-101-0000-current-flat.jpg'), { today: TODAY });
      expect(r.fields.name.value).toBe('中川\u3000勇気');
    } finally {
      await engine.close();
    }
  }, 60_000);
});
