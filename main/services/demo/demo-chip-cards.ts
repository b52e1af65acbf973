import type { Logger } from '../log';
import type { DemoChipCardsView } from '../../../common/contract/training-operations';
import { myNumberCheckDigit } from '../../../common/validation/my-number';
import type { Worker } from 'node:worker_threads';
import { VPCD_BASE_PORT } from '../../chip-emulator/vpcd-link';
import type { CardWorkerEvent, CardWorkerRequest } from './demo-chip-card-worker';
import { startModuleWorker } from '../../workers/start-module-worker';
import { syntheticPerson, type VirtualPerson } from '../../chip-emulator/synthetic-people';
import { vpcdReaderName } from '../../chip-emulator/run-virtual-card';
import type { DemoCardPerson } from './demo-card-people';
import { insteadOfChip } from './instead-of-chip';

/**
 * 見本ICカード (研修モード): the demo residents' My Number cards as virtual IC chips, put on the virtual
 * card reader (Debian's vsmartcard-vpcd under pcscd) from the card dialog, so a trainee practises the chip
 * read — the resident's PIN on the resident-facing screen, the exact name with its variant kanji — with the
 * people the 見本カード images show. The card (the emulator the tests run as a process of its own) answers
 * from a worker thread of this process — the chip service's PC/SC calls block the services' thread at
 * times — and the app reads it through PC/SC as it would read a real card. Where the virtual
 * reader does not exist (Windows, a Linux without vpcd) the view says so and nothing else changes.
 */
export const DEMO_CHIP_PIN = '1234';

/** waits on pcscd's view of the virtual reader; each with why */
const DEMO_CHIP_TUNING = {
  /** pcscd polls vpcd about every 400 ms: seeing a card come or go takes up to a few of those */
  seenWithinMs: 5000,
  pollEveryMs: 100,
  /** the card's thread connecting to vpcd's local port (it allows itself 2 s) and starting up under tsx */
  connectWithinMs: 8000,
} as const;

export interface DemoChipCardsOptions {
  people(): DemoCardPerson[];
  /** vpcd slot of the training reader: 0 → "Virtual PCD 00 00" */
  slot: number;
  /** the chip service's view of the readers (pcscd's) */
  readers(): Promise<{ available: boolean; readers: { name: string; cardPresent: boolean }[] }>;
  /** the 見本カード images can be read (an OCR engine that is on and did not fail to start) */
  imagesReadable(): boolean;
  log: Logger;
}

/** 12 digits with a valid check digit, made from the person's demo id: synthetic, never anyone's number */
export function demoMyNumber(id: string): string {
  const tennyu = /^tennyu-(\d)$/.exec(id);
  const base = /^\d{11}$/.test(id) ? id : `9${'0'.repeat(9)}${tennyu ? tennyu[1] : '0'}`;
  return `${base}${myNumberCheckDigit(base)}`;
}

function chipPerson(p: DemoCardPerson): VirtualPerson {
  const made = syntheticPerson({
    id: p.id,
    name: `${p.family}\u3000${p.given}`,
    address: p.address,
    birthDate: p.birth.replaceAll('-', ''),
    sexCode: p.sex === '男' ? '1' : '2',
    myNumber: demoMyNumber(p.id),
    // the 見本カード image prints no セキュリティコード: the last four digits of the number stand in for it
    face: { expiryYear: p.expiry.slice(0, 4), securityCode: demoMyNumber(p.id).slice(7, 11) },
  });
  if (!made.ok) throw new Error(`見本ICカード ${p.id}: ${made.message}`);
  return made.person;
}

