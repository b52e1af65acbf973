import { randomBytes } from 'node:crypto';
import { fail, ok, type Result } from '../../../common/contract/result';
import type { ChipCardFields, ChipMethod, ChipSessionState, StartChipReadInput } from '../../../common/contract/chip-operations';
import type { ChipCardGeneration } from '../../../common/chip/chip-card-generation';
import { MYNUMBER_CARD_2016 } from '../../../common/chip/mynumber-card-2016';
import type { Logger } from '../log';
import type { ChipReading } from './chip-reading';
import { ChipError } from './chip-error';
import { chipErrorMessage, chipMessage } from './chip-messages';
import { ChipApdus } from './chip-apdus';
import { readVerified, type ChipRead } from './chip-read';
import { openPcsc, type CardLink, type Pcsc } from './pcsc-binding';
import { CHIP_TIMINGS } from './chip-timings';

export interface ChipServiceOptions {
  log: Logger;
  /** the card generation to speak to (the 2016 card by default) */
  card?: ChipCardGeneration;
  /** how PC/SC is opened (the `smartcard` binding by default) */
  openPcsc?: () => Promise<Pcsc>;
  timings?: Partial<typeof CHIP_TIMINGS>;
  now?: () => number;
}

interface Session {
  id: string;
  /** the id the resident page sends the PIN under (not the clerk's) */
  pinRequestId: string;
  method: ChipMethod;
  includeNumber: boolean;
  reader: string;
  link: CardLink | null;
  apdus: ChipApdus;
  state: ChipSessionState;
  /** ms spent talking to the card (the PIN wait excluded) */
  busyMs: number;
  finishedAt: number | null;
  pinTimer: NodeJS.Timeout | null;
}

const newId = (): string => randomBytes(16).toString('hex');
const ascii = (s: string): Uint8Array => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const SEX: Record<string, 'M' | 'F' | null> = { '1': 'M', '2': 'F', '0': null, '9': null };

/**
 * Reads the My Number card's 券面事項入力補助AP over PC/SC: one read session at a time, the card held
 * exclusively from start to end, so no other program's APDUs come between the VERIFY and the reads.
 * Implements the chip operations (ChipReading); the handlers turn its answers into the contract's values.
 */
export class ChipService implements ChipReading {
  private readonly card: ChipCardGeneration;
  private readonly t: typeof CHIP_TIMINGS;
  private readonly now: () => number;
  private pcsc: Pcsc | null = null;
  private readonly sessions = new Map<string, Session>();
  private numberSink: (readId: string, digits: string) => void = () => undefined;

  constructor(private readonly o: ChipServiceOptions) {
    this.card = o.card ?? MYNUMBER_CARD_2016;
    this.t = { ...CHIP_TIMINGS, ...o.timings };
    this.now = o.now ?? (() => performance.now());
  }

  onNumberRead(sink: (readId: string, digits: string) => void): void {
    this.numberSink = sink;
  }

  private async context(): Promise<Pcsc> {
    this.pcsc ??= await (this.o.openPcsc ?? openPcsc)();
    return this.pcsc;
  }

  /** the readers, or throws ChipError('pcsc-unavailable'); a context whose service went away is reopened once */
  private async listReaders() {
    try {
      return (await this.context()).readers();
    } catch (err) {
      this.pcsc?.close();
      this.pcsc = null;
      if (!(err instanceof ChipError) || err.code !== 'pcsc-unavailable') throw err;
      return (await this.context()).readers();
    }
  }

  async readers() {
    try {
      const readers = await this.listReaders();
      return { available: true, readers, message: readers.length === 0 ? chipMessage('no-reader') : null };
    } catch (err) {
      const e = err instanceof ChipError ? err : new ChipError('pcsc-unavailable', String(err).slice(0, 120));
      this.o.log('warn', 'chip.pcsc_unavailable', { detail: e.detail });
      return { available: false, readers: [], message: chipMessage('pcsc-unavailable') };
    }
  }

  /** starts one after another: a double click must not race two exclusive connections to one card */
  private starting: Promise<unknown> = Promise.resolve();

  start(input: StartChipReadInput): Promise<Result<{ sessionId: string; triesLeft: number; reader: string }>> {
    const run = this.starting.then(() => this.startNow(input));
    this.starting = run.catch(() => undefined);
    return run;
  }

