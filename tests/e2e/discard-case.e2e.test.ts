import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { repoRoot, tempDir } from '../support/processes';
import { openSignedIn, type SignedInApp } from '../support/new-visit';
import { tennyuHousehold } from '../support/tennyu-case';
import { localIsoDate } from '../../main/services/local-date';
import { DB_FILE_NAME } from '../../main/services/store/open-database';

/**
 * The clerk discards a saved visit case from 続きから (browser mode in Chromium): it asks once more
 * in place, 戻る keeps the case, 破棄する deletes it from the database for good.
 */
const shots = path.join(repoRoot, 'test-results', 'screenshots');

describe('続きから: discarding a saved case (browser mode)', () => {
  let dir: string;
  let opened: SignedInApp;
  let page: Page;

  const savedCaseIds = () => {
    const db = new Database(path.join(dir, DB_FILE_NAME), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare(`SELECT id FROM visit_cases WHERE status = 'open' ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    dir = tempDir('discard-case');
    opened = await openSignedIn(dir, { viewport: { width: 1360, height: 1000 } }, { ocr: 'lazy' });
    page = opened.page;
  }, 60_000);

  // the data dir stays: the scan at the end of the e2e run reads it for residents' data
  afterAll(async () => {
    await opened?.close();
  });

  it('asks before discarding, keeps the case on 戻る, and deletes only the chosen case on 破棄する', async () => {
    // two visits saved earlier today (made through the app's own bridge, as the household step saves them)
    const today = localIsoDate();
    const [keepName, dropName] = [['塚田', '一郎'], ['中川', '勇気']] as const;
    for (const [family, given] of [keepName, dropName]) {
      const data = tennyuHousehold(today);
      data.persons = [{ ...data.persons[0]!, familyName: family, givenName: given }];
      const r = await page.evaluate(async (body) => (await fetch('./api/createCase', { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json() as Promise<{ ok: boolean }>, JSON.stringify({ data }));
      expect(r.ok).toBe(true);
    }
    expect(savedCaseIds()).toHaveLength(2);

    await page.getByRole('button', { name: '手続きナビ' }).click();
    const rows = page.locator('.resume-list li');
    await expect.poll(() => rows.count()).toBe(2);
    const drop = rows.filter({ hasText: '中川' });

    await drop.getByRole('button', { name: /を破棄$/ }).click();
    const confirmGroup = drop.getByRole('group', { name: '破棄の確認' });
    expect(await confirmGroup.innerText()).toContain('元に戻せません');
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'discard-case-confirm.png'), fullPage: true });
    await confirmGroup.getByRole('button', { name: '戻る' }).click();
    expect(await drop.getByRole('button', { name: /を破棄$/ }).isVisible()).toBe(true);
    expect(savedCaseIds()).toHaveLength(2);

    await drop.getByRole('button', { name: /を破棄$/ }).click();
    await drop.getByRole('button', { name: '破棄する' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('塚田');
    expect(await page.locator('.case-start .banner').innerText()).toContain('破棄しました');
    expect(savedCaseIds()).toHaveLength(1);

    // gone after a reload too: deleted in the services, not only hidden
    await page.reload();
    await page.getByRole('button', { name: '手続きナビ' }).click();
    await expect.poll(() => page.locator('.resume-list li').count()).toBe(1);
    expect(await page.locator('.resume-list').innerText()).not.toContain('中川');
  });
});
