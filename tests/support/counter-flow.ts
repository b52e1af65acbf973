import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { addDays } from '../../common/domain/age';
import { COVERAGE_PAIRS } from '../../common/domain/household';
import { eraForIso, formatWareki, parseDateInput, parseEventDateInput } from '../../common/validation/wareki';
import { variantsOf } from '../../common/kanji/variants';
import { cardPerson, renderPersonCard } from './cards/person-card';
import { enterReading } from './reading-chips';

/**
 * The clerk's side of the 手続きナビ, shared by tests/e2e/counter-case.e2e.test.ts and
 * scripts/bench-counter.ts, with the clerk's actions counted.
 *
 * Counting rule: a click (or a radio/checkbox pick, or a choice in a select) is 1 action; typing into
 * a text field is 1 action for the field plus 1 keystroke per character typed (code points; a kanji or
 * kana counts as one keystroke, as if the IME produced it in one go — an optimistic bound for IME
 * input); a key press (Enter, Space) is 1 keystroke. Nothing is typed or clicked where the screen
 * already shows the right value (defaults and values derived from the case are checked, not re-entered);
 * where a field already shows the start of the value (the city's prefix, a quick pick), only the rest
 * is typed (`type`: 1 for the field + 1 per character typed).
 *
 * Card reads are counted apart (`card`): each card read is 3 actions — opening the reader
 * (「カードを読み取る」 / 「＋ 家族のカードを読む」), placing the card (here: the image file chosen with
 * setInputFiles; with a document camera the capture is automatic), and the one confirm. Every
 * correction made while checking a read (a kanji variant picked: 2 clicks; a misread field retyped or a
 * radio re-picked) is counted with the clerk's actions (`clerk`), as is everything after the reads.
 */
export class ActionCounter {
  /** what was corrected while checking card reads (field names only) */
  corrections: string[] = [];
  /** the actions in each form (by title) on the forms step, its confirm click included: where the typing goes */
  byForm: Record<string, number> = {};
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
  /**
   * Continues a field that already shows the start of its value: 1 for the field + 1 per character
   * typed. The field is focused (as a click past its text or Tab does), and the caret must be after its text.
   */
  async type(l: Locator, text: string): Promise<void> {
    this.fields++;
    this.keystrokes += [...text].length;
    await l.focus();
    await pollUntil(() => l.evaluate((e) => {
      const i = e as unknown as { selectionStart: number | null; selectionEnd: number | null; value: string };
      return i.selectionStart === i.value.length && i.selectionEnd === i.value.length;
    }), 2_000).catch(() => {
      throw new Error('the caret is not at the end of the prefilled field');
    });
    await l.pressSequentially(text);
  }
  /** Enters `value`: typing only what follows when the field already shows its start, else the whole. */
  async enter(l: Locator, value: string): Promise<void> {
    const shown = await l.inputValue();
    if (shown === value) return;
    if (shown !== '' && value.startsWith(shown)) await this.type(l, value.slice(shown.length));
    else await this.fill(l, value);
    if ((await l.inputValue()) !== value) throw new Error(`typed ${value}, the field shows ${await l.inputValue()}`);
  }
  async select(l: Locator, value: string): Promise<void> {
    this.clicks++;
    await l.selectOption(value);
  }
  /** Placing a card: the image file stands for the card put under the camera or on the scanner. */
  async place(l: Locator, file: string): Promise<void> {
    this.clicks++;
    await l.setInputFiles(file);
  }
  async press(key: string): Promise<void> {
    this.keystrokes++;
    await this.page.keyboard.press(key);
  }
  summary() {
    return {
      total: this.total,
      clicks: this.clicks,
      fieldsTyped: this.fields,
      keystrokes: this.keystrokes,
      ...(this.corrections.length ? { cardCorrections: this.corrections } : {}),
      ...(Object.keys(this.byForm).length ? { byForm: this.byForm } : {}),
    };
  }
}

