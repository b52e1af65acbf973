import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../main/services/app-services';
import type { AppServices } from '../../main/services/app-services.types';
import type { ChipSessionState } from '../../common/contract/chip-operations';
import type { DemoChipCardsView } from '../../common/contract/training-operations';
import type { OperationName } from '../../common/contract/operation-names';
import { DEMO_CHIP_PIN, demoMyNumber } from '../../main/services/demo/demo-chip-cards';
import { myNumberCheckDigit } from '../../common/validation/my-number';
import { loadSeededRegister } from '../../main/backend-sim/sim-register-file';
import { ensurePcscd, leaseVirtualReader, type VirtualReader } from '../support/virtual-card';
import { tempDir, waitFor } from '../support/processes';
import { signInServices } from '../support/sign-in';

/**
 * 見本ICカード: in 研修モード the demo residents' cards go on the training reader as virtual IC chips and are
 * read like a real card — the services' own chip service through a real pcscd and Debian's vpcd, the PIN on
 * the resident's side. The people are the seeded register's (and the 転入 family), exactly as written there.
 */
describe('見本ICカード on the training reader (demo services, real pcscd + vpcd)', () => {
  let reader: VirtualReader;
  let services: AppServices;
  const call = async <T,>(op: OperationName, input: unknown = {}): Promise<T> => {
    const r = await services.dispatch(op, input);
    if (!r.ok) throw new Error(`${op}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  // pcscd's view through the services' own (asynchronous) chip service: the card answers from this very
  // process, so a blocking PC/SC call here would wait on itself
  const cardOnReader = async () => (await call<{ readers: { name: string; cardPresent: boolean }[] }>('chipReaders')).readers.find((r) => r.name === reader.name)?.cardPresent;
  const readWithPin = async (pin: string) => {
    const started = await call<{ sessionId: string; triesLeft: number }>('startChipRead', { method: 'pin', includeNumber: true, reader: reader.name });
    const shown = await services.dispatchResident('getResidentDisplay', {});
    const screen = (shown as { ok: true; value: { screen: { kind: string; pinRequestId?: string } } }).value.screen;
    expect(screen.kind).toBe('pin-entry');
    await services.dispatchResident('submitChipPin', { pinRequestId: screen.pinRequestId!, pin });
    return waitFor(async () => {
      const st = await call<ChipSessionState>('chipSessionState', { sessionId: started.sessionId });
      return st.state === 'done' || st.state === 'failed' ? st : undefined;
    });
  };

  beforeAll(async () => {
    await ensurePcscd();
    reader = await leaseVirtualReader();
    services = await createAppServices({ dataDir: tempDir('demo-chip'), host: 'browser', appVersion: 'test', ocr: 'off', log: () => undefined, demoChipSlot: reader.slot });
    await signInServices(services);
  }, 200_000);
  afterAll(async () => {
    await services?.close();
    reader?.release();
  });

  it('lists the 見本 people with the training reader free; puts 髙橋 正雄’s card on, and the chip gives his register entry exactly', async () => {
    const view = await call<DemoChipCardsView>('getDemoChipCards');
    expect(view).toMatchObject({ available: true, message: null, reader: reader.name, pin: DEMO_CHIP_PIN, onReader: null });
    expect(view.cards.map((c) => c.id)).toEqual(expect.arrayContaining(['10000000008', 'tennyu-1']));

    const on = await call<DemoChipCardsView>('putDemoChipCard', { id: '10000000008' });
    expect(on.onReader).toBe('10000000008');
    expect(await cardOnReader()).toBe(true);
    const done = await readWithPin(DEMO_CHIP_PIN);
    if (done.state !== 'done') throw new Error(JSON.stringify(done));
    const entry = loadSeededRegister().find((p) => p['住民票コード'] === '10000000008')!;
    expect(done.fields.name).toBe(entry['氏名'].replace(' ', '\u3000'));
    expect(done.fields.address).toBe(entry['住所']);
    expect(done.fields.birthDate).toBe(entry['生年月日']);
    expect(done.fields.myNumber).toBe(demoMyNumber('10000000008'));
    expect(done.fields.digestsOk).toBe(true);
  });

  it('another card in its place: the 転入 family’s (𠮷, not in the register) with its old address; a wrong PIN counts a try', async () => {
    expect((await call<DemoChipCardsView>('putDemoChipCard', { id: 'tennyu-1' })).onReader).toBe('tennyu-1');
    const wrong = await readWithPin('9999');
    expect(wrong).toMatchObject({ state: 'failed', code: 'wrong-pin', triesLeft: 2 });
    const done = await readWithPin(DEMO_CHIP_PIN);
    if (done.state !== 'done') throw new Error(JSON.stringify(done));
    expect(done.fields.name).toBe('\u{20BB7}田\u3000大輔');
    expect(done.fields.address).toBe('東京都千代田区霞が関一丁目1番1号 見本ハイツ303');
  });

  it('takes the card off; an unknown id is refused in Japanese; every 見本 number is 12 digits with a valid check digit', async () => {
    const off = await call<DemoChipCardsView>('putDemoChipCard', { id: null });
    expect(off.onReader).toBeNull();
    await waitFor(async () => (await cardOnReader()) === false, 5000);
    expect(await services.dispatch('putDemoChipCard', { id: 'nobody' })).toMatchObject({ ok: false, error: { code: 'NOT_READY', message: 'この見本ICカードはありません。' } });
    for (const c of (await call<DemoChipCardsView>('getDemoChipCards')).cards) {
      const n = demoMyNumber(c.id);
      expect(n).toMatch(/^\d{12}$/);
      expect(myNumberCheckDigit(n.slice(0, 11))).toBe(Number(n[11]));
    }
  });
});

describe('見本ICカード where the training reader does not exist', () => {
  it('says so in Japanese (no such vpcd slot), and a put is refused with the same reason', async () => {
    await ensurePcscd();
    const services = await createAppServices({ dataDir: tempDir('demo-chip-none'), host: 'browser', appVersion: 'test', ocr: 'off', log: () => undefined, demoChipSlot: 7 });
    try {
      await signInServices(services);
      const view = await services.dispatch('getDemoChipCards', {});
      // started with --ocr off: the 見本カード images cannot stand in for it, so the trainee is not sent to them
      expect(view).toMatchObject({ ok: true, value: { available: false, message: '研修用の仮想カードリーダー（Virtual PCD 00 07）がこの端末にありません。カード画像の読み取り（OCR）も使えないため、カードの内容は手で入力してください。' } });
      expect(await services.dispatch('putDemoChipCard', { id: '10000000008' })).toMatchObject({ ok: false, error: { code: 'NOT_READY', message: expect.stringContaining('ありません') as unknown } });
    } finally {
      await services.close();
    }
  });
});

describe('見本ICカード where the chip reading is off (--chip off)', () => {
  it('says so; with --ocr off too, it does not send the trainee to the 見本カード images, which cannot be read either', async () => {
    const services = await createAppServices({ dataDir: tempDir('demo-chip-off'), host: 'browser', appVersion: 'test', ocr: 'off', chip: 'off', log: () => undefined });
    try {
      await signInServices(services);
      const refused = { ok: false, error: { code: 'NOT_READY', message: 'この端末ではICチップの読み取りを使わない設定です。カード画像の読み取り（OCR）も使えないため、カードの内容は手で入力してください。' } };
      expect(await services.dispatch('getDemoChipCards', {})).toEqual(refused);
      expect(await services.dispatch('putDemoChipCard', { id: '10000000008' })).toEqual(refused);
    } finally {
      await services.close();
    }
  });
});
