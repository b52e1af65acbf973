import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChipService } from '../../main/services/chip/chip-service';
import type { ChipSessionState } from '../../common/contract/chip-operations';
import { ensurePcscd, leaseVirtualReader, runCardRead, startVirtualCard, type VirtualCard, type VirtualCardOptions, type VirtualReader } from '../support/virtual-card';
import { tempDir, waitFor } from '../support/processes';
import { createAppServices } from '../../main/services/app-services';
import type { VisitCaseView } from '../../common/contract/case-operations';
import type { OperationName } from '../../common/contract/operation-names';
import { signInServices } from '../support/sign-in';
import { localIsoDate } from '../../main/services/local-date';
import { addDays } from '../../common/domain/age';
import { myNumberCheckDigit } from '../../common/validation/my-number';

/**
 * The whole chip stack as a counter meets it: the `smartcard` binding → a real pcscd → Debian's vpcd
 * driver → the virtual My Number card in its own process (cli card emulate). No mocks: the card answers
 * APDUs, counts tries, can be blocked, tampered with, not a My Number card, or pulled off mid-read.
 */
const TAKASAKI = { name: '髙﨑\u3000葛\u{E0100}子', address: '東京都千代田区一番町１２\uFF0D３\uFF0D４０５', number: '537686677188' };
const FACE = { birthWareki: '550217', expiryYear: '2035', securityCode: '2285' };

