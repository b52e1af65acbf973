import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../main/services/api/dispatch';
import { createCardHandlers, CARD_READS_AT_ONCE, CARD_READS_WAITING } from '../../main/services/api/card-handlers';
import { CardNumberReads } from '../../main/services/api/card-number-reads';
import type { Handlers } from '../../main/services/api/handlers';
import { CardService } from '../../main/services/card-reading/card-service';
import { OcrInputError } from '../../main/ocr-engine/ocr-error';
import type { Result } from '../../common/contract/result';
import { waitFor } from '../support/processes';

/**
 * Card reads are capped (issue 10, defect 9): many reads at once through dispatch each get a result or
 * a typed BUSY, and never more than the cap are inside the reader at once. The OCR engine is a stand-in
 * that counts the reads inside it and holds each until the test lets it go: what is measured is the
 * number in flight, never a time.
 */
class HeldEngine {
  inside = 0;
  mostInside = 0;
  entered = 0;
  private waiting: (() => void)[] = [];

  read = async (): Promise<never> => {
    this.inside++;
    this.entered++;
    this.mostInside = Math.max(this.mostInside, this.inside);
    await new Promise<void>((r) => this.waiting.push(r));
    this.inside--;
    throw new OcrInputError('not-an-image', '画像として読めません。');
  };
  releaseAll(): void {
    for (const r of this.waiting.splice(0)) r();
  }
  decodeQr = async () => ({ text: null });
  close = async () => undefined;
}

describe('card reads at once', () => {
  const engine = new HeldEngine();
  let service: CardService;
  let dispatch: ReturnType<typeof createDispatch>;

  beforeAll(() => {
    service = new CardService({ log: () => undefined, today: () => '2026-12-03', startReader: async () => engine });
    service.start();
    dispatch = createDispatch(createCardHandlers({ reader: service, scanner: null }, new CardNumberReads()) as Handlers, () => undefined);
  });
  afterAll(async () => {
    engine.releaseAll();
    await service.close();
  });

  it('admits at most the cap plus a short queue; the rest get BUSY with a Japanese message, nothing in between', async () => {
    const image = Buffer.alloc(2 * 1024 * 1024, 7).toString('base64');
    const calls: Promise<Result<unknown>>[] = [];
    for (let i = 0; i < 16; i++) calls.push(dispatch('readCard', { readId: `r${i}`, image, side: 'front' }));

    // the reads beyond the cap and the queue are answered at once, while the others are still held
    await waitFor(() => engine.inside === CARD_READS_AT_ONCE, 10_000, 'the reader to be full');
    const settled = await Promise.all(calls.map((c) => Promise.race([c, new Promise<null>((r) => setTimeout(() => r(null), 50))])));
    const busy = settled.filter((r) => r && !r.ok && r.error.code === 'BUSY');
    expect(busy).toHaveLength(16 - CARD_READS_AT_ONCE - CARD_READS_WAITING);
    for (const r of busy) if (r && !r.ok) expect(r.error.message).toContain('お待ちください');
    expect(settled.filter((r) => r === null)).toHaveLength(CARD_READS_AT_ONCE + CARD_READS_WAITING);

    // the queued ones go in as the first ones finish, never more than the cap inside
    while (engine.entered < CARD_READS_AT_ONCE + CARD_READS_WAITING || engine.inside > 0) {
      engine.releaseAll();
      await new Promise((r) => setTimeout(r, 10));
    }
    const all = await Promise.all(calls);
    expect(all.filter((r) => !r.ok && r.error.code === 'CARD_UNREADABLE')).toHaveLength(CARD_READS_AT_ONCE + CARD_READS_WAITING);
    expect(engine.mostInside).toBe(CARD_READS_AT_ONCE);

    // every slot came back: a read now is admitted again
    const again = dispatch('readCard', { readId: 'again', image, side: 'front' });
    await waitFor(() => engine.inside === 1, 10_000, 'the next read to enter');
    engine.releaseAll();
    expect(await again).toMatchObject({ ok: false, error: { code: 'CARD_UNREADABLE' } });
  });
});