export class DemoChipCards {
  /** the card's thread, started with the first card put on */
  private worker: Worker | null = null;
  private onReader: string | null = null;
  /** one put at a time: a double click must not connect two cards to one slot */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: DemoChipCardsOptions) {}

  private get reader(): string {
    return vpcdReaderName(this.o.slot);
  }

  async view(): Promise<DemoChipCardsView> {
    const cards = this.o.people().map((p) => ({ id: p.id, label: p.label }));
    const base = { reader: this.reader, pin: DEMO_CHIP_PIN, onReader: this.onReader, cards };
    const r = await this.o.readers();
    if (!r.available) return { ...base, available: false, message: 'カードリーダーの仕組み（PC/SC）が動いていないため、見本ICカードは使えません。' };
    const mine = r.readers.find((x) => x.name === this.reader);
    if (!mine) return { ...base, available: false, message: `研修用の仮想カードリーダー（${this.reader}）がこの端末にありません。${insteadOfChip(this.o.imagesReadable())}` };
    if (mine.cardPresent && this.onReader === null) return { ...base, available: false, message: `${this.reader} の上に別のカードがあります。取り除いてから使ってください。` };
    return { ...base, available: true, message: null };
  }

  /** puts the person's card on the training reader (taking off the one there), or only takes it off (null) */
  put(id: string | null): Promise<DemoChipCardsView | { refused: string }> {
    const run = this.queue.then(() => this.putNow(id));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async putNow(id: string | null): Promise<DemoChipCardsView | { refused: string }> {
    const person = id === null ? null : this.o.people().find((p) => p.id === id);
    if (id !== null && !person) return { refused: 'この見本ICカードはありません。' };
    const before = await this.view();
    if (!before.available) return { refused: before.message ?? '見本ICカードは使えません。' };
    if (this.onReader !== null) {
      this.takeOff();
      // pcscd must see the old card go, or it takes the new one for the same card still there
      await this.seen(false);
    }
    if (person) {
      const answer = await this.ask({ kind: 'put', port: VPCD_BASE_PORT + this.o.slot, person: chipPerson(person), pin: DEMO_CHIP_PIN });
      if (answer.kind !== 'on') {
        this.o.log('warn', 'demo.chip_card_failed', { detail: answer.kind === 'error' ? answer.message : answer.kind });
        return { refused: '見本ICカードを置けませんでした。もう一度お試しください。' };
      }
      this.onReader = person.id;
      await this.seen(true);
    }
    this.o.log('info', 'demo.chip_card', { on: person !== null, slot: this.o.slot });
    return this.view();
  }

  private takeOff(): void {
    this.onReader = null;
    this.worker?.postMessage({ kind: 'remove' } satisfies CardWorkerRequest);
  }

  /** one request to the card's thread and its first answer ('on' or 'error'), or 'error' when it cannot start */
  private ask(req: CardWorkerRequest): Promise<CardWorkerEvent> {
    if (!this.worker) {
      this.worker = startModuleWorker(import.meta.url, 'demo-chip-card-worker');
      if (!this.worker) return Promise.resolve({ kind: 'error', message: 'card thread not started' });
      this.worker.unref();
      // vpcd or pcscd closed the card's connection: it is no longer on the reader
      this.worker.on('message', (e: CardWorkerEvent) => {
        if (e.kind === 'off') this.onReader = null;
      });
      this.worker.on('error', (err) => this.o.log('warn', 'demo.chip_card_thread_failed', { detail: err.message.slice(0, 200) }));
    }
    const w = this.worker;
    return new Promise((resolve) => {
      const timer = setTimeout(() => done({ kind: 'error', message: `no answer in ${DEMO_CHIP_TUNING.connectWithinMs} ms` }), DEMO_CHIP_TUNING.connectWithinMs);
      const onMessage = (e: CardWorkerEvent) => e.kind !== 'off' && done(e);
      const done = (e: CardWorkerEvent) => {
        clearTimeout(timer);
        w.off('message', onMessage);
        resolve(e);
      };
      w.on('message', onMessage);
      w.postMessage(req);
    });
  }

  private async seen(present: boolean): Promise<void> {
    const end = Date.now() + DEMO_CHIP_TUNING.seenWithinMs;
    while (Date.now() < end) {
      const r = await this.o.readers();
      if (r.readers.find((x) => x.name === this.reader)?.cardPresent === present) return;
      await new Promise((res) => setTimeout(res, DEMO_CHIP_TUNING.pollEveryMs));
    }
    this.o.log('warn', 'demo.chip_card_unseen', { present, slot: this.o.slot });
  }

  close(): Promise<void> {
    this.takeOff();
    const w = this.worker;
    this.worker = null;
    return w ? w.terminate().then(() => undefined) : Promise.resolve();
  }
}