/**
 * What a clerk types for the event date: the day alone (24) or month and day (11.24) where the app
 * places it on the intended day (the last such day, see parseEventDateInput), the short 和暦 otherwise.
 */
export function caseDateInput(iso: string, today: string): string {
  const [, m, d] = iso.split('-').map(Number) as [number, number, number];
  for (const short of [`${d}`, `${m}.${d}`]) {
    const p = parseEventDateInput(short, today);
    if (p.ok && p.iso === iso) return short;
  }
  return shortWareki(iso);
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
export async function pollUntil(fn: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await fn().catch(() => false))) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 30));
  }
}

export async function waitIdle(page: Page): Promise<void> {
  await pollUntil(() => page.locator('.finish-actions button.primary').first().isEnabled(), 60_000);
}

/** The clerk's answers in one form (or its part of the まとめて確認 page): radios, quick picks, then typing. */
async function answerIn(scope: Locator, c: ActionCounter, a: Answers): Promise<void> {
  for (const [k, v] of Object.entries(a.pick ?? {})) {
    const r = scope.locator(`[data-field="${k}"] input[type=radio][value="${v}"]`);
    if (!(await r.isChecked())) await c.check(r);
  }
  for (const [k, v] of Object.entries(a.choose ?? {})) {
    const input = scope.locator(`[data-field="${k}"] input`).first();
    if ((await input.inputValue()) !== v) await c.click(scope.locator(`[data-field="${k}"] .picks`).getByRole('button', { name: v, exact: true }));
  }
  for (const [k, v] of Object.entries(a.fill ?? {})) await c.enter(scope.locator(`[data-field="${k}"] input`).first(), v);
}

/**
 * まとめて確認 (opened from the procedures step): the page lists every form still to confirm with the
 * fields each needs; the clerk answers there and confirms them all with one click.
 */
export async function confirmTogether(page: Page, c: ActionCounter, answers: (formTitle: string) => Answers, shots?: string, name?: string): Promise<string[]> {
  const view = page.locator('form.case-form-together');
  await view.waitFor();
  const titles = await page.locator('.form-list .form-tab > span:first-child').allInnerTexts();
  for (const title of titles) {
    const section = view.locator(`section[aria-label="${title}"]`);
    const before = c.total;
    if ((await section.count()) > 0) await answerIn(section, c, answers(title));
    c.byForm[title] = c.total - before;
  }
  if (shots) await page.screenshot({ path: path.join(shots, `${name}-forms-together.png`), fullPage: true });
  await c.click(view.getByRole('button', { name: /件をまとめて確認しました/ }));
  c.byForm['（まとめて確認）'] = 1;
  try {
    await pollUntil(async () => (await page.locator('.stepper .step.active').innerText()).startsWith('4'), 15_000);
  } catch {
    const errs = await page.locator('.field-error, .banner').allInnerTexts();
    throw new Error(`まとめて確認 did not confirm every form: ${errs.join(' / ')}`);
  }
  return titles;
}

