import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { addDays } from '../../common/domain/age';
import { eraForIso } from '../../common/validation/wareki';

/**
 * The clerk's side of the 手続きナビ, shared by tests/e2e/counter-case.e2e.test.ts and
 * scripts/bench-counter.ts, with the clerk's actions counted.
 *
 * Counting rule: a click (or a radio/checkbox pick) is 1 action; typing into a text field is
 * 1 action for the field plus 1 keystroke per character typed (code points; a kanji or kana counts
 * as one keystroke, as if the IME produced it in one go — an optimistic bound for IME input);
 * a key press (Enter) is 1 keystroke. Data a card read would supply (the 本人's 氏名, 生年月日,
 * 性別 and 住所 on the card) is counted separately as the card step.
 */
export class ActionCounter {
  clicks = 0;
  fields = 0;
  keystrokes = 0;
  constructor(readonly page: Page) {}
  get total(): number {
    return this.clicks + this.fields + this.keystrokes;
  }
  async click(l: Locator): Promise<void> {
    this.clicks++;
    await l.click();
  }
  async check(l: Locator): Promise<void> {
    this.clicks++;
    await l.check();
  }
  async fill(l: Locator, text: string): Promise<void> {
    this.fields++;
    this.keystrokes += [...text].length;
    await l.fill(text);
  }
  async press(key: string): Promise<void> {
    this.keystrokes++;
    await this.page.keyboard.press(key);
  }
  summary() {
    return { total: this.total, clicks: this.clicks, fieldsTyped: this.fields, keystrokes: this.keystrokes };
  }
}

