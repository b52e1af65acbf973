import { randomUUID } from 'node:crypto';
import type { ResidentDisplayView, ResidentScreen } from '../../../common/contract/resident-operations';
import { parsePhone } from '../../../common/validation/phone';

/**
 * How long the resident page's request for a change is held before it is answered with the same state:
 * long enough that an idle screen costs almost nothing, well under the browser host's 30 s request timeout.
 */
export const RESIDENT_WAIT_MS = 20_000;
/**
 * How often a held request looks again at what only the chip service knows (a PIN request appearing or going
 * away, the clerk locking the screen): a quarter second, so the PIN pad is up before the resident reaches for it.
 */
export const RESIDENT_RECHECK_MS = 250;

/** What became of the clerk's request for the resident's phone number (askPhone). */
export type PhoneAnswer = { state: 'waiting' } | { state: 'answered'; phone: string } | { state: 'ended'; reason: PhoneEndReason };
/** Why a request ended without a number (contract: AwaitResidentPhoneOutput). */
export type PhoneEndReason = 'clerk-away' | 'replaced' | 'unknown';

/** What decides the screen besides the clerk's last choice; read on every look. */
export interface ResidentProbe {
  /** a clerk is signed in and the screen is not locked: only then does the resident see a case or a PIN pad */
  clerkPresent(): boolean;
  /** the chip read waiting for the resident's PIN, if any */
  pinRequest(): { pinRequestId: string; triesLeft: number } | null;
}

/**
 * What the resident-facing screen shows (idle | PIN pad for a chip read | 確認 of the current case). The clerk
 * sets idle or 確認; a chip read waiting for the PIN shows the pad over either. One per running app: a counter
 * has one resident display. The page asks for changes after the version it shows and is answered as soon as
 * there is one (a long poll).
 */
export class ResidentDisplay {
  private version = 0;
  private chosen: ResidentScreen = { kind: 'idle' };
  private lastShown = '';
  private readonly waiting = new Set<() => void>();
  /**
   * The open 電話番号 request: the pad is up while `open`; the number waits here only until the clerk's
   * page collects it (awaitPhone), then it is forgotten. Never logged.
   */
  private phone: { id: string; open: boolean; answer: string | null } | null = null;
  /**
   * Why the last request ended without its number, for the clerk's page asking after it: one request is
   * open at a time and the page asks again at once, so the last one is the one it asks about.
   */
  private lastEnded: { id: string; reason: PhoneEndReason } | null = null;

  constructor(
    private readonly demo: boolean,
    private readonly probe: ResidentProbe,
  ) {}

  /**
   * The clerk's choice (idle, 確認, the 電話番号 pad). Any other screen ends the 電話番号 request, and a number
   * the clerk's page has not collected yet is forgotten with it.
   */
  show(screen: ResidentScreen): void {
    if (this.phone && !(screen.kind === 'phone-entry' && screen.phoneRequestId === this.phone.id)) this.endRequest('replaced');
    this.choose(screen);
  }

  /** The open request ends without a number: one not yet collected is forgotten, the reason kept for the asker. */
  private endRequest(reason: PhoneEndReason): void {
    if (!this.phone) return;
    this.lastEnded = { id: this.phone.id, reason };
    this.phone = null;
  }

  private choose(screen: ResidentScreen): void {
    this.chosen = screen;
    this.view();
    this.wakeAll();
  }

  /** The clerk's page ends its own request (取消, the person's card gone): other screens are left alone. */
  endPhone(phoneRequestId: string): boolean {
    if (this.phone?.id !== phoneRequestId) return false;
    if (this.chosen.kind === 'phone-entry' && this.chosen.phoneRequestId === phoneRequestId) this.show({ kind: 'idle' });
    else this.endRequest('replaced');
    this.wakeAll();
    return true;
  }

  private wakeAll(): void {
    for (const wake of [...this.waiting]) wake();
  }

  /** The clerk asks the resident to type their 電話番号 on the pad; a request still open is ended. */
  askPhone(): string {
    const id = randomUUID();
    this.endRequest('replaced');
    this.phone = { id, open: true, answer: null };
    this.show({ kind: 'phone-entry', phoneRequestId: id });
    return id;
  }

  /**
   * The resident's number for the request on screen: checked as the forms check it, then held for the clerk's
   * page and the pad taken down. Refused (with the resident's message) when that pad is not what is shown.
   */
  answerPhone(phoneRequestId: string, digits: string): { accepted: boolean; message: string | null } {
    const now = this.view().screen;
    if (!this.phone || now.kind !== 'phone-entry' || now.phoneRequestId !== phoneRequestId || this.phone.id !== phoneRequestId) {
      return { accepted: false, message: 'いまは電話番号の入力は必要ありません。係員にお知らせください。' };
    }
    const parsed = parsePhone(digits);
    if (!parsed.ok) return { accepted: false, message: parsed.message };
    this.phone.answer = parsed.value;
    this.phone.open = false;
    // the pad goes; the number waits for the clerk's page (not `show`, which would forget it)
    this.choose({ kind: 'idle' });
    return { accepted: true, message: null };
  }

  /** What became of the request, waiting up to `ms` while it is still open; an answer is handed over once. */
  async awaitPhone(phoneRequestId: string, ms = RESIDENT_WAIT_MS): Promise<PhoneAnswer> {
    const until = Date.now() + ms;
    for (;;) {
      this.view();
      const p = this.phone;
      if (!p || p.id !== phoneRequestId) return { state: 'ended', reason: this.lastEnded?.id === phoneRequestId ? this.lastEnded.reason : 'unknown' };
      if (p.answer !== null) {
        this.phone = null;
        return { state: 'answered', phone: p.answer };
      }
      if (!p.open) return { state: 'ended', reason: 'unknown' };
      const left = until - Date.now();
      if (left <= 0) return { state: 'waiting' };
      await this.pause(left);
    }
  }

  /** Until the next change or the recheck interval, whichever comes first. */
  private pause(left: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.min(RESIDENT_RECHECK_MS, left));
      timer.unref?.();
      this.waiting.add(done);
    });
  }

  chosenScreen(): ResidentScreen {
    return this.chosen;
  }

  /** What the resident sees now; the version moves whenever that differs from the last look. */
  view(): ResidentDisplayView {
    // no clerk (signed out, locked, idle lock): an open 電話番号 request ends, and a number not yet collected
    // is forgotten; after the unlock nobody would be waiting for it
    if (this.phone && !this.probe.clerkPresent()) {
      this.endRequest('clerk-away');
      if (this.chosen.kind === 'phone-entry') this.chosen = { kind: 'idle' };
    }
    const screen = this.screenNow();
    const key = JSON.stringify(screen);
    if (key !== this.lastShown) {
      this.lastShown = key;
      this.version++;
    }
    return { version: this.version, demo: this.demo, screen };
  }

  private screenNow(): ResidentScreen {
    if (!this.probe.clerkPresent()) return { kind: 'idle' };
    const pin = this.probe.pinRequest();
    if (pin) return { kind: 'pin-entry', pinRequestId: pin.pinRequestId, triesLeft: pin.triesLeft };
    return this.chosen;
  }

  /** Answers once what the resident sees is past `afterVersion`, or after `ms`. */
  async waitForChange(afterVersion: number, ms = RESIDENT_WAIT_MS): Promise<ResidentDisplayView> {
    const until = Date.now() + ms;
    for (;;) {
      const v = this.view();
      const left = until - Date.now();
      if (v.version > afterVersion || left <= 0) return v;
      await this.pause(left);
    }
  }

  /** Answers every held request (at shutdown). */
  release(): void {
    this.wakeAll();
  }
}
