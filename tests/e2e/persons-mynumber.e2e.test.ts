import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { repoRoot, tempDir } from '../support/processes';
import { openSignedIn, type SignedInApp } from '../support/new-visit';
import { caseDateInput, shortWareki, yearsBefore } from '../support/counter-flow';
import { qrCardBack } from '../support/cards/qr-card';
import { localIsoDate } from '../../main/services/local-date';
import { addDays } from '../../common/domain/age';
import { lookUpProcedures } from '../support/procedures-step';

/**
 * Issue 10, defects 1 and 2, as the clerk met them in browser mode: a 転入 of 中川勇気 (本人, 78), 藤井恵
 * (2人目, 36) and a child. On 藤井恵's 国民年金 届 the clerk picks 個人番号 and types 123456789018: it must not
 * show on 中川勇気's 後期高齢者医療 資格取得届 nor on the 児童手当 (請求者 中川勇気), nor print as 確認済み; the
 * form offers to read 藤井恵's card back (not 中川勇気's), and the number read goes to her and prints as
 * checked on her forms only.
 */
const shots = path.join(repoRoot, 'test-results', 'screenshots');
const TYPED = '123456789018';
const ON_CARD = '537686677188';

async function pollUntil(fn: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await fn().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('個人番号 of one person stays theirs (browser mode)', () => {
  let opened: SignedInApp;
  let page: Page;
  let dir: string;
  const today = localIsoDate();

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    dir = tempDir('persons-e2e');
    fs.writeFileSync(path.join(dir, 'back.jpg'), await qrCardBack(ON_CARD, { desk: true }));
    opened = await openSignedIn(tempDir('persons-app'), { viewport: { width: 1360, height: 1000 }, acceptDownloads: true });
    page = opened.page;
  }, 60_000);

  afterAll(async () => {
    await opened?.close();
  });

  const radio = (name: string, value: string) => page.locator(`input[type=radio][name="${name}"][value="${value}"]`);
  const form = () => page.locator('form.case-form');
  const openForm = async (title: string) => {
    await page.locator('.form-tab', { hasText: title }).click();
    await form().locator('h1', { hasText: title }).waitFor({ timeout: 15_000 });
  };
  const pdfText = async (name: string) => {
    await page.locator('.stepper .step', { hasText: '4 印刷・送信' }).click();
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: '印刷（PDFを作成）' }).click();
    const file = path.join(dir, `${name}.pdf`);
    await (await download).saveAs(file);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  };

  it('keeps the number typed on 藤井恵’s 国民年金 届 off 中川勇気’s forms, and prints it without 確認済み', async () => {
    await page.getByRole('button', { name: '手続きナビ' }).click();
    await page.getByRole('button', { name: '新しい来庁' }).click();
    await page.locator('#p0-familyName').waitFor();
    await radio('event', '転入').check();
    await page.locator('#case-date').fill(caseDateInput(addDays(today, -2), today));
    const person = async (i: number, p: { family: string; given: string; familyKana: string; givenKana: string; birth: string; sex: string; health: string; pension: string; phone?: string }) => {
      await page.locator(`#p${i}-familyName`).fill(p.family);
      await page.locator(`#p${i}-givenName`).fill(p.given);
      await page.locator(`#p${i}-familyNameKana`).fill(p.familyKana);
      await page.locator(`#p${i}-givenNameKana`).fill(p.givenKana);
      await page.locator(`#p${i}-birth`).fill(shortWareki(p.birth));
      await radio(`p${i}-sex`, p.sex).check();
      await radio(`p${i}-health`, p.health).check();
      await radio(`p${i}-pension`, p.pension).check();
      if (p.phone) await page.locator(`#p${i}-phone`).fill(p.phone);
    };
    await person(0, { family: '中川', given: '勇気', familyKana: 'なかがわ', givenKana: 'ゆうき', birth: yearsBefore(today, 78, 30), sex: '男', health: '後期高齢', pension: '国民年金', phone: '0312345678' });
    await page.getByRole('button', { name: '＋ その他' }).click();
    await person(1, { family: '藤井', given: '恵', familyKana: 'ふじい', givenKana: 'めぐみ', birth: yearsBefore(today, 36, 90), sex: '女', health: '国保', pension: 'なし' });
    await page.getByRole('button', { name: '＋ 子' }).click();
    await person(2, { family: '中川', given: '翔', familyKana: 'なかがわ', givenKana: 'しょう', birth: yearsBefore(today, 8, 45), sex: '男', health: '国保', pension: 'なし' });
    await page.locator('#h-address').fill('東京都千代田区千代田1-1');
    await page.locator('#h-previousAddress').fill('大阪府大阪市北区中之島一丁目3番20号');
    await lookUpProcedures(page);
    await page.getByRole('button', { name: /様式を作成/ }).click();
    await form().waitFor();

    // 藤井恵's 国民年金 届: 個人番号, typed by hand, and her phone
    await openForm('国民年金 被保険者関係届書');
    expect(await form().locator('[data-field="familyName"] input').inputValue()).toBe('藤井');
    await form().locator('[data-field="idType"] input[type=radio][value="個人番号"]').check();
    await form().locator('[data-field="myNumber"] input[type=password]').fill(TYPED);
    await form().locator('[data-field="phone"] input').fill('09011112222');
    await form().getByRole('button', { name: '内容を確認しました（Enter）' }).click();
    await pollUntil(async () => (await page.locator('.form-tab', { hasText: '国民年金' }).innerText()).includes('確認済'), 15_000, '国民年金 confirmed');

    // 中川勇気's 後期高齢者医療 資格取得届 and the 児童手当 (請求者 中川勇気) do not have it
    await openForm('後期高齢者医療 資格取得届');
    expect(await form().locator('[data-field="insuredFamilyName"] input').inputValue()).toBe('中川');
    expect(await form().locator('[data-field="insuredMyNumber"] input').first().inputValue()).toBe('');
    await openForm('児童手当 認定請求書');
    expect(await form().locator('[data-field="applicantMyNumber"] input').first().inputValue()).toBe('');
    expect(await form().locator('[data-field="applicantPhone"] input').inputValue()).toBe('0312345678');
    await page.screenshot({ path: path.join(shots, 'persons-1-jidou.png'), fullPage: true });

    const text = await pdfText('typed');
    expect(text).toContain('＊＊＊＊＊＊＊＊9018');
    expect(text).not.toContain('確認済み');
    // her 国民年金 届 and her row of the 国保 届: twice, not on 中川勇気's forms
    expect(text.match(/9018/g)).toHaveLength(2);
  }, 180_000);

  it('offers to read 藤井恵’s card back on her form (not 中川勇気’s), and the number read is hers, printed as checked', async () => {
    await page.locator('.stepper .step', { hasText: '3 様式の確認' }).click();
    await openForm('国民年金 被保険者関係届書');
    const banner = page.locator('.mynumber-needed');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.getByRole('button').allInnerTexts()).toEqual(['藤井恵さんの裏面を読み取る']);
    await page.screenshot({ path: path.join(shots, 'persons-2-nenkin-banner.png'), fullPage: true });
    await banner.getByRole('button', { name: '藤井恵さんの裏面を読み取る' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByRole('heading').first().innerText()).toContain('藤井恵さん');
    await dialog.getByLabel('カード画像ファイルを選ぶ').setInputFiles(path.join(dir, 'back.jpg'));
    await dialog.getByTestId('mynumber-read').waitFor({ timeout: 30_000 });
    expect(await dialog.getByTestId('mynumber-read').innerText()).toBe('********7188');
    await dialog.getByRole('button', { name: '確認して反映（Enter）' }).click();
    await dialog.waitFor({ state: 'detached' });
    // her form now shows the card's number from the case, marked as read from the card; no more button
    await pollUntil(async () => (await form().locator('[data-field="myNumber"] input[readonly]').count()) > 0, 15_000, 'number from the case');
    expect(await form().locator('[data-field="myNumber"] input[readonly]').inputValue()).toBe('●●●●●●●●7188');
    expect(await form().locator('[data-field="myNumber"]').getByTestId('mynumber-checked').count()).toBe(1);
    expect(await banner.count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'persons-3-nenkin-read.png'), fullPage: true });
    // 中川勇気's forms still have no number, and the 児童手当 still offers his own card back
    await openForm('後期高齢者医療 資格取得届');
    expect(await form().locator('[data-field="insuredMyNumber"] input').first().inputValue()).toBe('');
    await openForm('児童手当 認定請求書');
    expect(await banner.getByRole('button').allInnerTexts()).toEqual(['中川勇気さんの裏面を読み取る']);
    // the household step shows it on 藤井恵, not on 中川勇気
    await page.locator('.stepper .step', { hasText: '1 来庁者・世帯' }).click();
    expect(await page.locator('#p1-myNumber').inputValue()).toBe(ON_CARD);
    expect(await page.locator('#p0-myNumber').inputValue()).toBe('');
    await lookUpProcedures(page);

    const text = await pdfText('card');
    expect(text).not.toContain('9018');
    expect(text.match(/＊＊＊＊＊＊＊＊7188/g)).toHaveLength(2);
    expect(text.match(/カードで確認済み/g)).toHaveLength(2);
  }, 180_000);
});
