import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launchChromium } from '../support/chromium';
import { getJson, repoRoot, runCli, startBrowserMode, startTs, tempDir, type Proc } from '../support/processes';
import { startS3Server, type S3Server } from '../support/s3-server';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { signInPage } from '../support/sign-in';
import { okuyamiRegistered, renderRegisterCard, runRegisterFlow, type RegisterFlowResult } from '../support/register-flow';
import { cardPerson, renderPersonCard } from '../support/cards/person-card';
import { localIsoDate } from '../../main/services/local-date';
import { formatWareki } from '../../common/validation/wareki';

/**
 * 住基照会 and ファイル連携 at the counter, end to end in browser mode, the standards' whole chain: the
 * register owner (the simulator as its own process: OAuth client_secret_jwt and the lookup API over the
 * seeded synthetic residents) and an S3-compatible bucket (s3rver, its own process) that the simulator
 * watches as the back end's exchange area. An おくやみ for 髙橋 正雄 found by his card read (its 氏名 +
 * 生年月日 search 「住民を検索」, one Enter takes the offer), his 世帯 taken with its variant kanji 髙
 * (U+9AD9), through the procedures the register's 後期高齢 / 介護 / 年金 status raised, the forms, the PDF,
 * CSV + manifest per application in the bucket (送信済), 仮登録 (受理), then 完了 on the queue screen.
 * Then his wife's card read against the register (an old address, the common 高): every difference
 * shown, and the 券面記載事項変更 proposed. Then the register unreachable: a message in place, and the
 * household is typed by hand. A city's configuration, so production mode (no 研修 accounts).
 */
const PREFIX = 'kofu/';
const shots = path.join(repoRoot, 'test-results', 'screenshots');
const pdfDir = path.join(repoRoot, 'test-results', 'pdf');
const TAKAHASHI = '\u9AD9橋'; // 髙橋, the register's glyph (not 高 U+9AD8)

