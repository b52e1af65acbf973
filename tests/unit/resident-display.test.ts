import { describe, expect, it } from 'vitest';
import { ResidentDisplay } from '../../main/services/resident/resident-display';
import { residentConfirmSummary } from '../../common/resident/resident-summary';
import type { CaseProcedure } from '../../common/cases/visit-case';

/**
 * What the resident-facing screen shows: the clerk's choice, the PIN pad over it while a chip read waits for
 * the PIN, nothing while no clerk is present; the version moves with what is shown, so the page's long poll
 * is answered by the change itself.
 */
describe('the resident display state', () => {
  const probe = { present: true, pin: null as { pinRequestId: string; triesLeft: number } | null };
  const display = new ResidentDisplay(true, { clerkPresent: () => probe.present, pinRequest: () => probe.pin });
  const summary = residentConfirmSummary({ event: '転居', household: { address: '東京都千代田区一番町1' }, persons: [] }, []);

  it('shows the clerk’s choice, and the PIN pad over it while a chip read waits', () => {
    const idle = display.view();
    expect(idle).toMatchObject({ demo: true, screen: { kind: 'idle' } });
    display.show({ kind: 'confirm', summary });
    const confirm = display.view();
    expect(confirm.screen.kind).toBe('confirm');
    expect(confirm.version).toBeGreaterThan(idle.version);
    probe.pin = { pinRequestId: 'r1', triesLeft: 2 };
    const pad = display.view();
    expect(pad.screen).toEqual({ kind: 'pin-entry', pinRequestId: 'r1', triesLeft: 2 });
    expect(pad.version).toBeGreaterThan(confirm.version);
    // the same state asked again: the same version (the page is not woken for nothing)
    expect(display.view().version).toBe(pad.version);
    probe.pin = null;
    expect(display.view().screen.kind).toBe('confirm');
  });

  it('shows nothing of a case or a PIN request while no clerk is signed in or the screen is locked', () => {
    probe.pin = { pinRequestId: 'r2', triesLeft: 3 };
    probe.present = false;
    expect(display.view().screen).toEqual({ kind: 'idle' });
    probe.present = true;
    probe.pin = null;
  });

  it('answers a held request as soon as the clerk changes the screen', async () => {
    const now = display.view().version;
    const held = display.waitForChange(now, 60_000);
    display.show({ kind: 'idle' });
    const v = await held;
    expect(v.version).toBe(now + 1);
    expect(v.screen).toEqual({ kind: 'idle' });
  });

  it('answers a held request when the chip service’s PIN request appears (looked at again, not only woken)', async () => {
    const now = display.view().version;
    const held = display.waitForChange(now, 60_000);
    probe.pin = { pinRequestId: 'r3', triesLeft: 3 };
    expect((await held).screen).toEqual({ kind: 'pin-entry', pinRequestId: 'r3', triesLeft: 3 });
    probe.pin = null;
  });
});

