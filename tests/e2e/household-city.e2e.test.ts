import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { caretOf } from '../support/caret';
import { repoRoot, tempDir } from '../support/processes';
import { openNewVisit, type NewVisit } from '../support/new-visit';
import { formatWareki, parseEventDateInput } from '../../common/validation/wareki';
import { localIsoDate } from '../../main/services/local-date';

/**
 * The household step in a city that configured itself (config.json `city`): the new address after
 * 転入 / 転居 starts with 東京都千代田区 and is continued, not retyped (Tab leaves the caret after it);
 * the event date may be typed without its year and the app says which day it took.
 */
const shots = path.join(repoRoot, 'test-results', 'screenshots');

describe('household step: the city prefix and the date without its year (browser mode)', () => {
  let visit: NewVisit;
  let page: Page;

  const caret = caretOf;

  beforeAll(async () => {
    const dir = tempDir('household-city');
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ city: { prefecture: '東京都', municipality: '千代田区' } }));
    visit = await openNewVisit(dir, { width: 1360, height: 1000 }, { ocr: 'lazy' });
    page = visit.page;
  }, 60_000);

  afterAll(async () => {
    await visit?.close();
  });

  it('starts the new address with the city; Tab leaves the caret after it, select-all still replaces it', async () => {
    const addr = page.locator('#h-address');
    expect(await addr.inputValue()).toBe('東京都千代田区');
    await page.locator('#h-postalCode').click();
    await page.keyboard.press('Tab');
    expect(await caret(addr)).toEqual([7, 7, 7]);
    await page.keyboard.type('千代田1-1');
    expect(await addr.inputValue()).toBe('東京都千代田区千代田1-1');
    await addr.fill('東京都千代田区霞が関1-1'); // Playwright selects all, then types: replaced, not appended
    expect(await addr.inputValue()).toBe('東京都千代田区霞が関1-1');
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'household-city-address.png'), fullPage: true });
  });

  it('takes an untouched prefix away for an event that keeps the household\'s address, and puts it back for 転居', async () => {
    const addr = page.locator('#h-address');
    await addr.fill('');
    await page.locator('input[name="event"][value="転居"]').check();
    expect(await addr.inputValue()).toBe('東京都千代田区');
    await page.locator('input[name="event"][value="死亡"]').check();
    expect(await addr.inputValue()).toBe('');
    await page.locator('input[name="event"][value="転入"]').check();
    expect(await addr.inputValue()).toBe('東京都千代田区');
  });

  it('reads a date without its year as the last such day and says so; refuses a day that does not exist', async () => {
    const today = localIsoDate();
    const [, m, d] = today.split('-').map(Number) as [number, number, number];
    const date = page.locator('#case-date');
    await date.fill(`${m}.${d}`);
    const want = parseEventDateInput(`${m}.${d}`, today);
    expect(want).toEqual({ ok: true, iso: today });
    await expect.poll(() => page.locator('#case-date ~ .echo').innerText()).toContain(formatWareki(today));
    await date.fill('2.30');
    await page.getByRole('button', { name: '手続きを調べる →' }).click();
    await expect.poll(() => page.locator('.field-error').first().innerText()).toBe('届出の日付: 存在しない日付です。');
  });
});