/** Confirms every open form, filling what `answers` gives for fields still empty (by field key). */
export async function confirmForms(page: Page, c: ActionCounter, answers: (formTitle: string) => Answers, shots?: string, name?: string): Promise<string[]> {
  const titles: string[] = [];
  for (let guard = 0; guard < 20; guard++) {
    const form = page.locator('form.case-form');
    if ((await form.count()) === 0) break;
    const title = await form.locator('h1').innerText();
    if (titles.includes(title) && (await page.locator('.stepper .step.active').innerText()).includes('4')) break;
    titles.push(title);
    const before = c.total;
    await answerIn(form, c, answers(title));
    if (shots) await page.screenshot({ path: path.join(shots, `${name}-form-${titles.length}.png`), fullPage: true });
    await c.click(form.getByRole('button', { name: '内容を確認しました（Enter）' }));
    c.byForm[title] = c.total - before;
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
  /** text typed (only what follows, where the field already shows its start) */
  fill?: Record<string, string>;
  /** radio choices */
  pick?: Record<string, string>;
  /** quick picks clicked (before `fill`, which may go on typing after the pick) */
  choose?: Record<string, string>;
}

export interface Scenario {
  name: string;
  event: '転入' | '死亡';
  date: string;
  /** the 本人, as on their card */
  honnin: PersonIn & { family: string; familyKana: string };
  /** the address printed on the cards (the household's before a 転入; its address otherwise) */
  cardAddress: { field: 'h-previousAddress' | 'h-address'; value: string };
  others: PersonIn[];
  address?: { field: string; value: string }[];
  /** optional procedures to add (by title) */
  addProcedures?: string[];
  answers: (formTitle: string) => Answers;
  /**
   * the clerk goes from the procedures to the まとめて確認 page and confirms the forms there (the
   * answers of one form do not depend on another's), else form by form
   */
  together?: boolean;
  /** the counter's calendar day the scenario was made for */
  today: string;
}

/** One synthetic card image per person of the scenario (本人 first), rendered by the card generator. */
export async function renderScenarioCards(browser: Browser, s: Scenario, dir: string): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const page = await browser.newPage();
  try {
    const files: string[] = [];
    const people = [s.honnin, ...s.others];
    for (const [i, p] of people.entries()) {
      const family = p.family ?? s.honnin.family;
      const expiry = `${Number(s.date.slice(0, 4)) + 5}${p.birth.slice(4)}`.replace(/-02-29$/, '-02-28');
      const person = cardPerson({ family, given: p.given, sex: p.sex, birth: p.birth, address: s.cardAddress.value, expiry });
      const { bytes, ext } = await renderPersonCard(page, person, { seed: 100 + i });
      const file = path.join(dir, `${s.name}-${i}.${ext}`);
      fs.writeFileSync(file, bytes);
      files.push(file);
    }
    return files;
  } finally {
    await page.close();
  }
}

/**
 * The clerk checks one read against the card (the test knows the truth) and corrects what differs:
 * a kanji the OCR returned in its common form by the variant picker, anything else by retyping.
 */
export async function checkRead(form: Locator, c: ActionCounter, want: { family: string; given: string; birth: string; sex: '男' | '女'; address?: string }): Promise<void> {
  for (const [part, label, value] of [['氏', '氏（カード）', want.family], ['名', '名（カード）', want.given]] as const) {
    const input = form.getByLabel(label);
    let got = await input.inputValue();
    if (got === value) continue;
    const a = [...got];
    const b = [...value];
    if (a.length === b.length && a.every((ch, i) => ch === b[i] || variantsOf(ch).includes(b[i]!))) {
      for (let i = 0; i < a.length; i++) {
        if (a[i] === b[i]) continue;
        await c.click(form.getByRole('button', { name: `${part}の「${a[i]}」の異体字を選ぶ` }).first());
        await c.click(form.getByRole('option', { name: new RegExp(`^${b[i]}（`) }));
        c.corrections.push(`${part}: variant ${a[i]}→${b[i]}`);
      }
      got = await input.inputValue();
    }
    if (got !== value) {
      c.corrections.push(`${part}: retyped (read ${[...got].length} chars)`);
      await c.fill(input, value);
    }
  }
  const birth = form.getByLabel('生年月日（カード）');
  const p = parseDateInput(await birth.inputValue());
  if (!p.ok || p.iso !== want.birth) {
    c.corrections.push('生年月日: retyped');
    await c.fill(birth, shortWareki(want.birth));
  }
  const sex = form.locator(`input[name="card-sex"][value="${want.sex}"]`);
  if ((await sex.count()) > 0 && !(await sex.isChecked())) {
    c.corrections.push('性別: re-picked');
    await c.check(sex);
  }
  if (want.address !== undefined) {
    const addr = form.getByLabel('住所（カード）');
    if ((await addr.inputValue()) !== want.address) {
      c.corrections.push('住所: retyped');
      await c.fill(addr, want.address);
    }
  }
}

