import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { repoRoot, startBrowserMode, tempDir, type Proc } from '../support/processes';
import { DEMO_CLERK, signInPage } from '../support/sign-in';
import { writeY4m } from '../support/y4m';
import { cardPerson, renderPersonCard } from '../support/cards/person-card';
import { qrCardBack } from '../support/cards/qr-card';
import { localIsoDate } from '../../main/services/local-date';
import { addDays } from '../../common/domain/age';
import { lookUpProcedures } from '../support/procedures-step';

/**
 * Card reading as the clerk meets it, in browser mode: Chromium's fake camera plays a synthetic card
 * lying on a desk through the real capture path (getUserMedia → preview → Space → readCard), the clerk
 * checks the fields beside their crops (髙 found by its printed shape, the variant picker still at hand); a
 * family member's card comes in as an image file (setInputFiles); a form that needs the 個人番号 reads
 * it from the QR code on the card's back, shown masked.
 */
const shots = path.join(repoRoot, 'test-results', 'screenshots');

async function pollUntil(fn: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await fn().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('card reading: camera, file, QR (browser mode)', () => {
  let app: Proc;
  let browser: Browser;
  let page: Page;
  let dir: string;
  const today = localIsoDate();
  const honnin = cardPerson({ family: '髙橋', given: '一郎', sex: '男', birth: '1985-06-12', address: '大阪府大阪市北区中之島一丁目3番20号', expiry: '2031-06-12' });
  const child = cardPerson({ family: '髙橋', given: '陽翔', sex: '男', birth: '2021-09-03', address: '大阪府大阪市北区中之島一丁目3番20号', expiry: '2026-09-03' });
  // a card whose 有効期限 is not on its holder's birthday: on a national's card that can only be a misread
  const odd = cardPerson({ family: '山田', given: '花子', sex: '女', birth: '1990-03-05', address: '大阪府大阪市北区中之島一丁目3番20号', expiry: '2032-08-20' });
  // a card with no 住所 printed: the check screen must say so for that field, not leave it silently empty
  const noAddress = cardPerson({ family: '山田', given: '花子', sex: '女', birth: '1990-03-05', address: '', expiry: '2032-03-05' });
  const requested: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    dir = tempDir('card-e2e');
    // the synthetic cards, rendered by the generator's Chromium; the 本人's lies on a grey desk for the camera
    const gen = await launchChromium();
    try {
      const p = await gen.newPage();
      const front = await renderPersonCard(p, honnin, { seed: 11 });
      const card = await sharp(front.bytes).resize({ width: 760 }).png().toBuffer();
      const desk = await sharp({ create: { width: 1280, height: 960, channels: 3, background: '#5a5f66' } }).composite([{ input: card, left: 260, top: 250 }]).png().toBuffer();
      await writeY4m(desk, path.join(dir, 'camera.y4m'));
      fs.writeFileSync(path.join(dir, `child.${(await renderPersonCard(p, child, { seed: 12 })).ext}`), (await renderPersonCard(p, child, { seed: 12 })).bytes);
      const oddCard = await renderPersonCard(p, odd, { seed: 13 });
      fs.writeFileSync(path.join(dir, `odd.${oddCard.ext}`), oddCard.bytes);
      const blankAddress = await renderPersonCard(p, noAddress, { seed: 14 });
      fs.writeFileSync(path.join(dir, `noaddr.${blankAddress.ext}`), blankAddress.bytes);
    } finally {
      await gen.close();
    }
    fs.writeFileSync(path.join(dir, 'back.jpg'), await qrCardBack('537686677188', { desk: true }));
    const appDir = tempDir('card-app');
    fs.writeFileSync(path.join(appDir, 'config.json'), JSON.stringify({ scannerDropDir: path.join(dir, 'scans') }));
    app = await startBrowserMode(appDir, undefined);
    browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${path.join(dir, 'camera.y4m')}`]);
    const ctx = await browser.newContext({ viewport: { width: 1360, height: 1000 }, locale: 'ja-JP' });
    await ctx.grantPermissions(['camera'], { origin: new URL(app.url).origin });
    page = await ctx.newPage();
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(app.url);
    await signInPage(page);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('captures the 本人 card from the camera, with the variant 髙 found by shape', async () => {
    await page.getByRole('button', { name: '手続きナビ' }).click();
    await page.getByRole('button', { name: '新しい来庁' }).click();
    await page.locator('#case-date').fill(addDays(today, -3));
    await page.getByRole('button', { name: '1人目のカードを読み取る' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // live preview from the fake camera
    await pollUntil(() => dialog.getByRole('button', { name: '撮影（Space / Enter）' }).isEnabled(), 30_000, 'camera live');
    await pollUntil(async () => (await dialog.locator('video').evaluate((v) => (v as HTMLVideoElement).videoWidth)) > 0, 10_000, 'video frames');
    await pollUntil(async () => (await dialog.locator('.ocr-state.ready').count()) > 0, 60_000, 'OCR ready');
    await page.screenshot({ path: path.join(shots, 'card-1-capture.png') });
    await page.keyboard.press('Space');
    const form = dialog.getByRole('form', { name: '読み取り結果の確認' });
    await form.waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(shots, 'card-2-verify.png') });
    // the OCR model has no 髙: it reads 高, and the printed shape picks the variant
    const family = form.getByLabel('氏（カード）');
    expect(await family.inputValue()).toBe('髙橋');
    // a variant picked by shape is the reader's judgement: the row asks the clerk to look
    expect(await form.locator('[data-card-field="name"] .verify-label .tag').innerText()).toContain('要確認');
    expect(await form.getByLabel('生年月日（カード）').inputValue()).toBe('昭和60年6月12日');
    // 性別 is checked against its crop; a misread is corrected with one click
    const male = form.locator('input[name="card-sex"][value="男"]');
    if (!(await male.isChecked())) await male.check();
    // each field beside its crop of the warped card image
    expect(await form.locator('.crop[role="img"]').count()).toBeGreaterThanOrEqual(4);
    // the clerk can still change it with the variant picker (here: to 高 and back)
    await form.getByRole('button', { name: '氏の「髙」の異体字を選ぶ' }).click();
    await page.screenshot({ path: path.join(shots, 'card-3-variant.png') });
    await form.getByRole('option', { name: /^高（/ }).click();
    expect(await family.inputValue()).toBe('高橋');
    await form.getByRole('button', { name: '氏の「高」の異体字を選ぶ' }).click();
    await form.getByRole('option', { name: /^髙/ }).click();
    expect(await family.inputValue()).toBe('髙橋');
    await form.getByRole('button', { name: '確認して反映（Enter）' }).click();
    await dialog.waitFor({ state: 'detached' });
    const stored = await page.locator('#p0-familyName').inputValue();
    expect([...stored].map((c) => c.codePointAt(0)!.toString(16))).toEqual(['9ad9', '6a4b']);
    expect(await page.locator('#p0-givenName').inputValue()).toBe('一郎');
    expect(await page.locator('#h-previousAddress').inputValue()).toContain('大阪府大阪市北区中之島');
  }, 180_000);

  it('reads a family member from an image file; relation guessed and shown', async () => {
    await page.getByRole('button', { name: '＋ 家族のカードを読む' }).click();
    const dialog = page.getByRole('dialog');
    const file = fs.readdirSync(dir).find((f) => f.startsWith('child.'))!;
    await dialog.getByLabel('カード画像ファイルを選ぶ').setInputFiles(path.join(dir, file));
    // the read's progress, as the services report it (not asserted: it may already be done)
    await page.screenshot({ path: path.join(shots, 'card-progress.png') });
    const form = dialog.getByRole('form', { name: '読み取り結果の確認' });
    await form.waitFor({ timeout: 60_000 });
    if ((await form.getByLabel('氏（カード）').inputValue()) === '高橋') {
      await form.getByRole('button', { name: '氏の「高」の異体字を選ぶ' }).click();
      await form.getByRole('option', { name: /^髙/ }).click();
    }
    await form.getByLabel('名（カード）').fill('陽翔');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByLabel('2人目の続柄').inputValue()).toBe('子');
    await expect.poll(() => page.locator('[data-person="1"] .tag.warn').innerText()).toBe('推定');
    expect(await page.locator('#p1-familyName').inputValue()).toBe('髙橋');
    await page.screenshot({ path: path.join(shots, 'card-4-household.png'), fullPage: true });
  }, 120_000);

  it('warns the clerk when the card\'s 生年月日 and 有効期限 fall on different days, and marks both to check', async () => {
    await page.getByRole('button', { name: '＋ 家族のカードを読む' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('カード画像ファイルを選ぶ').setInputFiles(path.join(dir, fs.readdirSync(dir).find((f) => f.startsWith('odd.'))!));
    const form = dialog.getByRole('form', { name: '読み取り結果の確認' });
    await form.waitFor({ timeout: 60_000 });
    await expect.poll(() => form.locator('.banner.warn').allInnerTexts()).toContainEqual(expect.stringContaining('生年月日と有効期限の月日が一致しません'));
    expect(await form.getByLabel('生年月日（カード）').inputValue()).toBe('平成2年3月5日');
    for (const field of ['birthDate', 'expiryDate']) expect(await form.locator(`[data-card-field="${field}"] .verify-label .tag`).innerText()).toContain('要確認');
    await page.screenshot({ path: path.join(shots, 'card-5-date-mismatch.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }, 120_000);

  it('says why a field the card prints could not be read, and puts the caret there first', async () => {
    await page.getByRole('button', { name: '＋ 家族のカードを読む' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('カード画像ファイルを選ぶ').setInputFiles(path.join(dir, fs.readdirSync(dir).find((f) => f.startsWith('noaddr.'))!));
    const form = dialog.getByRole('form', { name: '読み取り結果の確認' });
    await form.waitFor({ timeout: 60_000 });
    const row = form.locator('[data-card-field="address"]');
    expect(await row.locator('.verify-label .tag').innerText()).toBe('読めず');
    expect(await row.locator('.unread-reason').innerText()).toContain('見つかりませんでした');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-card-field]')?.getAttribute('data-card-field') ?? null)).toBe('address');
    for (const [w, h] of [[1280, 720], [1366, 768]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: path.join(shots, `card-7-unread-${w}x${h}.png`) });
    }
    await page.setViewportSize({ width: 1360, height: 1000 });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }, 120_000);

  it('warns the clerk when a card is read into a person whose 生年月日 is already entered and differs', async () => {
    await page.getByRole('button', { name: '2人目のカードを読み取る' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('カード画像ファイルを選ぶ').setInputFiles(path.join(dir, fs.readdirSync(dir).find((f) => f.startsWith('odd.'))!));
    const form = dialog.getByRole('form', { name: '読み取り結果の確認' });
    await form.waitFor({ timeout: 60_000 });
    expect(await form.getByLabel('生年月日（カード）').inputValue()).toBe('平成2年3月5日');
    await expect.poll(() => form.locator('.banner.warn').allInnerTexts(), { timeout: 5_000 }).toContainEqual('2人目に入力済みの生年月日と違うカードです。反映すると 2人目の内容が置き換わります。');
    await page.screenshot({ path: path.join(shots, 'card-5b-birth-differs.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('#p1-givenName').inputValue()).toBe('陽翔');
    // the 生年月日 typed by the clerk (one day off), then the person's own card read into them
    const birth = page.locator('#p1-birth');
    const before = await birth.inputValue();
    await birth.fill('R3.9.4');
    await page.getByRole('button', { name: '2人目のカードを読み取る' }).click();
    await dialog.getByLabel('カード画像ファイルを選ぶ').setInputFiles(path.join(dir, fs.readdirSync(dir).find((f) => f.startsWith('child.'))!));
    await form.waitFor({ timeout: 60_000 });
    expect(await form.getByLabel('生年月日（カード）').inputValue()).toBe('令和3年9月3日');
    await expect.poll(() => form.locator('.banner.warn').allInnerTexts(), { timeout: 5_000 }).toContainEqual('2人目に入力済みの生年月日と違うカードです。反映すると 2人目の内容が置き換わります。');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await birth.fill(before);
  }, 120_000);

  it('offers a scan from the drop folder, reads it, and leaves no file behind', async () => {
    await page.getByRole('button', { name: '2人目のカードを読み取る' }).click();
    const dialog = page.getByRole('dialog');
    const file = fs.readdirSync(dir).find((f) => f.startsWith('child.'))!;
    const scans = path.join(dir, 'scans');
    fs.copyFileSync(path.join(dir, file), path.join(scans, `SCAN0001${path.extname(file)}`));
    const read = dialog.getByRole('region', { name: 'スキャナ' }).getByRole('button', { name: '読み取る' });
    await read.waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'card-scanner.png') });
    await read.click();
    const form = dialog.getByRole('form', { name: '読み取り結果の確認' });
    await form.waitFor({ timeout: 60_000 });
    expect(fs.readdirSync(scans)).toEqual([]);
    // closed without confirming: the household keeps what was confirmed before
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('#p1-givenName').inputValue()).toBe('陽翔');
  }, 120_000);

  it('reads the 個人番号 from the back only where a form needs it, shown masked', async () => {
    await lookUpProcedures(page);
    await page.getByRole('button', { name: /様式を作成/ }).click();
    const banner = page.locator('.mynumber-needed');
    await page.locator('form.case-form').waitFor({ timeout: 30_000 });
    // the 住民異動届 has no 個人番号 item: no button there; the 児童手当 請求書 asks for the 請求者's
    expect(await banner.count()).toBe(0);
    await page.locator('.form-tab', { hasText: '児童手当' }).click();
    await banner.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(shots, 'card-5-form.png') });
    await banner.getByRole('button', { name: /一郎さんの裏面を読み取る/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('カード画像ファイルを選ぶ').setInputFiles(path.join(dir, 'back.jpg'));
    const masked = dialog.getByTestId('mynumber-read');
    await masked.waitFor({ timeout: 30_000 });
    expect(await masked.innerText()).toBe('********7188');
    await page.screenshot({ path: path.join(shots, 'card-6-back.png') });
    await dialog.getByRole('button', { name: '確認して反映（Enter）' }).click();
    await dialog.waitFor({ state: 'detached' });
    // the form now carries the number from the case, masked
    await expect.poll(() => page.locator('form.case-form input[readonly][value$="7188"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const shown = await page.locator('form.case-form input[readonly][value$="7188"]').first().inputValue();
    expect(shown).toBe('●●●●●●●●7188');
  }, 120_000);

  it('shows the masked 個人番号 only after the clerk types the password again', async () => {
    const field = page.locator('form.case-form .mynumber').filter({ has: page.locator('input[readonly][value$="7188"]') }).first();
    await field.getByLabel('表示する').click(); // stays unchecked until the password is given
    const prompt = page.getByRole('form', { name: '個人番号の表示の確認' });
    await prompt.waitFor();
    await prompt.getByLabel('パスワード').fill('not-the-password');
    await prompt.getByRole('button', { name: '表示する' }).click();
    await prompt.getByText('パスワードが違います。').waitFor();
    expect(await field.locator('input[readonly]').inputValue()).toBe('●●●●●●●●7188');
    await prompt.getByLabel('パスワード').fill(DEMO_CLERK.password);
    await prompt.getByRole('button', { name: '表示する' }).click();
    await prompt.waitFor({ state: 'detached' });
    expect(await field.locator('input[readonly]').inputValue()).toMatch(/^\d{8}7188$/);
    await field.getByLabel('表示する').click();
    expect(await field.locator('input[readonly]').inputValue()).toBe('●●●●●●●●7188');
  }, 60_000);

  it('fetched nothing from outside the app, and left no card image in the page', async () => {
    const origin = new URL(app.url).origin;
    expect(requested.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
  });
});