/** The short 和暦 a clerk types: R4.6.1, H30.9.10, S60.4.1. */
export function shortWareki(iso: string): string {
  const era = eraForIso(iso)!;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${era.letter}${y - Number(era.start.slice(0, 4)) + 1}.${m}.${d}`;
}

export function yearsBefore(iso: string, years: number, extraDays = 0): string {
  const y = Number(iso.slice(0, 4)) - years;
  let d = `${y}${iso.slice(4)}`;
  if (d.endsWith('02-29')) d = `${y}-02-28`;
  return addDays(d, -extraDays);
}

const radio = (page: Page, name: string, value: string) => page.locator(`input[type=radio][name="${name}"][value="${value}"]`);

export interface PersonIn {
  relation: '本人' | '配偶者' | '子' | '父母' | 'その他';
  given: string;
  givenKana: string;
  family?: string;
  familyKana?: string;
  birth: string;
  sex: '男' | '女';
  health?: string;
  pension?: string;
  phone?: string;
}

export interface FlowResult {
  caseId: string;
  card: ReturnType<ActionCounter['summary']>;
  clerk: ReturnType<ActionCounter['summary']>;
  byStep: Record<string, number>;
  pdfFile: string;
  pdfPages: number | null;
  formTitles: string[];
}

/** Polls from Node (the app's CSP forbids evaluating strings in the page, as it should). */
async function pollUntil(fn: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await fn().catch(() => false))) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 30));
  }
}

async function waitIdle(page: Page): Promise<void> {
  await pollUntil(() => page.locator('.finish-actions button.primary').first().isEnabled(), 60_000);
}

/** Confirms every open form, filling what `answers` gives for fields still empty (by field key). */
async function confirmForms(page: Page, c: ActionCounter, answers: (formTitle: string) => { fill?: Record<string, string>; pick?: Record<string, string> }): Promise<string[]> {
  const titles: string[] = [];
  for (let guard = 0; guard < 20; guard++) {
    const form = page.locator('form.case-form');
    if ((await form.count()) === 0) break;
    const title = await form.locator('h1').innerText();
    if (titles.includes(title) && (await page.locator('.stepper .step.active').innerText()).includes('4')) break;
    titles.push(title);
    const a = answers(title);
    for (const [k, v] of Object.entries(a.pick ?? {})) await c.check(form.locator(`[data-field="${k}"] input[type=radio][value="${v}"]`));
    for (const [k, v] of Object.entries(a.fill ?? {})) await c.fill(form.locator(`[data-field="${k}"] input`).first(), v);
    await c.click(form.getByRole('button', { name: '内容を確認しました（Enter）' }));
    const until = Date.now() + 15_000;
    for (;;) {
      const step = await page.locator('.stepper .step.active').innerText();
      const now = step.startsWith('4') ? null : await page.locator('form.case-form h1').innerText({ timeout: 1000 }).catch(() => title);
      if (step.startsWith('4') || now !== title) break;
      if (Date.now() > until) {
        const errs = await page.locator('form.case-form .field-error, .banner').allInnerTexts();
        throw new Error(`「${title}」 was not confirmed: ${errs.join(' / ')}`);
      }
      await page.waitForTimeout(30);
    }
    if ((await page.locator('.stepper .step.active').innerText()).startsWith('4')) break;
  }
  return titles;
}

export interface Answers {
  fill?: Record<string, string>;
  pick?: Record<string, string>;
}

export interface Scenario {
  name: string;
  event: '転入' | '死亡';
  date: string;
  /** the card step: the 本人 as a card read would give them */
  honnin: PersonIn & { family: string; familyKana: string };
  cardAddress: { field: 'h-previousAddress' | 'h-address'; value: string };
  others: PersonIn[];
  address?: { field: string; value: string }[];
  /** optional procedures to add (by title) */
  addProcedures?: string[];
  answers: (formTitle: string) => { fill?: Record<string, string>; pick?: Record<string, string> };
}

/** Runs one visit from a new case to the queue in the browser-mode UI, counting the clerk's actions. */
export async function runCounterFlow(page: Page, s: Scenario, pdfDir: string, shots?: string): Promise<FlowResult> {
  const card = new ActionCounter(page);
  const c = new ActionCounter(page);
  const byStep: Record<string, number> = {};
  let mark = 0;
  const step = (name: string) => {
    byStep[name] = c.total - mark;
    mark = c.total;
  };
  await c.click(page.getByRole('button', { name: '手続きナビ' }));
  await c.click(page.getByRole('button', { name: '新しい来庁' }));
  await page.locator('#p0-familyName').waitFor();
  await c.check(radio(page, 'event', s.event));
  await c.fill(page.locator('#case-date'), shortWareki(s.date));
  step('event');
  // ── card step (counted apart): what the 本人's card gives ──
  const h = s.honnin;
  await card.fill(page.locator('#p0-familyName'), h.family);
  await card.fill(page.locator('#p0-givenName'), h.given);
  await card.fill(page.locator('#p0-birth'), shortWareki(h.birth));
  await card.check(radio(page, 'p0-sex', h.sex));
  await card.fill(page.locator(`#${s.cardAddress.field}`), s.cardAddress.value);
  // ── the clerk, after the card read ──
  await c.fill(page.locator('#p0-familyNameKana'), h.familyKana);
  await c.fill(page.locator('#p0-givenNameKana'), h.givenKana);
  if (h.health) await c.check(radio(page, 'p0-health', h.health));
  if (h.pension) await c.check(radio(page, 'p0-pension', h.pension));
  if (h.phone) await c.fill(page.locator('#p0-phone'), h.phone);
  step('honnin');
  for (const [j, p] of s.others.entries()) {
    const i = j + 1;
    await c.click(page.getByRole('group', { name: '世帯の人を追加' }).getByRole('button', { name: `＋ ${p.relation}` }));
    if (p.family) await c.fill(page.locator(`#p${i}-familyName`), p.family);
    if (p.familyKana) await c.fill(page.locator(`#p${i}-familyNameKana`), p.familyKana);
    await c.fill(page.locator(`#p${i}-givenName`), p.given);
    await c.fill(page.locator(`#p${i}-givenNameKana`), p.givenKana);
    await c.fill(page.locator(`#p${i}-birth`), shortWareki(p.birth));
    await c.check(radio(page, `p${i}-sex`, p.sex));
    if (p.health) await c.check(radio(page, `p${i}-health`, p.health));
    if (p.pension) await c.check(radio(page, `p${i}-pension`, p.pension));
    if (p.phone) await c.fill(page.locator(`#p${i}-phone`), p.phone);
  }
  step('household');
  for (const a of s.address ?? []) await c.fill(page.locator(`#${a.field}`), a.value);
  step('address');
  if (shots) await page.screenshot({ path: path.join(shots, `${s.name}-1-household.png`), fullPage: true });
  await c.click(page.getByRole('button', { name: '手続きを調べる →' }));
  await page.locator('.proc-group').first().waitFor();
  for (const title of s.addProcedures ?? []) {
    const box = page.getByRole('checkbox', { name: `${title}を作成する` }).first();
    await c.click(box);
    await pollUntil(() => box.isChecked(), 10_000);
  }
  if (shots) await page.screenshot({ path: path.join(shots, `${s.name}-2-procedures.png`), fullPage: true });
  const caseId = (await page.locator('.case-head .note').innerText()).replace('来庁ケース ', '');
  await c.click(page.getByRole('button', { name: /様式を作成/ }));
  step('procedures');
  await page.locator('form.case-form').waitFor();
  if (shots) await page.screenshot({ path: path.join(shots, `${s.name}-3-form.png`), fullPage: true });
  const formTitles = await confirmForms(page, c, s.answers);
  step('forms');
  await page.getByRole('button', { name: '印刷（PDFを作成）' }).waitFor();
  fs.mkdirSync(pdfDir, { recursive: true });
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await c.click(page.getByRole('button', { name: '印刷（PDFを作成）' }));
  const dl = await download;
  const pdfFile = path.join(pdfDir, `${s.name}.pdf`);
  await dl.saveAs(pdfFile);
  const pagesText = await page.locator('.finish-actions a').innerText();
  const pdfPages = Number(/(\d+)ページ/.exec(pagesText)?.[1] ?? NaN);
  step('print');
  await waitIdle(page);
  await c.click(page.getByRole('button', { name: /送信キューへ/ }));
  await page.getByRole('button', { name: '送信状況を見る' }).waitFor();
  step('submit');
  if (shots) await page.screenshot({ path: path.join(shots, `${s.name}-4-finish.png`), fullPage: true });
  return { caseId, card: card.summary(), clerk: c.summary(), byStep, pdfFile, pdfPages, formTitles };
}

