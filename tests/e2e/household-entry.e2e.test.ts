import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot, tempDir } from '../support/processes';
import { openNewVisit, type NewVisit } from '../support/new-visit';
import { lookUpProcedures } from '../support/procedures-step';

/**
 * The household step as a clerk types it. Tab goes from 氏（ふりがな） to 名（ふりがな） whatever chips are
 * shown (they are reached with ↓). And what the step assumes before the clerk answers: An adult 子 is not filed for 国民年金 on a
 * guess (「厚生年金に加入していないため」), nor skipped: the pension is 不明 until asked, so the navigator
 * lists 国民年金 under 確認が必要.
 */
const shots = path.join(repoRoot, 'test-results', 'screenshots');

describe('household step: typing and defaults (browser mode)', () => {
  let visit: NewVisit;
  let page: Page;

  beforeAll(async () => {
    visit = await openNewVisit(tempDir('household-defaults'), { width: 1366, height: 768 }, { ocr: 'lazy' });
    page = visit.page;
  }, 60_000);

  afterAll(async () => {
    await visit?.close();
  });

  it('Tab goes from 氏（ふりがな） to 名（ふりがな） past the reading chips; ↓ picks a chip and Tab still leads on', async () => {
    await page.locator('#p0-familyName').fill('佐藤');
    await page.locator('#p0-givenName').fill('健太');
    await page.locator('#p0-familyNameKana-readings[data-state="ready"]').waitFor();
    await page.locator('#p0-familyNameKana').click();
    await page.keyboard.type('さとう');
    await page.keyboard.press('Tab');
    await page.keyboard.type('けんた');
    expect(await page.locator('#p0-familyNameKana').inputValue()).toBe('さとう');
    expect(await page.locator('#p0-givenNameKana').inputValue()).toBe('けんた');

    // by keyboard alone: ↓ into the chips, Enter takes the first reading, focus is back in the input
    await page.locator('#p0-familyNameKana').fill('');
    await page.locator('#p0-familyNameKana').focus();
    await page.keyboard.press('ArrowDown');
    const first = await page.locator('#p0-familyNameKana-readings button').first().innerText();
    await page.keyboard.press('Enter');
    expect(await page.locator('#p0-familyNameKana').inputValue()).toBe(first);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('p0-familyNameKana');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('p0-givenNameKana');
  });

  it('a 37-year-old 子 defaults to 年金「不明」 and 国民年金 is listed as 確認が必要, not 必要', async () => {
    await page.locator('input[name="event"][value="転入"]').check();
    await page.locator('#p0-familyName').fill('中川');
    await page.locator('#p0-givenName').fill('勇気');
    await page.locator('#p0-familyNameKana').fill('なかがわ');
    await page.locator('#p0-givenNameKana').fill('ゆうき');
    await page.locator('#p0-birth').fill('1960-04-01');
    await page.locator('input[name="p0-sex"][value="男"]').check();
    await page.locator('input[name="p0-health"][value="社保"]').check();
    await page.locator('input[name="p0-pension"][value="厚生年金"]').check();
    await page.getByRole('button', { name: '＋ 子' }).click();
    await page.locator('#p1-givenName').fill('太郎');
    await page.locator('#p1-givenNameKana').fill('たろう');
    // pressed before the 子's birth date is typed: refused, with what the clerk reads (its banner stays up
    // until the next press is answered, which the press below must not take for a refusal of its own)
    await expect(lookUpProcedures(page)).rejects.toThrow(/the household step refused.*生年月日を入力してください/);
    await page.locator('#p1-birth').fill(`${new Date().getFullYear() - 37}-02-02`);
    await page.locator('input[name="p1-sex"][value="男"]').check();
    expect(await page.locator('input[name="p1-pension"]:checked').getAttribute('value')).toBe('不明');
    await page.locator('#h-address').fill('東京都千代田区千代田1-1');
    await lookUpProcedures(page);
    const confirm = page.getByRole('region', { name: '確認が必要' });
    await expect.poll(() => confirm.innerText(), { timeout: 10_000 }).toContain('国民年金');
    expect(await page.getByRole('region', { name: '必要な手続き' }).innerText()).not.toContain('国民年金');
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'household-adult-child-pension.png'), fullPage: true });
  });
});