/** One card read: open the reader, place the card, check (corrections counted as the clerk's), confirm. */
export async function readCard(page: Page, card: ActionCounter, c: ActionCounter, opener: Locator, file: string, want: Parameters<typeof checkRead>[2]): Promise<void> {
  await card.click(opener);
  const dialog = page.getByRole('dialog');
  await card.place(dialog.getByLabel('カード画像ファイルを選ぶ'), file);
  const form = dialog.getByRole('form', { name: '読み取り結果の確認' });
  await form.waitFor({ timeout: 90_000 });
  await checkRead(form, c, want);
  await card.click(form.getByRole('button', { name: '確認して反映（Enter）' }));
  await dialog.waitFor({ state: 'detached' });
}

/**
 * How one card is read in a visit (the person at index `i`, 本人 first): by default the card image through
 * readCard; the bench's chip variant reads the IC chip instead (tests/support/chip-counter-flow.ts).
 */
export type ReadCardStep = (page: Page, card: ActionCounter, c: ActionCounter, opener: Locator, i: number, want: Parameters<typeof checkRead>[2]) => Promise<void>;

/**
 * Runs one visit from a new case to the queue in the browser-mode UI, counting the clerk's actions.
 * `atForms` runs (uncounted) once the forms step shows its first form, before the clerk confirms any:
 * scripts/bench-counter.ts measures typing there; it must leave every field as it found it.
 */
export async function runCounterFlow(page: Page, s: Scenario, pdfDir: string, shots: string | undefined, cards: string[] | ReadCardStep, atForms?: (page: Page) => Promise<void>): Promise<FlowResult> {
  const read: ReadCardStep = typeof cards === 'function' ? cards : (p, card, c, opener, i, want) => readCard(p, card, c, opener, cards[i]!, want);
  const card = new ActionCounter(page);
  const c = new ActionCounter(page);
  const byStep: Record<string, number> = {};
  let mark = 0;
  const step = (name: string) => {
    byStep[name] = c.total - mark;
    mark = c.total;
  };
  // the app opens at 手続きナビ; after another screen the clerk comes back to it
  const nav = page.getByRole('button', { name: '手続きナビ' });
  if ((await nav.getAttribute('aria-pressed')) !== 'true') await c.click(nav);
  await c.click(page.getByRole('button', { name: '新しい来庁' }));
  await page.locator('#p0-familyName').waitFor();
  if (!(await radio(page, 'event', s.event).isChecked())) await c.check(radio(page, 'event', s.event));
  await c.fill(page.locator('#case-date'), caseDateInput(s.date, s.today));
  step('event');
  // ── the 本人's card ──
  const h = s.honnin;
  await read(page, card, c, page.getByRole('button', { name: '1人目のカードを読み取る' }), 0, { family: h.family, given: h.given, birth: h.birth, sex: h.sex, address: s.cardAddress.value });
  step('honninCardCorrections');
  await enterReading(page, c, 'p0-familyNameKana', h.familyKana);
  await enterReading(page, c, 'p0-givenNameKana', h.givenKana);
  // an answer that is one of the usual pairs (社保・厚生年金) is one click; else each radio
  const pair = COVERAGE_PAIRS.find((x) => x.healthInsurance === h.health && x.pension === h.pension);
  if (pair) await c.click(page.getByRole('group', { name: '1人目の健康保険と年金' }).getByRole('button', { name: `${pair.label}（${pair.healthInsurance}・${pair.pension}）` }));
  else {
    if (h.health) await c.check(radio(page, 'p0-health', h.health));
    if (h.pension) await c.check(radio(page, 'p0-pension', h.pension));
  }
  if (h.phone) await c.fill(page.locator('#p0-phone'), h.phone);
  step('honnin');
  for (const [j, p] of s.others.entries()) {
    const i = j + 1;
    await read(page, card, c, page.getByRole('button', { name: '＋ 家族のカードを読む' }), i, { family: p.family ?? h.family, given: p.given, birth: p.birth, sex: p.sex });
    await page.locator(`#p${i}-givenName`).waitFor();
    const rel = page.getByLabel(`${i + 1}人目の続柄`);
    if ((await rel.inputValue()) !== p.relation) await c.select(rel, p.relation);
    if (p.familyKana) await enterReading(page, c, `p${i}-familyNameKana`, p.familyKana);
    if ((await page.locator(`#p${i}-familyNameKana`).inputValue()) === '') throw new Error(`${i + 1}人目: the household's family-name ふりがな was not carried over`);
    await enterReading(page, c, `p${i}-givenNameKana`, p.givenKana);
    if (p.health && !(await radio(page, `p${i}-health`, p.health).isChecked())) await c.check(radio(page, `p${i}-health`, p.health));
    if (p.pension && !(await radio(page, `p${i}-pension`, p.pension).isChecked())) await c.check(radio(page, `p${i}-pension`, p.pension));
    if (p.phone) await c.fill(page.locator(`#p${i}-phone`), p.phone);
  }
  step('household');
  // the new address after 転入 already shows the city's 都道府県+市区町村: the clerk types the rest
  for (const a of s.address ?? []) await c.enter(page.locator(`#${a.field}`), a.value);
  step('address');
  if (shots) await page.screenshot({ path: path.join(shots, `${s.name}-1-household.png`), fullPage: true });
  const rest = await proceduresToQueue(page, c, s, step, pdfDir, shots, atForms);
  if (shots) await page.screenshot({ path: path.join(shots, `${s.name}-4-finish.png`), fullPage: true });
  return { card: card.summary(), clerk: c.summary(), byStep, ...rest };
}

