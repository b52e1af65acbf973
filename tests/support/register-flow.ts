import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addDays } from '../../common/domain/age';
import { formatWareki } from '../../common/validation/wareki';
import { ActionCounter, caseDateInput, pollUntil, proceduresToQueue, readCard, type Answers, type FlowResult, type Scenario } from './counter-flow';
import { cardPerson, renderPersonCard } from './cards/person-card';

/**
 * The 手続きナビ for residents already in the 住民基本台帳: the clerk reads the 本人's card (on the counter),
 * whose confirmed 氏名 + 生年月日 search 「住民を検索」 by themselves, and takes the one match's 世帯 with
 * Enter, instead of reading every card (without a card file: the search typed, 氏名, 生年月日, Enter).
 * Same counting rule as counter-flow.ts: the card read is `card` (3), its corrections are the clerk's;
 * the lookup's own actions (the search fields, Enter, the pick) are counted apart as `lookup`, and
 * `afterLookup` is every other action of the visit (its start and the card read's corrections included,
 * so it is an upper bound).
 */
export interface RegisterScenario extends Pick<Scenario, 'name' | 'addProcedures' | 'together' | 'answers' | 'today'> {
  event: '死亡' | '転居';
  date: string;
  /** what the clerk types into the search: 氏名 (or フリガナ) and 生年月日 */
  search: { name: string; birth: string };
  /** the register's exact 氏名 of the resident to take (checked on the row before it is taken) */
  expectName: string;
  /** persons the register's 世帯 has */
  expectPersons: number;
  /**
   * the 本人's card as printed (the card is on the counter): read first, its confirmed 氏名 + 生年月日
   * search the register by themselves and the one match is taken with Enter (the lookup is that Enter)
   */
  card: { family: string; given: string; sex: '男' | '女'; birth: string; address: string };
  /** what the clerk adds on the household step after the lookup: typed into fields by id */
  household?: { field: string; value: string }[];
  /**
   * 電話番号 the resident types on the resident screen's pad (the clerk's one click 「住民画面で入力」 beside
   * the field): person index → digits. Needs the resident page; its presses are counted apart (`resident`).
   */
  residentPhones?: { person: number; digits: string }[];
}

export interface RegisterFlowResult extends Omit<FlowResult, 'card'> {
  lookup: ReturnType<ActionCounter['summary']>;
  /** the card read (3 actions), when the visit started with the 本人's card; corrections are in `clerk` */
  card?: ReturnType<ActionCounter['summary']>;
  /** the resident's presses on the resident screen (their 電話番号), when the scenario has them */
  resident?: ReturnType<ActionCounter['summary']>;
  afterLookup: number;
}

/**
 * The resident types `digits` on the resident screen's pad and presses 決定, after the clerk's one click
 * 「住民画面で入力」; the number then shows in the clerk's field (the digits as typed, as parsePhone keeps them).
 */
async function residentTypesPhone(page: Page, residentPage: Page, c: ActionCounter, resident: ActionCounter, person: number, digits: string): Promise<void> {
  await c.click(page.getByRole('button', { name: `${person + 1}人目の電話番号を住民画面で入力` }));
  const pad = residentPage.locator('.phone-pad');
  await pad.waitFor({ timeout: 10_000 });
  for (const d of digits) await resident.click(pad.getByRole('button', { name: d, exact: true }));
  await resident.click(pad.getByRole('button', { name: /^決定/ }));
  await pollUntil(async () => (await page.locator(`#p${person}-phone`).inputValue()).replace(/\D/g, '') === digits, 10_000).catch(async () => {
    throw new Error(`the resident typed ${digits}; the clerk's field shows ${await page.locator(`#p${person}-phone`).inputValue()}`);
  });
}

export async function runRegisterFlow(page: Page, s: RegisterScenario, pdfDir: string, shots?: string, cardFile?: string, residentPage?: Page): Promise<RegisterFlowResult> {
  const c = new ActionCounter(page);
  const lookup = new ActionCounter(page);
  const card = new ActionCounter(page);
  const resident = residentPage ? new ActionCounter(residentPage) : null;
  const byStep: Record<string, number> = {};
  let mark = 0;
  const step = (name: string) => {
    byStep[name] = c.total - mark;
    mark = c.total;
  };
  const nav = page.getByRole('button', { name: '手続きナビ' });
  if ((await nav.getAttribute('aria-pressed')) !== 'true') await c.click(nav);
  await c.click(page.getByRole('button', { name: '新しい来庁' }));
  await page.locator('#p0-familyName').waitFor();
  const ev = page.locator(`input[type=radio][name="event"][value="${s.event}"]`);
  if (!(await ev.isChecked())) await c.check(ev);
  await c.fill(page.locator('#case-date'), caseDateInput(s.date, s.today));
  step('event');
  const list = page.getByRole('listbox', { name: '検索結果' });
  if (cardFile) {
    // ── the 本人's card: its confirmed 氏名 + 生年月日 search the register; the one match is offered, focused ──
    await readCard(page, card, c, page.getByRole('button', { name: '1人目のカードを読み取る' }), cardFile, { family: s.card.family, given: s.card.given, birth: s.card.birth, sex: s.card.sex, address: s.card.address });
    step('honninCardCorrections');
    await list.waitFor({ timeout: 20_000 });
    await pollUntil(() => list.evaluate((e) => e.ownerDocument.activeElement === e), 10_000);
    // the search fields show what the card searched with
    const searched = [await page.locator('#rs-name').inputValue(), await page.getByLabel('生年月日（住民の検索）').inputValue()];
    if (searched[1] !== formatWareki(s.card.birth)) throw new Error(`the search shows ${searched.join(' / ')}, not the card's 生年月日`);
  } else {
    // ── the lookup typed: 氏名 and 生年月日, Enter ──
    await lookup.fill(page.locator('#rs-name'), s.search.name);
    await lookup.fill(page.getByLabel('生年月日（住民の検索）'), s.search.birth);
    await lookup.press('Enter');
    await list.waitFor({ timeout: 20_000 });
  }
  // the row checked, Enter takes its 世帯
  const row = list.getByRole('option', { selected: true });
  const shown = await row.locator('.rs-name').innerText();
  if (shown !== s.expectName) throw new Error(`the search's first row is ${shown}, not ${s.expectName}`);
  if (shots) await page.screenshot({ path: path.join(shots, `${s.name}-0-search.png`), fullPage: true });
  await lookup.press('Enter');
  await page.locator(`#p${s.expectPersons - 1}-familyName`).waitFor({ timeout: 20_000 });
  step('lookupWait');
  for (const a of s.household ?? []) await c.enter(page.locator(`#${a.field}`), a.value);
  for (const p of s.residentPhones ?? []) {
    if (!residentPage || !resident) throw new Error(`${s.name}: the resident types a phone number, and no resident page was given`);
    await residentTypesPhone(page, residentPage, c, resident, p.person, p.digits);
  }
  step('household');
  if (shots) await page.screenshot({ path: path.join(shots, `${s.name}-1-household.png`), fullPage: true });
  const rest = await proceduresToQueue(page, c, s, step, pdfDir, shots);
  if (shots) await page.screenshot({ path: path.join(shots, `${s.name}-4-finish.png`), fullPage: true });
  delete byStep.lookupWait;
  return { clerk: c.summary(), lookup: lookup.summary(), ...(cardFile ? { card: card.summary() } : {}), ...(resident ? { resident: resident.summary() } : {}), afterLookup: c.total, byStep, ...rest };
}

/** The 本人's card image of a register scenario, rendered by the card generator. */
export async function renderRegisterCard(browser: Browser, s: RegisterScenario, dir: string): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const page = await browser.newPage();
  try {
    const expiry = `${Number(s.today.slice(0, 4)) + 3}${s.card.birth.slice(4)}`.replace(/-02-29$/, '-02-28');
    const { bytes, ext } = await renderPersonCard(page, cardPerson({ ...s.card, expiry }), { seed: 300 });
    const file = path.join(dir, `${s.name}-honnin.${ext}`);
    fs.writeFileSync(file, bytes);
    return file;
  } finally {
    await page.close();
  }
}