describe('住民を検索 → おくやみ for a registered resident → CSV in the bucket → 完了 (browser mode, register and S3 as their own processes)', () => {
  let app: Proc;
  let s3: S3Server;
  let sim: Proc;
  let client: S3Client;
  let appDir: string;
  let browser: Browser;
  let page: Page;
  let result: RegisterFlowResult;

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    appDir = tempDir('register-app');
    s3 = await startS3Server();
    client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: JSON.parse(fs.readFileSync(s3.credentialsFile, 'utf8')) as { accessKeyId: string; secretAccessKey: string } });
    const secretFile = path.join(appDir, 'register-client-secret');
    fs.writeFileSync(secretFile, 'e2e-register-secret-0123456789', { mode: 0o600 });
    // the back office decides 3 s after 取込 (仮登録)
    sim = await startTs(
      'main/cli/main.ts',
      ['backend-sim', '--port', '0', '--data-dir', tempDir('register-sim'), '--client-secret-file', secretFile, '--csv-s3-endpoint', s3.endpoint, '--csv-bucket', s3.bucket, '--csv-prefix', PREFIX, '--csv-credentials-file', s3.credentialsFile, '--review-delay-ms', '3000'],
      /backend-sim listening: (\S+)/,
    );
    // the seeded residents live in 甲府市; the queue polls fast
    fs.writeFileSync(
      path.join(appDir, 'config.json'),
      JSON.stringify({
        city: { prefecture: '山梨県', municipality: '甲府市', code: '192015' },
        sync: { backoffBaseMs: 200, backoffCapMs: 1000, probeIntervalMs: 300, statusPollMs: 500 },
        register: { baseUrl: sim.url, clientId: 'ichimado-counter', clientSecretFile: secretFile },
        connectors: { default: { type: 'csv-s3', endpoint: s3.endpoint, bucket: s3.bucket, prefix: PREFIX, credentialsFile: s3.credentialsFile } },
      }),
    );
    app = await startBrowserMode(appDir);
    browser = await launchChromium();
    // a page of its own context: axe checks the card ↔ register differences below
    page = await (await browser.newContext({ viewport: { width: 1360, height: 1000 }, locale: 'ja-JP', acceptDownloads: true })).newPage();
    await page.goto(app.url);
    await signInPage(page);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await sim?.stop();
    client?.destroy();
    await s3?.stop();
  });

  /** object names under the bucket's prefix + `under`, that folder's own only */
  const keys = async (under: string) => {
    const r = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: PREFIX + under }));
    return (r.Contents ?? []).map((o) => o.Key!.slice(PREFIX.length + under.length)).filter((k) => !k.includes('/'));
  };

  it('his card read finds 髙橋 正雄, one Enter takes his 世帯 exactly, and the おくやみ runs to the PDF and the queue', async () => {
    const s = okuyamiRegistered(localIsoDate());
    result = await runRegisterFlow(page, s, pdfDir, shots, await renderRegisterCard(browser, s, tempDir('register-card')));
    // the lookup was the one Enter on the offer the card's search made
    expect(result.lookup.total).toBe(1);
    expect(result.card?.total).toBe(3);
    console.log('おくやみ (register) actions', JSON.stringify({ lookup: result.lookup, afterLookup: result.afterLookup, byStep: result.byStep }));
    // the register's status raised the 資格喪失 procedures without a question
    expect(result.formTitles).toEqual(expect.arrayContaining(['死亡届', '後期高齢者医療 資格喪失届', '介護保険 資格喪失届', '後期高齢者医療 葬祭費支給申請書', '未支給年金・未支払給付金請求書']));
    expect(result.formTitles).not.toContain('国民健康保険 資格喪失届');
    const text = execFileSync('pdftotext', ['-layout', result.pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain(`${TAKAHASHI}`);
    expect(text).toMatch(new RegExp(`${TAKAHASHI}[ 　]*正雄`));
    expect(text).toMatch(new RegExp(`${TAKAHASHI}[ 　]*トメ`));
    expect(text).not.toContain('\u9AD8橋'); // never folded to the common 高
    // 本籍 from the 住民票, 基礎年金番号 from the 国民年金 system: not typed (the scenario answers neither)
    expect(text).toContain('山梨県甲府市相生三丁目5番');
    expect(text).toContain('9000100008');
    // confirmed on the まとめて確認 page: the 葬儀の日 one pick (the death's day), the account typed once on the
    // 葬祭費 reached the 未支給年金 (the same 届出人), 普通 and the holder トメ's name as the defaults
    expect(result.byStep.forms).toBeLessThanOrEqual(19);
    const [funeral, claim] = text.split('未支給年金・未支払給付金請求書');
    expect(funeral).toMatch(new RegExp(`葬儀の日[\\s\\S]*${formatWareki(s.date)}`));
    for (const page of [funeral!, claim!]) {
      expect(page).toMatch(/こうふ銀行\s+本店\s+普通\s+7654321/);
      expect(page).toContain('タカハシトメ');
    }
  }, 300_000);

  it('the queue shows each application under the exact name; CSV + manifest each in the bucket, 仮登録, then 完了', async () => {
    await page.getByRole('button', { name: '送信状況を見る' }).click();
    const rows = page.locator('.qrow');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(result.formTitles.length);
    const names = await page.locator('.qrow').allInnerTexts();
    expect(names.every((n) => n.includes(TAKAHASHI))).toBe(true);
    await expect.poll(() => page.locator('.qrow [data-testid="status"]').allInnerTexts(), { timeout: 60_000 }).toEqual(Array(result.formTitles.length).fill('完了'));
    // what the back end took from the bucket: one CSV and one manifest per application, each imported (仮登録) once
    const n = result.formTitles.length;
    const processed = await keys('inbox/processed/');
    expect(processed.filter((k) => k.endsWith('.csv'))).toHaveLength(n);
    expect(processed.filter((k) => k.endsWith('.manifest.json'))).toHaveLength(n);
    expect(await keys('inbox/')).toEqual([]);
    expect(((await getJson(`${sim.url}/admin/stats`)) as { applications: number; duplicateDeliveries: number })).toEqual({ applications: n, duplicateDeliveries: 0 });
    await page.screenshot({ path: path.join(shots, 'register-okuyami-queue.png'), fullPage: true });
  }, 90_000);

  it('kept nothing from the register outside the case: the audit says how many, never who', async () => {
    const today = localIsoDate();
    const out = await runCli(['audit', 'export', '--data-dir', appDir, '--from', today, '--to', today, '--format', 'json']);
    expect(out.code, out.stderr).toBe(0);
    const lookups = (JSON.parse(out.stdout) as { event: string; detail: unknown }[]).filter((e) => e.event === 'register.looked_up');
    expect(lookups.map((e) => e.detail)).toEqual([{ lookup: 'search', by: 'name', found: 1 }, { lookup: 'household', persons: 2, statuses: 2 }]);
    expect(out.stdout).not.toContain(TAKAHASHI);
    expect(out.stdout).not.toContain('10000000008');
  }, 60_000);

  it('a card that differs from the register: every difference shown, 券面記載事項変更 proposed', async () => {
    const cardPage = await browser.newPage();
    const wife = cardPerson({ family: '高橋', given: 'トメ', sex: '女', birth: '1947-07-07', address: '山梨県甲府市北口一丁目2番3号', expiry: '2030-07-07' });
    const { bytes, ext } = await renderPersonCard(cardPage, wife, { seed: 7 });
    await cardPage.close();
    const file = path.join(tempDir('register-card'), `wife.${ext}`);
    fs.writeFileSync(file, bytes);
    await page.getByRole('button', { name: '手続きナビ' }).click();
    await page.getByRole('button', { name: 'この来庁を終える' }).click();
    await page.getByRole('button', { name: '新しい来庁' }).click();
    await page.locator('input[name="event"][value="死亡"]').check();
    await page.locator('#case-date').fill(localIsoDate());
    await page.locator('#rs-name').fill('タカハシマサオ'); // フリガナ works the same
    await page.getByLabel('生年月日（住民の検索）').fill('S19.3.15');
    await page.keyboard.press('Enter');
    // the list takes the focus in the frame after it renders; Enter before that would search again
    await page.locator('ul[role="listbox"][aria-label="検索結果"]:focus').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('#p1-familyName').waitFor();
    expect(await page.locator('#p1-familyName').inputValue()).toBe(TAKAHASHI);
    await page.getByRole('button', { name: '2人目のカードを読み取る' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('カード画像ファイルを選ぶ').setInputFiles(file);
    const form = dialog.getByRole('form', { name: '読み取り結果の確認' });
    await form.waitFor({ timeout: 90_000 });
    // the clerk confirms what the card shows: the common 高 and the old address
    await form.getByLabel('氏（カード）').fill('高橋');
    await form.getByLabel('住所（カード）').fill('山梨県甲府市北口一丁目2番3号');
    await form.getByRole('button', { name: '確認して反映（Enter）' }).click();
    await dialog.waitFor({ state: 'detached' });
    const diff = page.locator('[data-card-diff="1"]');
    await diff.waitFor();
    expect(await diff.locator('tbody th').allInnerTexts()).toEqual(expect.arrayContaining(['氏名', '住所']));
    expect(await diff.locator('tr[data-diff="住所"]').innerText()).toContain('券面記載事項変更が必要です');
    // the register's name stays: the card is compared, not copied over it
    expect(await page.locator('#p1-familyName').inputValue()).toBe(TAKAHASHI);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => ['critical', 'serious', 'moderate'].includes(v.impact ?? '')).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    for (const size of [{ width: 1280, height: 720 }, { width: 1366, height: 768 }]) {
      await page.setViewportSize(size);
      await diff.evaluate((e) => e.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: path.join(shots, `register-card-diff-${size.width}x${size.height}.png`) });
    }
    await page.setViewportSize({ width: 1360, height: 1000 });
    await page.getByRole('button', { name: '手続きを調べる →' }).click();
    await expect.poll(() => page.locator('[data-proc^="card-kenmen-henko"] .proc-reason').innerText().catch(() => ''), { timeout: 15_000 }).toContain('券面記載事項変更が必要です');
  }, 180_000);

  it('the register unreachable: a message in place, in Japanese, and the household is typed by hand', async () => {
    const dir = tempDir('register-offline');
    fs.writeFileSync(path.join(dir, 'register-secret'), 'not-used-the-register-is-down');
    // a port nothing listens on: the register's host is down
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ register: { baseUrl: 'http://127.0.0.1:9', clientId: 'ichimado-counter', clientSecretFile: 'register-secret' } }));
    const down = await startBrowserMode(dir, undefined, ['--ocr', 'lazy']);
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'ja-JP' });
    try {
      const page = await ctx.newPage();
      await page.goto(down.url);
      await signInPage(page);
      await page.getByRole('button', { name: '新しい来庁' }).click();
      await page.locator('input[name="event"][value="死亡"]').check();
      await page.locator('#rs-name').fill('髙橋正雄');
      await page.getByLabel('生年月日（住民の検索）').fill('S19.3.15');
      await page.keyboard.press('Enter');
      const alert = page.locator('.register-search .banner.error');
      await alert.waitFor({ timeout: 20_000 });
      expect(await alert.innerText()).toBe('住民基本台帳システムに接続できません。手入力で続けられます。');
      expect(await page.getByRole('listbox', { name: '検索結果' }).count()).toBe(0);
      await page.screenshot({ path: path.join(shots, 'register-offline-1280x720.png') });
      // manual entry goes on
      await page.locator('#p0-familyName').fill('髙橋');
      await page.locator('#p0-givenName').fill('正雄');
      expect(await page.locator('#p0-familyName').inputValue()).toBe('髙橋');
    } finally {
      await ctx.close();
      await down.stop();
    }
  }, 120_000);
});