/** What the clerk does from the household step's 「手続きを調べる」 to the queue (the same for every scenario). */
export async function proceduresToQueue(
  page: Page,
  c: ActionCounter,
  s: Pick<Scenario, 'name' | 'addProcedures' | 'together' | 'answers'>,
  step: (name: string) => void,
  pdfDir: string,
  shots: string | undefined,
  atForms?: (page: Page) => Promise<void>,
): Promise<Pick<FlowResult, 'caseId' | 'pdfFile' | 'pdfPages' | 'formTitles'>> {
  await c.click(page.getByRole('button', { name: '手続きを調べる →' }));
  await page.locator('.proc-group').first().waitFor();
  for (const title of s.addProcedures ?? []) {
    const box = page.getByRole('checkbox', { name: `${title}を作成する` }).first();
    await c.click(box);
    await pollUntil(() => box.isChecked(), 10_000);
  }
  if (shots) await page.screenshot({ path: path.join(shots, `${s.name}-2-procedures.png`), fullPage: true });
  const caseId = (await page.locator('.case-head .note').innerText()).replace('来庁ケース ', '');
  await c.click(s.together ? page.getByRole('button', { name: /^まとめて確認（\d+件） →$/ }) : page.getByRole('button', { name: /様式を作成/ }));
  step('procedures');
  await page.locator(s.together ? 'form.case-form-together' : 'form.case-form').waitFor();
  if (shots) await page.screenshot({ path: path.join(shots, `${s.name}-3-form.png`), fullPage: true });
  if (atForms) await atForms(page);
  const formTitles = s.together ? await confirmTogether(page, c, s.answers, shots, s.name) : await confirmForms(page, c, s.answers, shots, s.name);
  step('forms');
  await page.getByRole('button', { name: '印刷（PDFを作成）' }).waitFor();
  fs.mkdirSync(pdfDir, { recursive: true });
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await c.click(page.getByRole('button', { name: '印刷（PDFを作成）' }));
  const dl = await download.catch(async (e: unknown) => {
    const shown = await page.locator('.banner').allInnerTexts().catch(() => []);
    throw new Error(`no PDF download (the screen shows: ${shown.join(' / ') || 'no message'}): ${String(e)}`);
  });
  const pdfFile = path.join(pdfDir, `${s.name}.pdf`);
  await dl.saveAs(pdfFile);
  const pagesText = await page.locator('.finish-actions a').innerText();
  const pdfPages = Number(/(\d+)ページ/.exec(pagesText)?.[1] ?? NaN);
  step('print');
  await waitIdle(page);
  await c.click(page.getByRole('button', { name: /送信キューへ/ }));
  await page.getByRole('button', { name: '送信状況を見る' }).waitFor();
  step('submit');
  return { caseId, pdfFile, pdfPages, formTitles };
}

