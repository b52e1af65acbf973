import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { repoRoot, runCli, startBackendSim, startBrowserMode, tempDir, type Proc } from '../support/processes';
import { TEST_ADMIN, signInPage } from '../support/sign-in';

/**
 * Accounts, lock and audit as a counter meets them in Chromium (browser mode, a real back end
 * configured, so no training accounts): the first run creates the admin, who signs in and starts a
 * case; Ctrl+L locks the screen and hides the case; the same password brings back the same case
 * and step with what was typed; a supervisor (created with the CLI) reads all of it in the audit log.
 */
const shots = path.join(repoRoot, 'test-results', 'screenshots');
// staff names unlike any test resident's: the data-dir scan looks for residents' names in every file
const SUPERVISOR = { name: '監督 甲', password: 'supervisor-pass-1' };

describe('first run → sign in → case → lock → unlock → supervisor sees the entries', () => {
  let appDir: string;
  let sim: Proc;
  let app: Proc;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    appDir = tempDir('app');
    sim = await startBackendSim(tempDir('sim'));
    app = await startBrowserMode(appDir, sim.url, ['--ocr', 'lazy']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'ja-JP' });
    await page.goto(app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await sim?.stop();
  });

  it('asks for the admin on first run, then for a sign-in; nothing of the app shows before', async () => {
    const firstRun = page.getByRole('form', { name: '管理者の登録' });
    await firstRun.waitFor();
    expect(await page.getByRole('button', { name: '手続きナビ' }).count()).toBe(0);
    await firstRun.getByLabel('名前').fill(TEST_ADMIN.name);
    await firstRun.getByLabel('パスワード', { exact: true }).fill(TEST_ADMIN.password);
    await firstRun.getByLabel('パスワード（確認）').fill('something-else');
    await firstRun.getByRole('button', { name: '管理者を登録' }).click();
    await page.getByText('パスワードが一致しません。').waitFor();
    await firstRun.getByLabel('パスワード（確認）').fill(TEST_ADMIN.password);
    await firstRun.getByRole('button', { name: '管理者を登録' }).click();

    const signIn = page.getByRole('form', { name: 'サインイン' });
    await signIn.waitFor();
    expect(await signIn.getByTestId('demo-accounts').count()).toBe(0); // a real back end: no training accounts offered
    await signIn.getByLabel('名前').fill(TEST_ADMIN.name);
    await signIn.getByLabel('パスワード').fill('wrong-password');
    await signIn.getByRole('button', { name: 'サインイン' }).click();
    await signIn.getByText('名前またはパスワードが違います。').waitFor();
    await signIn.getByLabel('パスワード').fill(TEST_ADMIN.password);
    await signIn.getByRole('button', { name: 'サインイン' }).click();
    await page.getByTestId('signed-in-user').waitFor();
    expect(await page.getByTestId('signed-in-user').textContent()).toBe(TEST_ADMIN.name);
  });

  it('locks on Ctrl+L, hiding the case, and the same password returns to the same case and step', async () => {
    await page.getByRole('button', { name: '手続きナビ' }).click();
    await page.getByRole('button', { name: '新しい来庁' }).click();
    const family = page.locator('#p0-familyName');
    await family.waitFor();
    await family.fill('錠前');
    await page.locator('#p0-givenName').fill('一郎');
    await page.getByRole('button', { name: /画面ロック（Ctrl\+L）/ }).waitFor();

    await page.keyboard.press('Control+l');
    const lock = page.getByRole('form', { name: '画面ロック' });
    await lock.waitFor();
    expect(await family.isVisible()).toBe(false);
    await page.screenshot({ path: path.join(shots, 'accounts-lock.png') });

    await lock.getByLabel('パスワード').fill('not-the-password');
    await lock.getByRole('button', { name: 'ロック解除' }).click();
    await lock.getByText('パスワードが違います。').waitFor();
    await lock.getByLabel('パスワード').fill(TEST_ADMIN.password);
    await lock.getByRole('button', { name: 'ロック解除' }).click();
    await lock.waitFor({ state: 'detached' });
    // the same step of the same case, with what was typed and not yet saved
    expect(await family.inputValue()).toBe('錠前');
    expect(await page.locator('#p0-givenName').inputValue()).toBe('一郎');
    expect(await page.getByRole('form', { name: '来庁者・世帯' }).isVisible()).toBe(true);
  });

  it('lets the admin add a clerk on screen, and shows a supervisor (added with the CLI) every step in the audit log, with filters, the chain verified', async () => {
    const added = await runCli(['user', 'add', '--data-dir', appDir, '--name', SUPERVISOR.name, '--role', '監督者'], 60_000, `${SUPERVISOR.password}\n`);
    expect(added.code, added.stderr).toBe(0);
    // the admin creates a clerk on the アカウント screen
    await page.getByRole('button', { name: 'アカウント' }).click();
    const create = page.getByRole('form', { name: 'アカウントの作成' });
    await create.getByLabel('名前').fill('窓口 乙');
    await create.getByLabel('初期パスワード').fill('clerk-pass-2');
    await create.getByLabel('役割').selectOption('clerk');
    await create.getByRole('button', { name: '作成' }).click();
    await page.getByText('窓口 乙さん（窓口職員）のアカウントを作成しました。').waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'アカウント' }).locator('tbody tr').count()).toBe(3);

    // the supervisor signs in after the admin signs out; the audit log is theirs, the accounts are not
    await page.getByRole('button', { name: 'サインアウト' }).click();
    await signInPage(page, SUPERVISOR);
    expect(await page.getByRole('button', { name: 'アカウント' }).count()).toBe(0);
    await page.getByRole('button', { name: '監査ログ' }).click();
    const log = page.getByRole('region', { name: '監査ログ' });
    await log.getByTestId('audit-verified').waitFor();
    const events = async () => log.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event')));
    const seen = await events();
    for (const e of ['config.changed', 'account.created', 'auth.sign_in_failed', 'auth.signed_in', 'case.created', 'session.locked', 'session.unlock_failed', 'session.unlocked', 'auth.signed_out']) {
      expect(seen, e).toContain(e);
    }
    expect(seen.filter((e) => e === 'account.created')).toHaveLength(3); // admin (first run), supervisor (CLI), clerk (screen)
    await page.screenshot({ path: path.join(shots, 'accounts-audit-log.png'), fullPage: true });

    await log.getByLabel('操作で絞り込む').selectOption('session.locked');
    await expect.poll(events).toEqual(['session.locked']);
    expect(await log.locator('tbody tr').first().textContent()).toContain(TEST_ADMIN.name);
    await log.getByLabel('操作で絞り込む').selectOption('');
    await log.getByLabel('職員で絞り込む').selectOption({ label: SUPERVISOR.name });
    await expect.poll(events).toEqual(['auth.signed_in']);
  });
});
