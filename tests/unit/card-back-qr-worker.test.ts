import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import jsQR from 'jsqr';
import { CardReadError, CardService } from '../../main/services/card-reading/card-service';
import { PrepWorker } from '../../main/ocr-engine/prep/prep-client';
import { qrCardBack } from '../support/cards/qr-card';

// jsQR as this (the services') thread loads it: counted. The preprocessing worker thread loads its own copy.
vi.mock('jsqr', async (importOriginal) => {
  const real = (await importOriginal<typeof import('jsqr')>()).default;
  return { default: vi.fn(real) };
});

const FIX = path.resolve(import.meta.dirname, '../fixtures/cards');

/**
 * The card back's QR code (image decode + jsQR, tens to hundreds of ms of synchronous work) is read in
 * the OCR's preprocessing worker thread, not on the services' thread (Electron's main process).
 */
describe('card back: QR decode in the preprocessing worker', () => {
  const service = new CardService({ log: () => undefined, today: () => '2026-01-01' });
  afterAll(() => service.close());

  it('reads the 個人番号 without running jsQR on the services thread', async () => {
    const qr = vi.spyOn(PrepWorker.prototype, 'qr');
    const bytes = new Uint8Array(await qrCardBack('123456789018', { desk: true }));
    const copy = Uint8Array.from(bytes);
    const out = await service.read(bytes, 'back', 'w1');
    expect(out).toMatchObject({ side: 'back', myNumber: '123456789018', message: null });
    // the op went to a real worker (not PrepWorker's inline fallback) and jsQR never ran here
    expect(qr).toHaveBeenCalledTimes(1);
    expect((qr.mock.contexts[0] as PrepWorker).inline).toBe(false);
    expect(vi.mocked(jsQR)).not.toHaveBeenCalled();
    // a copy was moved to the worker: the caller's bytes are left for the caller to zero
    expect(bytes).toEqual(copy);

    // no QR code (a card front, a large search with inversion) and a wrong check digit: still off this thread
    const none = await service.read(new Uint8Array(fs.readFileSync(path.join(FIX, 'card-101-0000-current-flat.jpg'))), 'back', 'w2');
    expect(none).toMatchObject({ side: 'back', myNumber: null, message: expect.stringContaining('QRコードが見つかりません') });
    const wrong = await service.read(new Uint8Array(await qrCardBack('123456789012')), 'back', 'w3');
    expect(wrong).toMatchObject({ side: 'back', myNumber: null, message: expect.stringContaining('検査用数字') });
    expect(qr).toHaveBeenCalledTimes(3);
    expect(vi.mocked(jsQR)).not.toHaveBeenCalled();
    qr.mockRestore();
  }, 60_000);

  it('refuses what is not an image with the same reason as before', async () => {
    const err = await service.read(new TextEncoder().encode('not an image at all'), 'back', 'w4').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CardReadError);
    expect(err).toMatchObject({ code: 'CARD_UNREADABLE', reason: 'not-an-image' });
  });
});