  private async startNow(input: StartChipReadInput): Promise<Result<{ sessionId: string; triesLeft: number; reader: string }>> {
    // one read at a time: a new start supersedes whatever was going on (the clerk started over)
    for (const s of this.sessions.values()) if (s.link) this.finish(s, new ChipError('cancelled', 'superseded'));
    this.prune();
    const t0 = this.now();
    const refuse = (e: ChipError) => {
      this.o.log('warn', 'chip.start_refused', { code: e.code, detail: e.detail, method: input.method, triesLeft: e.triesLeft });
      return fail({ code: 'CARD_UNREADABLE', message: chipErrorMessage(e, input.method), reason: e.code });
    };
    let readers;
    try {
      readers = await this.listReaders();
    } catch (err) {
      return refuse(err instanceof ChipError ? err : new ChipError('pcsc-unavailable', String(err).slice(0, 120)));
    }
    const reader = input.reader ? readers.find((r) => r.name === input.reader) : (readers.find((r) => r.cardPresent) ?? readers[0]);
    if (!reader) return refuse(new ChipError('no-reader', input.reader ? 'named reader not listed' : 'no reader listed'));
    if (!reader.cardPresent) return refuse(new ChipError('no-card', 'reader empty'));

    let link: CardLink | null = null;
    try {
      link = await (await this.context()).connect(reader.name, this.t.transmitTimeoutMs);
      const apdus = new ChipApdus(link, this.card);
      await apdus.selectTextAp();
      const key = input.method === 'pin' ? this.card.keys.pin : this.card.keys.verifyB;
      const triesLeft = await apdus.triesLeft(key);
      if (triesLeft === 0) throw new ChipError('blocked', 'tries 0 before VERIFY', 0);
      // never the last try automatically: 照合番号B is tried by the services, not typed by the resident
      if (input.method === 'verify-b' && triesLeft <= 1) throw new ChipError('tries-low', `tries ${triesLeft}`, triesLeft);
      const s: Session = {
        id: newId(),
        pinRequestId: newId(),
        method: input.method,
        includeNumber: input.method === 'pin' && input.includeNumber,
        reader: reader.name,
        link,
        apdus,
        state: input.method === 'pin' ? { state: 'waiting-pin', triesLeft } : { state: 'reading' },
        busyMs: this.now() - t0,
        finishedAt: null,
        pinTimer: null,
      };
      this.sessions.set(s.id, s);
      if (input.method === 'pin') {
        s.pinTimer = setTimeout(() => this.finish(s, new ChipError('timeout', 'pin-wait')), this.t.pinWaitMs);
        s.pinTimer.unref();
      } else {
        const code = ascii(this.card.verifyBCode(input.verifyB));
        void this.verifyAndRead(s, code, 'wrong-verify-b');
      }
      return ok({ sessionId: s.id, triesLeft, reader: reader.name });
    } catch (err) {
      link?.close();
      return refuse(err instanceof ChipError ? err : new ChipError('card-error', String(err).slice(0, 120)));
    }
  }

  state(sessionId: string): ChipSessionState | null {
    const s = this.sessions.get(sessionId);
    if (!s) return null;
    // waiting for the PIN, the card may leave the reader (or the reader the PC): say so now, not at the PIN
    if (s.state.state === 'waiting-pin' && this.pcsc) {
      try {
        const r = this.pcsc.readers().find((x) => x.name === s.reader);
        if (!r) this.finish(s, new ChipError('reader-gone', 'reader not listed while waiting for the PIN'));
        else if (!r.cardPresent) this.finish(s, new ChipError('removed', 'card left while waiting for the PIN'));
      } catch (err) {
        this.finish(s, err instanceof ChipError ? err : new ChipError('pcsc-unavailable', String(err).slice(0, 120)));
      }
    }
    return s.state;
  }

  pinRequest() {
    for (const s of this.sessions.values()) {
      if (s.state.state === 'waiting-pin') return { pinRequestId: s.pinRequestId, triesLeft: s.state.triesLeft };
    }
    return null;
  }

