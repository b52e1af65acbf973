import path from 'node:path';
import type { Page } from 'playwright-core';
import { addDays } from '../../common/domain/age';
import { ActionCounter, caseDateInput, proceduresToQueue, shortWareki, type Answers, type FlowResult, type Scenario } from './counter-flow';

/**
 * The 手続きナビ for residents already in the 住民基本台帳: the clerk finds them with 「住民を検索」 and takes
 * their 世帯 with one pick, instead of reading every card. Same counting rule as counter-flow.ts; the
 * lookup's own actions (the search fields, Enter, the pick) are counted apart as `lookup`, and
 * `afterLookup` is every other action of the visit (its start included, so it is an upper bound).
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
  /** what the clerk adds on the household step after the lookup: typed into fields by id */
  household?: { field: string; value: string }[];
}

export interface RegisterFlowResult extends Omit<FlowResult, 'card'> {
  lookup: ReturnType<ActionCounter['summary']>;
  afterLookup: number;
}

export async function runRegisterFlow(page: Page, s: RegisterScenario, pdfDir: string, shots?: string): Promise<RegisterFlowResult> {
  const c = new ActionCounter(page);
  const lookup = new ActionCounter(page);
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
  // ── the lookup: 氏名 and 生年月日, Enter; the row checked, Enter takes its 世帯 ──
  await lookup.fill(page.locator('#rs-name'), s.search.name);
  await lookup.fill(page.getByLabel('生年月日（住民の検索）'), s.search.birth);
  await lookup.press('Enter');
  const list = page.getByRole('listbox', { name: '検索結果' });
  await list.waitFor({ timeout: 20_000 });
  const row = list.getByRole('option', { selected: true });
  const shown = await row.locator('.rs-name').innerText();
  if (shown !== s.expectName) throw new Error(`the search's first row is ${shown}, not ${s.expectName}`);
  if (shots) await page.screenshot({ path: path.join(shots, `${s.name}-0-search.png`), fullPage: true });
  await lookup.press('Enter');
  await page.locator(`#p${s.expectPersons - 1}-familyName`).waitFor({ timeout: 20_000 });
  step('lookupWait');
  for (const a of s.household ?? []) await c.enter(page.locator(`#${a.field}`), a.value);
  step('household');
  if (shots) await page.screenshot({ path: path.join(shots, `${s.name}-1-household.png`), fullPage: true });
  const rest = await proceduresToQueue(page, c, s, step, pdfDir, shots);
  if (shots) await page.screenshot({ path: path.join(shots, `${s.name}-4-finish.png`), fullPage: true });
  delete byStep.lookupWait;
  return { clerk: c.summary(), lookup: lookup.summary(), afterLookup: c.total, byStep, ...rest };
}

/**
 * おくやみ for 髙橋 正雄 of the seeded register (born 1944, 後期高齢・要介護2・老齢基礎年金 in the register):
 * his wife トメ reports the death. The forms' answers are those of okuyamiCase (counter-flow.ts) moved to
 * his city: 本籍 and 死亡したところ, the 葬祭費 paid into a written account, the 基礎年金番号.
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
    expectName: '髙橋 正雄',
    expectPersons: 2,
    household: [{ field: 'p1-phone', value: '0552123456' }],
    addProcedures: ['後期高齢者医療 葬祭費支給申請書', '未支給年金・未支払給付金請求書'],
    answers: (title): Answers => {
      if (title === '死亡届') return { choose: { deathPlace: '山梨県甲府市', honseki: '山梨県甲府市' }, fill: { honseki: '山梨県甲府市相生3番' } };
      if (title.includes('葬祭費')) {
        return payee === 'written'
          ? { fill: { funeralDate: shortWareki(died), bankName: 'こうふ銀行', branchName: '本店', accountNumber: '7654321', accountHolderKana: 'タカハシトメ' }, pick: { payeeAccount: '口座を記入する', accountType: '普通' } }
          : { fill: { funeralDate: shortWareki(died) }, pick: { payeeAccount: '公金受取口座' } };
      }
      if (title.startsWith('未支給年金')) return { fill: { basicPensionNumber: '1234567890' } };
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
    expectName: '見本 太郎',
    expectPersons: 4,
    // the 届出人's phone (every form asks for it), the new address after the city's prefix
    household: [{ field: 'p0-phone', value: '09012345678' }, { field: 'h-address', value: '山梨県甲府市中央一丁目2番3号' }],
    together: true,
    answers: (): Answers => ({}),
  };
}
