import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { caretOf } from '../support/caret';
import { repoRoot, tempDir } from '../support/processes';
import { openNewVisit, openSignedIn, type NewVisit, type SignedInApp } from '../support/new-visit';
import { tennyuHousehold } from '../support/tennyu-case';
import { localIsoDate } from '../../main/services/local-date';

/**
 * 郵便番号 ⇄ 住所 on the household step, as a clerk types it (browser mode, a city that configured itself,
 * so the new address after 転入 starts as 東京都千代田区). 1000001 fills 東京都千代田区千代田 and the clerk types
 * the 番地 after it; what the clerk typed is never overwritten; a code with several 町域 offers them (↓, →,
 * Enter); an unknown code gets a quiet note; an address typed in full suggests its 郵便番号 (Alt+P).
 */
const shots = path.join(repoRoot, 'test-results', 'screenshots');

describe('household step: 郵便番号 ⇄ 住所 (browser mode)', () => {
  let visit: NewVisit;
  let page: Page;

  const caret = caretOf;
  const focused = () => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.textContent ?? '');

  beforeAll(async () => {
    const dir = tempDir('postal-address');
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ city: { prefecture: '東京都', municipality: '千代田区' } }));
    visit = await openNewVisit(dir, { width: 1360, height: 1000 }, { ocr: 'lazy' });
    page = visit.page;
    await page.locator('input[name="event"][value="転入"]').check();
  }, 60_000);

  afterAll(async () => {
    await visit?.close();
  });

  it('1000001 fills 東京都千代田区千代田; Tab leaves the caret after it and the clerk types the 番地', async () => {
    const postal = page.locator('#h-postalCode');
    const addr = page.locator('#h-address');
    expect(await addr.inputValue()).toBe('東京都千代田区');
    await postal.click();
    await page.keyboard.type('1000001');
    await expect.poll(() => addr.inputValue()).toBe('東京都千代田区千代田');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('h-address');
    expect(await caret(addr)).toEqual([10, 10, 10]);
    await page.keyboard.type('1-1');
    expect(await addr.inputValue()).toBe('東京都千代田区千代田1-1');
    // another code now: the address the clerk continued stays as typed
    await postal.fill('100-0005');
    await page.waitForTimeout(400);
    expect(await addr.inputValue()).toBe('東京都千代田区千代田1-1');
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'postal-address-filled.png'), fullPage: true });
  });

  it('a full-width code with a full-width dash fills the 前の住所 while it is empty, and again while untouched', async () => {
    const postal = page.locator('#h-previousPostalCode');
    const addr = page.locator('#h-previousAddress');
    await postal.fill('１００－０００５');
    await expect.poll(() => addr.inputValue()).toBe('東京都千代田区丸の内');
    // still as the lookup left it: a corrected code replaces it
    await postal.fill('9800811');
    await expect.poll(() => addr.inputValue()).toBe('宮城県仙台市青葉区一番町');
    // a municipality-wide code (以下に掲載がない場合): 都道府県+市区町村 only
    await postal.fill('6040000');
    await expect.poll(() => addr.inputValue()).toBe('京都府京都市中京区');
  });

  it('a code with several 町域 fills the 市 and offers the 町域: ↓ → Enter picks one, outside the Tab order', async () => {
    const postal = page.locator('#h-previousPostalCode');
    const addr = page.locator('#h-previousAddress');
    await addr.fill('');
    await postal.fill('028-7302');
    await expect.poll(() => addr.inputValue()).toBe('岩手県八幡平市');
    const chips = page.getByTestId('town-chips').getByRole('button');
    await expect.poll(() => chips.allInnerTexts()).toEqual(['八幡平温泉郷', '松尾寄木', '松川温泉']);
    // Tab from the address goes on to the next field, not into the chips
    await addr.focus();
    await page.keyboard.press('Tab');
    expect(await focused()).not.toMatch(/八幡平温泉郷|松尾寄木|松川温泉/);
    // ↓ enters the list, → moves, Enter takes: the caret is back at the end of the address
    await addr.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    expect(await addr.inputValue()).toBe('岩手県八幡平市松尾寄木');
    expect(await focused()).toBe('h-previousAddress');
    await expect.poll(() => caret(addr)).toEqual([11, 11, 11]);
    await page.keyboard.type('1-2');
    expect(await addr.inputValue()).toBe('岩手県八幡平市松尾寄木1-2');
    await page.screenshot({ path: path.join(shots, 'postal-address-towns.png'), fullPage: true });
  });

  it('an unknown code gets a quiet note, no error, and the address stays', async () => {
    const postal = page.locator('#h-previousPostalCode');
    const addr = page.locator('#h-previousAddress');
    await postal.fill('000-0000');
    await expect.poll(() => page.locator('#h-previousPostalCode ~ .postal-hint').innerText()).toBe('この郵便番号は見つかりません');
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    expect(await page.locator('.field-error').count()).toBe(0);
    expect(await addr.inputValue()).toBe('岩手県八幡平市松尾寄木1-2');
  });

  it('an address typed in full suggests its 郵便番号, filled only on Alt+P or a click', async () => {
    const postal = page.locator('#h-postalCode');
    const addr = page.locator('#h-address');
    await postal.fill('');
    await addr.fill('');
    await addr.pressSequentially('東京都千代田区千代田1-1');
    const suggest = page.getByRole('button', { name: '郵便番号 〒100-0001 を入れる（Alt+P）' });
    await suggest.waitFor();
    expect(await postal.inputValue()).toBe('');
    await page.keyboard.press('Alt+P');
    expect(await postal.inputValue()).toBe('100-0001');
    await suggest.waitFor({ state: 'detached' });
    expect(await addr.inputValue()).toBe('東京都千代田区千代田1-1');

    // a 京都市 address: the 町域 after the street and its direction; a click takes the code
    const prevPostal = page.locator('#h-previousPostalCode');
    const prev = page.locator('#h-previousAddress');
    await prevPostal.fill('');
    await prev.fill('京都府京都市中京区寺町通御池上る上本能寺前町488');
    await page.getByRole('button', { name: '郵便番号 〒604-0925 を入れる（Alt+P）' }).click();
    expect(await prevPostal.inputValue()).toBe('604-0925');
    expect(await prev.inputValue()).toBe('京都府京都市中京区寺町通御池上る上本能寺前町488');
    await page.screenshot({ path: path.join(shots, 'postal-address-suggest.png'), fullPage: true });
  });
});

