import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../main/services/app-services';
import { signInServices } from '../support/sign-in';
import type { AppServices } from '../../main/services/app-services.types';
import { tempDir, waitFor } from '../support/processes';
import { qrCardBack } from '../support/cards/qr-card';

const FIX = path.resolve(import.meta.dirname, '../fixtures/cards');
const b64 = (name: string) => fs.readFileSync(path.join(FIX, name)).toString('base64');

/** The card operations through the services' dispatch, as both bridges call them. */
describe('card reading in the app services', () => {
  let dataDir: string;
  let drop: string;
  let services: AppServices;

  beforeAll(async () => {
    dataDir = tempDir('cards');
    drop = path.join(dataDir, 'scans');
    fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ scannerDropDir: 'scans' }));
    services = await createAppServices({ dataDir, host: 'browser', appVersion: '0.0.0', backendUrl: 'http://127.0.0.1:9' });
    await signInServices(services);
  }, 60_000);
  afterAll(async () => {
    await services?.close();
  });

  it('starts the OCR in the background and says when it is ready', async () => {
    const s = await waitFor(async () => {
      const r = await services.dispatch('getOcrStatus', {});
      return r.ok && (r.value as { state: string }).state !== 'starting' ? r.value : undefined;
    }, 60_000, 'OCR ready');
    expect(s).toMatchObject({ state: 'ready', message: null, scannerConfigured: true });
  }, 70_000);

  it('reads a card front: fields, crops on the warped card image', async () => {
    const r = await services.dispatch('readCard', { readId: 'r1', image: b64('card-101-0000-current-flat.jpg'), side: 'front' });
    expect(r.ok).toBe(true);
    const v = (r as { value: { side: string; fields: Record<string, { value: string | null; crop: { x: number; y: number; width: number; height: number } | null }>; image: { mimeType: string; data: string; width: number; height: number }; expired: boolean } }).value;
    expect(v.side).toBe('front');
    expect(v.fields.birthDate!.value).toBe('1941-10-16');
    expect(v.fields.name!.value).toBe('中川\u3000勇気');
    expect(v.image.mimeType).toBe('image/jpeg');
    expect(v.image.width).toBe(1000);
    expect(v.image.data.length).toBeLessThan(400_000);
    const crop = v.fields.name!.crop!;
    // the name sits top left on the card
    expect(crop.x).toBeLessThan(v.image.width / 3);
    expect(crop.y).toBeLessThan(v.image.height / 4);
    expect(v.expired).toBe(false);
  }, 60_000);

  it('refuses what is not a card front with the OCR reason and a Japanese message', async () => {
    const back = await services.dispatch('readCard', { readId: 'r2', image: b64('card-104-0000-back-scanner.png'), side: 'front' });
    expect(back).toMatchObject({ ok: false, error: { code: 'CARD_UNREADABLE', reason: 'back-side' } });
    const junk = await services.dispatch('readCard', { readId: 'r3', image: Buffer.from('this is not an image at all').toString('base64'), side: 'front' });
    expect(junk).toMatchObject({ ok: false, error: { code: 'CARD_UNREADABLE', reason: 'not-an-image' } });
    expect((junk as { error: { message: string } }).error.message).toMatch(/画像/);
  }, 60_000);

  it('bounds the image (20 MB as base64) and refuses anything but base64', async () => {
    const big = 'A'.repeat(28_000_000);
    expect(await services.dispatch('readCard', { readId: 'r4', image: big, side: 'front' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await services.dispatch('readCard', { readId: 'r4', image: 'not base64 !!!!!!!!', side: 'front' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await services.dispatch('readCard', { readId: 'r4', image: b64('card-101-0000-current-flat.jpg'), side: 'front', keep: true })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('reads the 個人番号 from the QR code on the back, check digit validated', async () => {
    const ok = await services.dispatch('readCard', { readId: 'q1', image: (await qrCardBack('123456789018', { desk: true })).toString('base64'), side: 'back' });
    expect(ok).toMatchObject({ ok: true, value: { side: 'back', myNumber: '123456789018', message: null } });
    const wrong = await services.dispatch('readCard', { readId: 'q2', image: (await qrCardBack('123456789012')).toString('base64'), side: 'back' });
    expect(wrong).toMatchObject({ ok: true, value: { side: 'back', myNumber: null } });
    const none = await services.dispatch('readCard', { readId: 'q3', image: b64('card-101-0000-current-flat.jpg'), side: 'back' });
    expect(none).toMatchObject({ ok: true, value: { myNumber: null } });
  }, 60_000);

  it('offers scans from the drop folder and deletes each once read or discarded', async () => {
    fs.copyFileSync(path.join(FIX, 'card-102-0000-next-gen-scanner.png'), path.join(drop, 'scan-0001.png'));
    fs.copyFileSync(path.join(FIX, 'card-101-0000-current-flat.jpg'), path.join(drop, 'scan-0002.jpg'));
    fs.writeFileSync(path.join(drop, 'notes.txt'), 'not an image');
    const items = await waitFor(async () => {
      const r = await services.dispatch('listScannerImages', {});
      const v = (r as { value: { items: { id: string; name: string }[] } }).value;
      return v.items.length === 2 ? v.items : undefined;
    }, 10_000, 'two scans offered');
    const first = items.find((i) => i.name === 'scan-0001.png')!;
    const r = await services.dispatch('readScannerImage', { readId: 's1', id: first.id, side: 'front' });
    expect(r).toMatchObject({ ok: true, value: { side: 'front', layout: 'next-gen' } });
    expect(fs.existsSync(path.join(drop, 'scan-0001.png'))).toBe(false);
    const second = items.find((i) => i.name === 'scan-0002.jpg')!;
    expect(await services.dispatch('discardScannerImage', { id: second.id })).toEqual({ ok: true, value: { discarded: true } });
    expect(fs.readdirSync(drop)).toEqual(['notes.txt']);
    expect(await services.dispatch('readScannerImage', { readId: 's2', id: second.id, side: 'front' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  }, 60_000);

  it('writes no card data to the log or the data dir', () => {
    const log = fs.readFileSync(path.join(dataDir, 'logs', 'ichimado.log'), 'utf8');
    expect(log).toContain('ocr.read');
    for (const s of ['中川', '勇気', '千葉', '123456789018', '9018', 'scan-000']) expect(log).not.toContain(s);
    const files = fs.readdirSync(dataDir, { recursive: true }).map(String);
    expect(files.filter((f) => /\.(jpe?g|png)$/i.test(f))).toEqual([]);
  });
});