describe('reading the My Number card chip over PC/SC', () => {
  let reader: VirtualReader;
  let card: VirtualCard | null = null;
  const logs: { level: string; event: string; detail?: Record<string, unknown> }[] = [];
  const numbers: [string, string][] = [];
  const chip = new ChipService({ log: (level, event, detail) => logs.push({ level, event, ...(detail ? { detail } : {}) }) });
  chip.onNumberRead((id, digits) => numbers.push([id, digits]));

  const put = async (o: VirtualCardOptions = {}) => {
    if (card) await card.replace(o);
    else card = await startVirtualCard(reader, o);
    return card;
  };
  const settled = (id: string) =>
    waitFor(() => {
      const s = chip.state(id);
      return s && (s.state === 'done' || s.state === 'failed') ? s : undefined;
    }, 15_000, 'the read to end');
  const startPin = async (includeNumber = true) => {
    const r = await chip.start({ method: 'pin', includeNumber, reader: reader.name });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  beforeAll(async () => {
    // CI=true or not: without pcscd these tests fail here, with the reason
    await ensurePcscd();
    reader = await leaseVirtualReader();
  }, 200_000);
  afterAll(async () => {
    await card?.stop();
    await chip.close();
    reader?.release();
  });

  it('PIN: the resident’s PIN opens the chip; the exact name (髙, 﨑, IVS), address, date, sex and 個人番号 come back, digests checked', async () => {
    await put();
    const readers = await chip.readers();
    expect(readers.available).toBe(true);
    expect(readers.readers).toContainEqual({ name: reader.name, cardPresent: true });
    const started = await startPin();
    expect(started.triesLeft).toBe(3);
    expect(chip.state(started.sessionId)).toEqual({ state: 'waiting-pin', triesLeft: 3 });
    const request = chip.pinRequest()!;
    expect(request.pinRequestId).not.toBe(started.sessionId);
    expect(await chip.submitPin(request.pinRequestId, '1234')).toEqual({ verified: true, triesLeft: null, message: null });
    const s = await settled(started.sessionId);
    if (s.state !== 'done') throw new Error(JSON.stringify(s));
    expect(s.fields).toMatchObject({ name: TAKASAKI.name, address: TAKASAKI.address, birthDate: '1980-02-17', sex: 'F', myNumber: TAKASAKI.number, digestsOk: true, method: 'pin' });
    expect([...s.fields.name].map((c) => c.codePointAt(0)!.toString(16))).toEqual(['9ad9', 'fa11', '3000', '845b', 'e0100', '5b50']);
    expect(s.fields.nameParts).toEqual({ family: '髙﨑', given: '葛\u{E0100}子' });
    // the services' own record of the number, under the read's id: what updateCase cardMyNumber takes
    expect(numbers).toEqual([[started.sessionId, TAKASAKI.number]]);
    expect(chip.pinRequest()).toBeNull();
    // the PIN and the card's data appear in no log line
    const logged = JSON.stringify(logs);
    for (const secret of ['1234', TAKASAKI.number, '髙﨑', '一番町']) expect(logged).not.toContain(secret);
    expect(logs.find((l) => l.event === 'chip.read_done')?.detail).toMatchObject({ number: true });
  });

  it('照合番号B: the face data the clerk confirmed opens the 基本4情報, never the 個人番号', async () => {
    const r = await chip.start({ method: 'verify-b', verifyB: FACE, reader: reader.name });
    if (!r.ok) throw new Error(r.error.message);
    const s = await settled(r.value.sessionId);
    expect(s).toMatchObject({ state: 'done', fields: { name: TAKASAKI.name, myNumber: null, method: 'verify-b' } });
    expect(numbers).toHaveLength(1);
  });

  it('wrong PIN: tries shown in Japanese; 照合番号B is never tried on the last try', async () => {
    const a = await startPin();
    expect(await chip.submitPin(chip.pinRequest()!.pinRequestId, '9999')).toMatchObject({ verified: false, triesLeft: 2 });
    expect(chip.state(a.sessionId)).toMatchObject({ state: 'failed', code: 'wrong-pin', triesLeft: 2, message: expect.stringContaining('残り2回') });
    // the next read shows 2 (read without spending one); a correct PIN resets the card's counter
    const b = await startPin(false);
    expect(b.triesLeft).toBe(2);
    await chip.submitPin(chip.pinRequest()!.pinRequestId, '1234');
    expect((await settled(b.sessionId)).state).toBe('done');
    expect((await card!.status()).pinTries).toBe(3);

    const wrongB = { ...FACE, securityCode: '0000' };
    for (const left of [2, 1]) {
      const r = await chip.start({ method: 'verify-b', verifyB: wrongB, reader: reader.name });
      if (!r.ok) throw new Error(r.error.message);
      expect(await settled(r.value.sessionId)).toMatchObject({ state: 'failed', code: 'wrong-verify-b', triesLeft: left });
    }
    const refused = await chip.start({ method: 'verify-b', verifyB: FACE, reader: reader.name });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CARD_UNREADABLE', reason: 'tries-low', message: expect.stringContaining('最後の1回は使いません') } });
    expect((await card!.status()).verifyBTries).toBe(1);
  });

  it('a blocked PIN is explained; a PIN with 1 try left is still the resident’s to type', async () => {
    await put({ pinTries: 0 });
    const r = await chip.start({ method: 'pin', includeNumber: false, reader: reader.name });
    expect(r).toMatchObject({ ok: false, error: { reason: 'blocked', message: expect.stringContaining('市区町村の窓口でロック解除（初期化）が必要です') } });
    await put({ pinTries: 1 });
    const s = await startPin();
    expect(chip.state(s.sessionId)).toEqual({ state: 'waiting-pin', triesLeft: 1 });
    expect(chip.cancel(s.sessionId)).toBe(true);
    expect(chip.state(s.sessionId)).toMatchObject({ state: 'failed', code: 'cancelled' });
    expect((await card!.status()).pinTries).toBe(1);
  });

  it('a card that is not a My Number card, and an empty or unknown reader, are told apart', async () => {
    await put({ mode: 'not-mynumber' });
    expect(await chip.start({ method: 'pin', includeNumber: false, reader: reader.name })).toMatchObject({ ok: false, error: { reason: 'not-mynumber', message: expect.stringContaining('マイナンバーカードではない') } });
    await card!.remove();
    expect(await chip.start({ method: 'pin', includeNumber: false, reader: reader.name })).toMatchObject({ ok: false, error: { reason: 'no-card' } });
    expect(await chip.start({ method: 'pin', includeNumber: false, reader: 'ACME Reader 99' })).toMatchObject({ ok: false, error: { reason: 'no-reader' } });
  });

  it('the card pulled out mid-read or while the resident types: nothing half-read, and the next read works', async () => {
    // start takes 3 APDUs (SELECT AP, SELECT the PIN's EF, tries), then VERIFY, SELECT EF 0002, its header:
    // the rest of EF 0002 is never answered
    await put({ pullAfter: 6 });
    const a = await startPin();
    await chip.submitPin(chip.pinRequest()!.pinRequestId, '1234');
    const s: ChipSessionState = await settled(a.sessionId);
    expect(s).toMatchObject({ state: 'failed', code: 'removed', message: expect.stringContaining('何も反映していません') });
    expect('fields' in s).toBe(false);

    await card!.insert();
    const b = await startPin();
    await card!.remove();
    expect(chip.state(b.sessionId)).toMatchObject({ state: 'failed', code: 'removed' });
    expect(chip.pinRequest()).toBeNull();

    await card!.insert();
    const c = await startPin(false);
    await chip.submitPin(chip.pinRequest()!.pinRequestId, '1234');
    expect((await settled(c.sessionId)).state).toBe('done');
  });

  it('wrong digests (改ざんの可能性) and a truncated file are refused', async () => {
    await put({ mode: 'tampered' });
    const a = await startPin();
    await chip.submitPin(chip.pinRequest()!.pinRequestId, '1234');
    expect(await settled(a.sessionId)).toMatchObject({ state: 'failed', code: 'tampered', message: expect.stringContaining('改ざんの可能性') });
    await put({ mode: 'malformed' });
    const b = await startPin(false);
    await chip.submitPin(chip.pinRequest()!.pinRequestId, '1234');
    expect(await settled(b.sessionId)).toMatchObject({ state: 'failed', code: 'malformed' });
    expect(numbers).toHaveLength(1);
  });

  it('CLI: card read prints the same card; a wrong PIN exits 1 with the tries left; no pcscd is a clear message', async () => {
    await put({ person: 'kokutou' });
    const r = await runCardRead(['--json', '--pin-stdin', '--reader', reader.name], '1234\n');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ name: '黒桐\u3000幹也', address: '東京都清瀬市観布子南１２\uFF0D７\uFF0D２０２', birthDate: '1980-02-17', sex: 'M', number: '********9018', digestsOk: true, triesLeft: 3 });
    const wrong = await runCardRead(['--json', '--pin-stdin', '--reader', reader.name], '0000');
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).not.toContain('9018');
    expect(wrong.stderr).toContain('暗証番号が違います。残り2回');
    expect(JSON.parse(wrong.stdout)).toMatchObject({ error: 'wrong-pin', triesLeft: 2 });
    const noPcscd = await runCardRead(['--json', '--pin-stdin'], '1234', { PCSCLITE_CSOCK_NAME: '/nonexistent/pcscd.comm' });
    expect(noPcscd.code).toBe(1);
    expect(noPcscd.stderr).toContain('PC/SC サービスが動いていません');
  });

  it('through the services’ dispatch (what both bridges call): the resident’s PIN by its own id, the chip’s 個人番号 recorded as card-chip', async () => {
    await put();
    const services = await createAppServices({ dataDir: tempDir('chip-dispatch'), host: 'browser', appVersion: '1', backendUrl: 'http://127.0.0.1:9', log: () => {}, ocr: 'off' });
    const call = async <T,>(op: OperationName, input: unknown): Promise<T> => {
      const r = await services.dispatch(op, input);
      if (!r.ok) throw new Error(`${op}: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    };
    try {
      // signed out, the chip is out of reach like every other operation
      expect(await services.dispatch('startChipRead', { method: 'pin', includeNumber: true })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      await signInServices(services);
      const today = localIsoDate();
      const person = { relation: '本人', familyName: '', givenName: '', birthDate: addDays(today, -40 * 366), healthInsurance: '国保', pension: '国民年金', careCertified: false };
      const created = await call<VisitCaseView>('createCase', { data: { event: '転入', date: addDays(today, -2), household: { address: '', previousAddress: '' }, persons: [person] } });
      expect(await call('chipReaders', {})).toMatchObject({ available: true, readers: expect.arrayContaining([{ name: reader.name, cardPresent: true }]) });
      const started = await call<{ sessionId: string }>('startChipRead', { method: 'pin', includeNumber: true, reader: reader.name, caseId: created.id });
      // the PIN is the resident page's alone: the clerk's page is refused both PIN operations
      expect(await services.dispatch('getChipPinRequest', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await services.dispatch('submitChipPin', { pinRequestId: started.sessionId, pin: '1234' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const shown = await services.dispatchResident('getResidentDisplay', {});
      if (!shown.ok) throw new Error(JSON.stringify(shown));
      const screen = (shown.value as { screen: { kind: string; pinRequestId?: string; triesLeft?: number } }).screen;
      expect(screen).toMatchObject({ kind: 'pin-entry', triesLeft: 3 });
      const pinRequestId = screen.pinRequestId!;
      // the clerk's session id does not take a PIN, nor does a malformed PIN
      expect(await services.dispatchResident('submitChipPin', { pinRequestId: started.sessionId, pin: '1234' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await services.dispatchResident('submitChipPin', { pinRequestId, pin: '12345' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await services.dispatchResident('submitChipPin', { pinRequestId, pin: '1234' })).toMatchObject({ ok: true, value: { verified: true } });
      const done = await waitFor(async () => {
        const st = await call<ChipSessionState>('chipSessionState', { sessionId: started.sessionId });
        return st.state === 'done' || st.state === 'failed' ? st : undefined;
      });
      if (done.state !== 'done') throw new Error(JSON.stringify(done));
      const v = await call<VisitCaseView>('updateCase', { caseId: created.id, cardMyNumber: { person: 0, readId: done.fields.readId } });
      expect(v.data.persons[0]).toMatchObject({ myNumber: TAKASAKI.number, myNumberSource: 'card-chip' });
      // the read is attributable: who read which case's card by chip, and how (no resident data in the entry)
      const audit = await call<{ items: { event: string; caseId: string | null; detail: unknown }[] }>('listAuditLog', { event: 'card.read' });
      expect(audit.items).toContainEqual(expect.objectContaining({ event: 'card.read', caseId: created.id, detail: { side: 'chip', source: 'pin', number: true } }));
      // taken once: the same read cannot be recorded again
      expect(await services.dispatch('updateCase', { caseId: created.id, cardMyNumber: { person: 0, readId: done.fields.readId } })).toMatchObject({ ok: false });
    } finally {
      await services.close();
    }
  });

  it('a synthetic person of the caller\'s own (the bench\'s family) goes on by `card {…}` and reads back exactly; a malformed one is refused', async () => {
    const first11 = '90100000003';
    const own = { id: 'bench-child', name: '髙橋\u3000﨑子', address: '大阪府大阪市北区中之島一丁目3番20号', birthDate: '20190911', sexCode: '2', myNumber: `${first11}${myNumberCheckDigit(first11)}` };
    await put({ person: own });
    const started = await startPin(true);
    await chip.submitPin(chip.pinRequest()!.pinRequestId, '1234');
    const s = await settled(started.sessionId);
    if (s.state !== 'done') throw new Error(JSON.stringify(s));
    expect(s.fields).toMatchObject({ name: own.name, address: own.address, birthDate: '2019-09-11', sex: 'F', myNumber: own.myNumber, digestsOk: true });
    expect(s.fields.nameParts).toEqual({ family: '髙橋', given: '﨑子' });
    // the read's APDUs stay countable after the service released the card
    const st = await card!.status();
    expect(Math.max(st.apdus, st.lastSessionApdus)).toBeGreaterThan(0);
    // no U+3000 between family and given name, a wrong check digit: the emulator says why, no card goes on
    await expect(put({ person: { ...own, name: '髙橋﨑子' } })).rejects.toThrow('person.name');
    await expect(put({ person: { ...own, myNumber: `${first11}${(myNumberCheckDigit(first11) + 1) % 10}` } })).rejects.toThrow('person.myNumber');
    expect((await card!.status()).onReader).toBe(false);
  });
});