export function familyTennyu(today: string): Scenario {
  const moved = addDays(today, -3);
  return {
    name: 'family-tennyu',
    event: '転入',
    date: moved,
    today,
    honnin: { relation: '本人', family: '髙橋', familyKana: 'たかはし', given: '一郎', givenKana: 'いちろう', birth: yearsBefore(today, 41, 40), sex: '男', health: '社保', pension: '厚生年金', phone: '09012345678' },
    cardAddress: { field: 'h-previousAddress', value: '大阪府大阪市北区中之島一丁目3番20号' },
    others: [
      { relation: '配偶者', given: '花子', givenKana: 'はなこ', birth: yearsBefore(today, 39, 120), sex: '女' },
      { relation: '子', given: '陽翔', givenKana: 'はると', birth: yearsBefore(today, 3, 60), sex: '男' },
      { relation: '子', given: '﨑子', givenKana: 'さきこ', birth: yearsBefore(today, 7, 30), sex: '女' },
    ],
    address: [{ field: 'h-address', value: '東京都千代田区千代田1-1' }],
    together: true,
    answers: (title): Answers => {
      if (title.startsWith('住民異動届')) return { pick: { moveOutProof: 'マイナンバーカード（転出届の特例）' } };
      // the 本人 has registered a 公金受取口座 at マイナポータル and agrees to its use
      if (title.startsWith('児童手当')) return { pick: { payeeAccount: '公金受取口座' } };
      if (title.startsWith('子ども医療費')) return { choose: { insurerName: '協会けんぽ' } };
      // the quick pick of the previous address's public schools (大阪市立), then the rest of the name
      if (title.startsWith('就学')) return { choose: { 'children.0.previousSchool': '大阪市立' }, fill: { 'children.0.previousSchool': '大阪市立北小学校' } };
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
    today,
    honnin: { relation: '本人', family: '渡邉', familyKana: 'わたなべ', given: '正雄', givenKana: 'まさお', birth: yearsBefore(today, 82, 10), sex: '男', health: '後期高齢', pension: '国民年金' },
    cardAddress: { field: 'h-address', value: '東京都千代田区千代田2-2' },
    others: [{ relation: '配偶者', given: '和子', givenKana: 'かずこ', birth: yearsBefore(today, 78, 50), sex: '女', phone: '0312345678' }],
    addProcedures: ['後期高齢者医療 葬祭費支給申請書', '未支給年金・未支払給付金請求書'],
    answers: (title): Answers => {
      // the city as a quick pick, then the rest of the 本籍 typed after it
      if (title === '死亡届') return { choose: { deathPlace: '東京都千代田区', honseki: '東京都千代田区' }, fill: { honseki: '東京都千代田区千代田2番' } };
      // the spouse has no 公金受取口座: the account is written on the form (this keeps that path tested end to end)
      // 葬儀の日 and 本店 are picks (the days since the death are offered)
      if (title.includes('葬祭費')) return { choose: { funeralDate: formatWareki(died), branchName: '本店' }, fill: { bankName: 'ちよだ銀行', accountNumber: '7654321', accountHolderKana: 'ワタナベカズコ' }, pick: { payeeAccount: '口座を記入する', accountType: '普通' } };
      if (title.startsWith('未支給年金')) return { fill: { basicPensionNumber: '1234567890' } };
      return {};
    },
  };
}