  async submitPin(pinRequestId: string, pin: string) {
    const s = [...this.sessions.values()].find((x) => x.pinRequestId === pinRequestId && x.state.state === 'waiting-pin');
    if (!s) return null;
    if (s.pinTimer) clearTimeout(s.pinTimer);
    s.state = { state: 'reading' };
    const verified = await this.verifyAndRead(s, ascii(pin), 'wrong-pin', true);
    if (verified) return { verified: true, triesLeft: null, message: null };
    // (verifyAndRead changed the state: read it afresh, not as narrowed above)
    const st = this.sessions.get(s.id)!.state;
    return st.state === 'failed' ? { verified: false, triesLeft: st.triesLeft, message: st.message } : { verified: false, triesLeft: null, message: null };
  }

  cancel(sessionId: string): boolean {
    const s = this.sessions.get(sessionId);
    if (!s || s.finishedAt !== null) return false;
    this.finish(s, new ChipError('cancelled', 'by the clerk'));
    return true;
  }

  async close(): Promise<void> {
    for (const s of this.sessions.values()) if (s.finishedAt === null) this.finish(s, new ChipError('cancelled', 'services closing'));
    this.pcsc?.close();
    this.pcsc = null;
  }

  /**
   * VERIFY, then the read. With `answerAfterVerify` the returned promise settles as soon as the card has
   * judged the code (true: accepted), and the read goes on behind it; otherwise it settles when all is done.
   */
  private verifyAndRead(s: Session, code: Uint8Array, wrong: 'wrong-pin' | 'wrong-verify-b', answerAfterVerify = false): Promise<boolean> {
    const t0 = this.now();
    const key = s.method === 'pin' ? this.card.keys.pin : this.card.keys.verifyB;
    let told: (v: boolean) => void = () => undefined;
    const verdict = new Promise<boolean>((resolve) => (told = resolve));
    const run = async () => {
      try {
        await s.apdus.verify(key, code, wrong);
        told(true);
        const read = await readVerified(s.apdus, this.card, s.includeNumber);
        if (s.finishedAt !== null) return; // cancelled while reading: the result is dropped
        s.busyMs += this.now() - t0;
        this.done(s, read);
      } catch (err) {
        s.busyMs += this.now() - t0;
        this.finish(s, err instanceof ChipError ? err : new ChipError('card-error', String(err).slice(0, 120)));
        told(false);
      } finally {
        code.fill(0);
      }
    };
    const all = run();
    return answerAfterVerify ? verdict : all.then(() => s.state.state === 'done');
  }

  private done(s: Session, read: ChipRead): void {
    const name = read.attributes.name;
    const cut = name.indexOf('\u3000');
    const fields: ChipCardFields = {
      name,
      nameParts: cut < 0 ? { family: name, given: '' } : { family: name.slice(0, cut), given: name.slice(cut + 1) },
      address: read.attributes.address,
      birthDate: read.attributes.birthDate,
      sex: SEX[read.attributes.sexCode] ?? null,
      myNumber: read.number,
      digestsOk: true,
      readId: s.id,
      method: s.method,
    };
    // the services' own record of the number: what makes it 確認済み ('card-chip') once the clerk confirms it
    if (read.number) this.numberSink(s.id, read.number);
    this.close1(s);
    s.state = { state: 'done', fields, ms: Math.round(s.busyMs) };
    this.o.log('info', 'chip.read_done', { method: s.method, number: read.number !== null, ms: Math.round(s.busyMs), apdus: s.apdus.count, card: this.card.id });
  }

  private finish(s: Session, e: ChipError): void {
    if (s.finishedAt !== null) return;
    this.close1(s);
    s.state = { state: 'failed', code: e.code, message: chipErrorMessage(e, s.method), triesLeft: e.triesLeft };
    this.o.log(e.code === 'cancelled' ? 'info' : 'warn', 'chip.read_failed', { code: e.code, detail: e.detail, method: s.method, triesLeft: e.triesLeft, apdus: s.apdus.count });
  }

  private close1(s: Session): void {
    s.finishedAt = this.now();
    if (s.pinTimer) clearTimeout(s.pinTimer);
    s.pinTimer = null;
    s.link?.close();
    s.link = null;
  }

  private prune(): void {
    const oldest = this.now() - this.t.keepFinishedMs;
    const finished = [...this.sessions.values()].filter((s) => s.finishedAt !== null);
    for (const s of finished) if (s.finishedAt! < oldest) this.sessions.delete(s.id);
    const left = finished.filter((s) => this.sessions.has(s.id));
    for (const s of left.slice(0, Math.max(0, left.length - this.t.keepFinishedCount))) this.sessions.delete(s.id);
  }
}