describe('form fields: a 郵便番号 left empty on the household step (browser mode)', () => {
  let opened: SignedInApp;
  let page: Page;

  beforeAll(async () => {
    opened = await openSignedIn(tempDir('postal-address-form'), { viewport: { width: 1360, height: 1000 } }, { ocr: 'lazy' });
    page = opened.page;
  }, 60_000);

  afterAll(async () => {
    await opened?.close();
  });

  it('the 住民異動届 suggests the 郵便番号 of the address from the case; Alt+P in the 郵便番号 takes it', async () => {
    // a visit saved earlier with its address but no 郵便番号 (made through the app's own bridge)
    const body = JSON.stringify({ data: tennyuHousehold(localIsoDate()) });
    const r = await page.evaluate(async (b) => (await fetch('./api/createCase', { method: 'POST', headers: { 'content-type': 'application/json' }, body: b })).json() as Promise<{ ok: boolean }>, body);
    expect(r.ok).toBe(true);
    await page.getByRole('button', { name: '手続きナビ' }).click();
    await page.locator('.resume-list li button').first().click();
    // a resumed case opens at its forms (or, were it not yet looked up, at its household step)
    const lookUp = page.getByRole('button', { name: '手続きを調べる →' });
    await lookUp.or(page.locator('form.case-form')).first().waitFor();
    if (await lookUp.isVisible()) {
      await lookUp.click();
      await page.getByRole('button', { name: /様式を作成/ }).click();
    }
    await page.locator('form.case-form').waitFor();
    const postal = page.locator('form.case-form [data-field="postalCode"] input');
    const addr = page.locator('form.case-form [data-field="address"] input');
    expect(await addr.inputValue()).toBe('東京都千代田区千代田1-1');
    expect(await postal.inputValue()).toBe('');
    const suggest = page.getByRole('button', { name: '郵便番号 〒100-0001 を入れる（Alt+P）' });
    await suggest.waitFor();
    await postal.focus();
    await page.keyboard.press('Alt+P');
    expect(await postal.inputValue()).toBe('100-0001');
    await suggest.waitFor({ state: 'detached' });
    // the address from the case is not touched by the lookup of its own code
    await page.waitForTimeout(300);
    expect(await addr.inputValue()).toBe('東京都千代田区千代田1-1');
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'postal-address-form.png'), fullPage: true });
  });
});