describe('the resident’s 電話番号 on the resident display', () => {
  const probe = { present: true, pin: null as { pinRequestId: string; triesLeft: number } | null };
  const display = new ResidentDisplay(false, { clerkPresent: () => probe.present, pinRequest: () => probe.pin });

  it('puts the pad up; the number checked as the forms check it reaches the clerk once, and the pad goes', async () => {
    const id = display.askPhone();
    expect(display.view().screen).toEqual({ kind: 'phone-entry', phoneRequestId: id });
    const held = display.awaitPhone(id, 60_000);
    // ten digits of a mobile number: refused with the forms' own message, the pad stays
    expect(display.answerPhone(id, '0901234567')).toEqual({ accepted: false, message: expect.stringContaining('10桁または11桁') });
    expect(display.view().screen.kind).toBe('phone-entry');
    expect(display.answerPhone(id, '09012345678')).toEqual({ accepted: true, message: null });
    expect(await held).toEqual({ state: 'answered', phone: '09012345678' });
    expect(display.view().screen).toEqual({ kind: 'idle' });
    // handed over once, then forgotten
    expect(await display.awaitPhone(id, 10)).toEqual({ state: 'ended', reason: 'unknown' });
    expect(display.answerPhone(id, '0552123456').accepted).toBe(false);
  });

  it('a wait with no number yet says so; another screen, a new request or an unknown id ends it, each saying why', async () => {
    const first = display.askPhone();
    expect(await display.awaitPhone(first, 10)).toEqual({ state: 'waiting' });
    const held = display.awaitPhone(first, 60_000);
    const second = display.askPhone();
    expect(await held).toEqual({ state: 'ended', reason: 'replaced' });
    expect(display.answerPhone(first, '0552123456').accepted).toBe(false);
    display.show({ kind: 'idle' });
    expect(await display.awaitPhone(second, 60_000)).toEqual({ state: 'ended', reason: 'replaced' });
    expect(await display.awaitPhone('nobody', 10)).toEqual({ state: 'ended', reason: 'unknown' });
  });

  it('the clerk’s page ends its own request only; another screen or a lock forgets a number not yet collected; a lock is said to be the reason', async () => {
    const id = display.askPhone();
    expect(display.endPhone('someone-else')).toBe(false);
    expect(display.endPhone(id)).toBe(true);
    expect(display.view().screen).toEqual({ kind: 'idle' });
    expect(await display.awaitPhone(id, 10)).toEqual({ state: 'ended', reason: 'replaced' });
    // the 確認 is up: ending a request that is not on screen leaves it there
    const confirm = residentConfirmSummary({ event: '転居', household: { address: '東京都千代田区一番町1' }, persons: [] }, []);
    const second = display.askPhone();
    display.show({ kind: 'confirm', summary: confirm });
    expect(display.endPhone(second)).toBe(false);
    expect(display.view().screen.kind).toBe('confirm');
    // a number typed, then the clerk shows another screen before collecting it: gone
    const third = display.askPhone();
    expect(display.answerPhone(third, '0552123456').accepted).toBe(true);
    display.show({ kind: 'idle' });
    expect(await display.awaitPhone(third, 10)).toEqual({ state: 'ended', reason: 'replaced' });
    // a lock with the pad up: the request ends, and after the unlock the pad is not back
    const fourth = display.askPhone();
    probe.present = false;
    expect(display.view().screen).toEqual({ kind: 'idle' });
    probe.present = true;
    expect(display.view().screen).toEqual({ kind: 'idle' });
    expect(await display.awaitPhone(fourth, 10)).toEqual({ state: 'ended', reason: 'clerk-away' });
    // a number typed, then a lock before the clerk collected it: gone
    const fifth = display.askPhone();
    expect(display.answerPhone(fifth, '0552123456').accepted).toBe(true);
    probe.present = false;
    display.view();
    probe.present = true;
    expect(await display.awaitPhone(fifth, 10)).toEqual({ state: 'ended', reason: 'clerk-away' });
  });

  it('takes no number while the PIN pad is over it, nor once no clerk is present (the request ends then)', () => {
    const id = display.askPhone();
    probe.pin = { pinRequestId: 'p1', triesLeft: 3 };
    expect(display.answerPhone(id, '0552123456').accepted).toBe(false);
    probe.pin = null;
    expect(display.answerPhone(id, '0552123456')).toEqual({ accepted: true, message: null });
    const next = display.askPhone();
    probe.present = false;
    expect(display.answerPhone(next, '0552123456').accepted).toBe(false);
    probe.present = true;
    expect(display.answerPhone(next, '0552123456').accepted).toBe(false);
  });
});

describe('the 確認 summary', () => {
  const procedures = [
    { formId: 'jumin-ido-tennyu', title: '住民異動届（転入）', selected: true },
    { formId: 'kokuho-shikaku-shutoku', title: '国民健康保険 資格取得届', selected: false },
  ] as unknown as CaseProcedure[];
  it('keeps names exactly (variants, IVS), dates in 和暦 and English, the chosen procedures in three registers', () => {
    const s = residentConfirmSummary(
      { event: '転入', household: { address: '東京都千代田区一番町１２－３', previousAddress: '大阪府' }, persons: [{ familyName: '髙﨑', givenName: '葛\u{E0100}子', birthDate: '2019-05-01', relation: '本人', healthInsurance: '国保', pension: 'なし', careCertified: false }] },
      procedures,
    );
    expect(s.persons).toEqual([{ name: '髙﨑\u3000葛\u{E0100}子', birthDate: '令和元年5月1日', birthDateEn: '1 May 2019' }]);
    expect(s.address).toBe('東京都千代田区一番町１２－３');
    expect(s.procedures).toEqual([{ ja: '住民異動届（転入）', easy: 'ひっこして きた ときの とどけ（転入届）', en: 'Moving-in notification' }]);
    expect(s.event.en).toBe('Moving in from another city');
  });
  it('for 転出, the address moved to; an unnamed person stays empty, not invented', () => {
    const s = residentConfirmSummary({ event: '転出', household: { address: '千代田区', nextAddress: '大阪府大阪市北区1' }, persons: [{ birthDate: '', relation: '本人', healthInsurance: '不明', pension: '不明', careCertified: false }] }, []);
    expect(s.address).toBe('大阪府大阪市北区1');
    expect(s.persons).toEqual([{ name: '', birthDate: '', birthDateEn: '' }]);
  });
});
