import type { Page } from 'playwright-core';
import { myNumberCheckDigit } from '../../common/validation/my-number';
import { parseDateInput } from '../../common/validation/wareki';
import type { SyntheticPersonInput } from '../../main/chip-emulator/synthetic-people';
import { shortWareki, type ReadCardStep, type Scenario } from './counter-flow';
import type { VirtualCard, VirtualReader } from './virtual-card';

/**
 * The chip variant of a counter visit: each person's card is read by its IC chip through the card dialog's
 * 「ICチップで読む」 against the virtual card, the resident typing the PIN on the resident page (a page of its own,
 * not the clerk's: the PIN is not counted as clerk actions). Counted as a card read like the image one
 * (ActionCounter `card`): opening the dialog, 「ICチップで読む（暗証番号）」 (the card itself is put on the reader by
 * the resident), the one confirm. Choosing the bench's reader in the dialog is not counted: a counter has one
 * reader, this machine has two virtual ones (another process may hold a card on the other).
 */

/** the scenario's people as their cards' chips hold them: family U+3000 given, the card address, YYYYMMDD, JIS sex */
export function scenarioChipPeople(s: Scenario): SyntheticPersonInput[] {
  return [s.honnin, ...s.others].map((p, i) => {
    // synthetic 個人番号s with a valid check digit (no real person's)
    const first11 = `9${String(s.name.length).padStart(2, '0')}${String(i).padStart(8, '0')}`;
    return {
      id: `${s.name}-${i}`,
      name: `${p.family ?? s.honnin.family}\u3000${p.given}`,
      address: s.cardAddress.value,
      birthDate: p.birth.replaceAll('-', ''),
      sexCode: p.sex === '男' ? '1' : '2',
      myNumber: `${first11}${myNumberCheckDigit(first11)}`,
    };
  });
}

export interface ChipReadFigure {
  person: number;
  /** the card on the reader (pcscd sees it) → the chip's fields shown in the dialog, everything included */
  placedToFieldsMs: number;
  /** the card on the reader → the dialog (opened by the clerk's click) shows 「カードが置かれています」 */
  placedToSeenMs: number;
  /** the resident's 決定 → the chip's fields shown: the read itself (VERIFY, the SELECTs and READ BINARYs) */
  pinToFieldsMs: number;
  /** the app's own time: placedToSeen + pinToFields (without the clerk's click on 「ICチップで読む」 and the resident's PIN typing) */
  appMs: number;
  /** APDUs the read exchanged with the card */
  apdus: number;
}

/**
 * A ReadCardStep for runCounterFlow: the resident puts their card on the reader (the virtual card swapped to
 * this person), the clerk opens the dialog and starts the chip read, the resident types the PIN, the clerk
 * checks the filled person against the card (a difference is a correction, counted as the clerk's) and confirms.
 */
export function chipReadStep(s: Scenario, vcard: VirtualCard, reader: VirtualReader, resident: Page, pin: string, figures: ChipReadFigure[]): ReadCardStep {
  const people = scenarioChipPeople(s);
  return async (page, card, c, opener, i, want) => {
    await vcard.replace({ person: people[i]!, pin });
    const placed = performance.now();
    await card.click(opener);
    const dialog = page.getByRole('dialog');
    const chip = dialog.getByRole('region', { name: 'ICチップで読む' });
    await chip.waitFor();
    const picker = chip.getByRole('combobox');
    if (await picker.count()) await picker.selectOption(reader.name);
    await chip.getByText('カードが置かれています', { exact: true }).waitFor({ timeout: 15_000 });
    const seen = performance.now();
    await card.click(chip.getByRole('button', { name: 'ICチップで読む（暗証番号）' }));
    const pad = resident.getByRole('region', { name: '暗証番号を入力してください' });
    await pad.waitFor({ timeout: 30_000 });
    for (const d of pin) await pad.getByRole('button', { name: d, exact: true }).click();
    const decided = performance.now();
    await pad.getByRole('button', { name: /決定/ }).click();
    const result = dialog.getByRole('region', { name: 'ICチップの読み取り結果' });
    await result.waitFor({ timeout: 30_000 });
    const shown = performance.now();
    const st = await vcard.status();
    figures.push({
      person: i,
      placedToFieldsMs: Math.round(shown - placed),
      placedToSeenMs: Math.round(seen - placed),
      pinToFieldsMs: Math.round(shown - decided),
      appMs: Math.round(seen - placed + (shown - decided)),
      // the read's session, or (once the service has released the card with a reset) the one before
      apdus: st.apdus > 0 ? st.apdus : st.lastSessionApdus,
    });
    await card.click(result.getByRole('button', { name: 'この内容で入力（Enter）' }));
    await dialog.waitFor({ state: 'detached' });
    // the clerk checks the person as filled against the card; what differs is retyped (a correction)
    const fields: [string, string, string][] = [[`#p${i}-familyName`, want.family, '氏'], [`#p${i}-givenName`, want.given, '名']];
    for (const [sel, value, label] of fields) {
      const input = page.locator(sel);
      if ((await input.inputValue()) !== value) {
        c.corrections.push(`${label}: retyped`);
        await c.fill(input, value);
      }
    }
    const birth = page.locator(`#p${i}-birth`);
    const b = parseDateInput(await birth.inputValue());
    if (!b.ok || b.iso !== want.birth) {
      c.corrections.push('生年月日: retyped');
      await c.fill(birth, shortWareki(want.birth));
    }
    const sex = page.locator(`input[name="p${i}-sex"][value="${want.sex}"]`);
    if (!(await sex.isChecked())) {
      c.corrections.push('性別: re-picked');
      await c.check(sex);
    }
    if (want.address !== undefined) {
      const addr = page.locator(`#${s.cardAddress.field}`);
      if ((await addr.inputValue()) !== want.address) {
        c.corrections.push('住所: retyped');
        await c.fill(addr, want.address);
      }
    }
  };
}
