import type { MyNumberSource } from '../../../common/domain/household';

/**
 * The 個人番号 the services themselves read from a card (the QR code of its back), by read id, until the
 * clerk confirms it for a person (updateCase cardMyNumber) or it expires. This is what makes a number
 * 確認済み: the case takes the digits from here, never from the screen, so a typed number cannot pass
 * as read. Memory only (特定個人情報 is not written anywhere for this), each entry taken once.
 */

/** A confirmation follows its read within seconds; ten minutes covers a clerk interrupted at the counter. */
const READ_TTL_MS = 10 * 60_000;
/** One counter confirms one read at a time; a few dozen unconfirmed reads mean abandoned dialogs, dropped oldest first. */
const MAX_PENDING_READS = 32;

interface PendingRead {
  digits: string;
  source: MyNumberSource;
  at: number;
}

export class CardNumberReads {
  private readonly reads = new Map<string, PendingRead>();

  constructor(private readonly now: () => number = Date.now) {}

  remember(readId: string, digits: string, source: MyNumberSource): void {
    this.prune();
    this.reads.delete(readId);
    this.reads.set(readId, { digits, source, at: this.now() });
    while (this.reads.size > MAX_PENDING_READS) this.reads.delete(this.reads.keys().next().value!);
  }

  /** The number read under `readId`, once; null when there was none or it expired. */
  take(readId: string): { digits: string; source: MyNumberSource } | null {
    this.prune();
    const r = this.reads.get(readId);
    if (!r) return null;
    this.reads.delete(readId);
    return { digits: r.digits, source: r.source };
  }

  private prune(): void {
    const oldest = this.now() - READ_TTL_MS;
    for (const [id, r] of this.reads) if (r.at < oldest) this.reads.delete(id);
  }
}