/**
 * おくやみ for 髙橋 正雄 of the seeded register (born 1944, 後期高齢・要介護2・老齢基礎年金 in the register):
 * his wife トメ reports the death. The forms' answers are those of okuyamiCase (counter-flow.ts) moved to
 * his city: 死亡したところ, the 葬祭費 paid into a written account; his 本籍 and 基礎年金番号 come from the
 * register and the 国民年金 system (typed in okuyamiCase).
 * `payee` '公金受取口座' is the same visit for a spouse who registered a 公金受取口座 at マイナポータル.
 */
export function okuyamiRegistered(today: string, payee: 'written' | '公金受取口座' = 'written'): RegisterScenario {
  const died = addDays(today, -2);
  return {
    name: payee === 'written' ? 'okuyami-register' : 'okuyami-register-koukin',
    event: '死亡',
    date: died,
    today,
    search: { name: '髙橋正雄', birth: 'S19.3.15' },
    card: { family: '髙橋', given: '正雄', sex: '男', birth: '1944-03-15', address: '山梨県甲府市相生三丁目5番6号' },
    expectName: '髙橋 正雄',
    expectPersons: 2,
    household: [{ field: 'p1-phone', value: '0552123456' }],
    addProcedures: ['後期高齢者医療 葬祭費支給申請書', '未支給年金・未支払給付金請求書'],
    // the five forms need answers only on the 死亡届 (死亡したところ) and the 葬祭費 (葬儀の日, 受取口座), each
    // independent of the others: confirmed on the まとめて確認 page, as the family 転入 is
    together: true,
    answers: (title): Answers => {
      // 葬儀の日 is one of the days since the death offered as picks; the account is a 普通 one in the 届出人's name (the defaults), the same on the 未支給年金 (typed once); 本籍 and the 基礎年金番号 come from the register and the 国民年金 system (register-fill.ts registerAnswers)
      if (title === '死亡届') return { choose: { deathPlace: '山梨県甲府市' } };
      if (title.includes('葬祭費')) {
        return payee === 'written'
          ? { choose: { funeralDate: formatWareki(died), branchName: '本店' }, fill: { bankName: 'こうふ銀行', accountNumber: '7654321' }, pick: { payeeAccount: '口座を記入する' } }
          : { choose: { funeralDate: formatWareki(died) }, pick: { payeeAccount: '公金受取口座' } };
      }
      return {};
    },
  };
}

/** 転居 within the city of the seeded 見本 family of four (世帯主 太郎, 妻 花子, 子 一郎 and さくら, all 国保). */
export function tenkyoRegisteredFamily(today: string): RegisterScenario {
  return {
    name: 'tenkyo-register-family',
    event: '転居',
    date: addDays(today, -3),
    today,
    search: { name: '見本太郎', birth: 'S60.4.12' },
    card: { family: '見本', given: '太郎', sex: '男', birth: '1985-04-12', address: '山梨県甲府市丸の内一丁目1番1号' },
    expectName: '見本 太郎',
    expectPersons: 4,
    // the new address after the city's prefix; the 届出人's phone (every form asks for it) typed by the
    // resident on the resident screen's pad
    household: [{ field: 'h-address', value: '山梨県甲府市中央一丁目2番3号' }],
    residentPhones: [{ person: 0, digits: '09012345678' }],
    together: true,
    answers: (): Answers => ({}),
  };
}