export function familyTennyu(today: string): Scenario {
  const moved = addDays(today, -3);
  return {
    name: 'family-tennyu',
    event: '転入',
    date: moved,
    honnin: { relation: '本人', family: '髙橋', familyKana: 'たかはし', given: '一郎', givenKana: 'いちろう', birth: yearsBefore(today, 41, 40), sex: '男', health: '社保', pension: '厚生年金', phone: '09012345678' },
    cardAddress: { field: 'h-previousAddress', value: '大阪府大阪市北区中之島一丁目3番20号' },
    others: [
      { relation: '配偶者', given: '花子', givenKana: 'はなこ', birth: yearsBefore(today, 39, 120), sex: '女' },
      { relation: '子', given: '陽翔', givenKana: 'はると', birth: yearsBefore(today, 3, 60), sex: '男' },
      { relation: '子', given: '﨑子', givenKana: 'さきこ', birth: yearsBefore(today, 7, 30), sex: '女' },
    ],
    address: [{ field: 'h-address', value: '東京都千代田区千代田1-1' }],
    answers: (title): Answers => {
      if (title.startsWith('住民異動届')) return { pick: { moveOutProof: 'マイナンバーカード（転出届の特例）' } };
      if (title.startsWith('児童手当')) return { fill: { bankName: 'ちよだ銀行', branchName: '本店', accountNumber: '1234567', accountHolderKana: 'タカハシイチロウ' }, pick: { accountType: '普通' } };
      if (title.startsWith('子ども医療費')) return { fill: { insurerName: '協会けんぽ' } };
      if (title.startsWith('就学')) return { fill: { 'children.0.previousSchool': '大阪市立北小学校' } };
      return {};
    },
  };
}

export function okuyamiCase(today: string): Scenario {
  const died = addDays(today, -2);
  return {
    name: 'okuyami',
    event: '死亡',
    date: died,
    honnin: { relation: '本人', family: '渡邉', familyKana: 'わたなべ', given: '正雄', givenKana: 'まさお', birth: yearsBefore(today, 82, 10), sex: '男', health: '後期高齢', pension: '国民年金' },
    cardAddress: { field: 'h-address', value: '東京都千代田区千代田2-2' },
    others: [{ relation: '配偶者', given: '和子', givenKana: 'かずこ', birth: yearsBefore(today, 78, 50), sex: '女', phone: '0312345678' }],
    addProcedures: ['後期高齢者医療 葬祭費支給申請書', '未支給年金・未支払給付金請求書'],
    answers: (title): Answers => {
      if (title === '死亡届') return { fill: { deathPlace: '東京都千代田区', honseki: '東京都千代田区千代田2番' } };
      if (title.includes('葬祭費')) return { fill: { funeralDate: shortWareki(died), bankName: 'ちよだ銀行', branchName: '本店', accountNumber: '7654321', accountHolderKana: 'ワタナベカズコ' }, pick: { accountType: '普通' } };
      if (title.startsWith('未支給年金')) return { fill: { basicPensionNumber: '1234567890' } };
      return {};
    },
  };
}
