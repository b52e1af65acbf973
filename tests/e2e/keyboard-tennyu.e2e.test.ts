import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { startBrowserMode, tempDir, type Proc } from '../support/processes';
import { DEMO_CLERK } from '../support/sign-in';
import { caseDateInput, familyTennyu, renderScenarioCards, shortWareki, type Scenario } from '../support/counter-flow';
import { parseDateInput } from '../../common/validation/wareki';
import { localIsoDate } from '../../main/services/local-date';

/**
 * Keyboard only (issue 15): a family 転入 — the 本人 and the spouse from their cards, a child typed —
 * from sign-in to the forms in the queue of the demo back end, with nothing but the keys a clerk
 * presses: Tab / Shift+Tab, Enter, Space, the arrow keys, typing, and the shortcuts the screen shows.
 * No click, no fill, no focus() by the test: every field is reached by keys. The card image is chosen in
 * the platform's file dialog (Space on the file button opens it; Playwright answers the dialog).
 * At several stops the focused control must show a focus ring of at least 2 px (outline or box-shadow).
 */

/** The keys pressed, counted (typing: one per character, as in tests/support/counter-flow.ts). */
class Keys {
  total = 0;
  byStep: Record<string, number> = {};
  private mark = 0;
  private seq: string[] = [];
  readonly sequences: Record<string, string> = {};
  constructor(private readonly page: Page) {}
  async press(key: string): Promise<void> {
    this.total++;
    this.seq.push(key);
    await this.page.keyboard.press(key);
  }
  async type(text: string): Promise<void> {
    this.total += [...text].length;
    this.seq.push(`「${text}」`);
    await this.page.keyboard.type(text);
  }
  step(name: string): void {
    this.byStep[name] = this.total - this.mark;
    this.mark = this.total;
    // runs of the same key shown once with their count: Tab×7
    const runs: string[] = [];
    for (const k of this.seq) {
      const last = runs[runs.length - 1];
      const m = last && /^(.*?)(?:×(\d+))?$/.exec(last);
      if (m && m[1] === k && !k.startsWith('「')) runs[runs.length - 1] = `${k}×${Number(m[2] ?? 1) + 1}`;
      else runs.push(k);
    }
    this.sequences[name] = runs.join(' ');
    this.seq = [];
  }
}

type Target = string | Locator;

async function isFocused(page: Page, t: Target): Promise<boolean> {
  if (typeof t === 'string') return page.evaluate((sel) => !!document.activeElement?.matches(sel), t);
  return t.evaluate((e) => e === document.activeElement).catch(() => false);
}

/** Presses Tab (or Shift+Tab) until `t` has the focus, as a clerk does. */
async function tabTo(page: Page, keys: Keys, t: Target, opts: { back?: boolean; max?: number } = {}): Promise<void> {
  for (let i = 0; i <= (opts.max ?? 80); i++) {
    if (await isFocused(page, t)) return;
    await keys.press(opts.back ? 'Shift+Tab' : 'Tab');
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160));
  throw new Error(`${String(t)} was not reached by Tab; the focus is on ${at}`);
}

/** Picks `value` in the radio group `name` with the arrow keys (Space where the focused one is it). */
async function pickRadio(page: Page, keys: Keys, name: string, value: string): Promise<void> {
  await tabTo(page, keys, `input[type=radio][name="${name}"]`);
  for (let i = 0; i < 12; i++) {
    const { v, checked } = await page.evaluate(() => ({ v: (document.activeElement as HTMLInputElement).value, checked: (document.activeElement as HTMLInputElement).checked }));
    if (v === value) {
      if (!checked) await keys.press('Space');
      return;
    }
    await keys.press('ArrowRight');
  }
  throw new Error(`radio ${name}=${value} not reached with the arrow keys`);
}

/** Replaces the value of the focused field: select all, type. */
async function retype(keys: Keys, value: string): Promise<void> {
  await keys.press('Control+a');
  await keys.type(value);
}

/**
 * The focused control shows a ring a clerk can see: a solid outline of 2 px or more whose colour stands
 * 3:1 against white (WCAG 1.4.11), or a box-shadow. A visually hidden control (the file input under its
 * own button) is seen by its label's ring.
 */
async function focusRing(page: Page): Promise<{ what: string; outline: string; boxShadow: string; visible: boolean }> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement;
    const box = a.getBoundingClientRect();
    const shown = box.width <= 2 && box.height <= 2 ? (a.closest('label') ?? a) : a;
    const s = getComputedStyle(shown);
    const lum = (c: string) => {
      const [r, g, b] = (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((x) => {
        const v = Number(x) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = 1.05 / (lum(s.outlineColor) + 0.05);
    const outline = `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} (${contrast.toFixed(1)}:1)`;
    const visible = (s.outlineStyle !== 'none' && s.outlineStyle !== 'auto' && parseFloat(s.outlineWidth) >= 2 && contrast >= 3) || s.boxShadow !== 'none';
    return { what: `${shown.tagName} ${a.tagName} ${a.getAttribute('type') ?? ''} ${a.getAttribute('aria-label') ?? a.textContent?.trim().slice(0, 20) ?? ''}`, outline, boxShadow: s.boxShadow, visible };
  });
}

const rings: { what: string; outline: string; boxShadow: string; visible: boolean }[] = [];
async function expectRing(page: Page): Promise<void> {
  const r = await focusRing(page);
  rings.push(r);
  expect(r, `no visible focus ring on ${r.what}: outline ${r.outline}, box-shadow ${r.boxShadow}`).toMatchObject({ visible: true });
}

describe('keyboard only: a family 転入 from sign-in to the queue (browser mode, demo back end)', () => {
  let app: Proc;
  let browser: Browser;
  let page: Page;
  let cards: string[];
  const today = localIsoDate();
  const s: Scenario = familyTennyu(today);
  const [spouse, child] = s.others as [Scenario['others'][number], Scenario['others'][number]];

  beforeAll(async () => {
    app = await startBrowserMode(tempDir('keyboard-tennyu'));
    browser = await launchChromium();
    cards = await renderScenarioCards(browser, { ...s, others: [spouse] }, tempDir('keyboard-cards'));
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ja-JP' });
    await page.goto(app.url);
    await page.locator('form[aria-label="サインイン"]').waitFor({ timeout: 30_000 });
  }, 60_000);

  afterAll(async () => {
    console.log(`focus rings seen: ${JSON.stringify(rings, null, 1)}`);
    await browser?.close();
    await app?.stop();
  });

  /** One card read by keys: open it, Space on the file button, check each field against the card, Enter. */
  async function readCard(keys: Keys, opener: Locator, file: string, want: { family: string; given: string; birth: string; sex: string }): Promise<void> {
    await tabTo(page, keys, opener);
    await keys.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const chooser = page.waitForEvent('filechooser');
    await tabTo(page, keys, dialog.getByLabel('カード画像ファイルを選ぶ'));
    await expectRing(page);
    await keys.press('Space');
    await (await chooser).setFiles(file);
    const form = dialog.getByRole('form', { name: '読み取り結果の確認' });
    await form.waitFor({ timeout: 60_000 });
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('form.card-verify'))).toBe(true);
    for (const [label, value] of [['氏（カード）', want.family], ['名（カード）', want.given]] as const) {
      const input = form.getByLabel(label);
      if ((await input.inputValue()) === value) continue;
      await tabTo(page, keys, input);
      await retype(keys, value);
    }
    const birth = form.getByLabel('生年月日（カード）');
    const p = parseDateInput(await birth.inputValue());
    if (!p.ok || p.iso !== want.birth) {
      await tabTo(page, keys, birth);
      await retype(keys, shortWareki(want.birth));
    }
    const sex = form.locator(`input[name="card-sex"][value="${want.sex}"]`);
    if ((await sex.count()) > 0 && !(await sex.isChecked())) await pickRadio(page, keys, 'card-sex', want.sex);
    await keys.press('Enter');
    await dialog.waitFor({ state: 'detached' });
  }

  it('does the whole visit with the keyboard alone', async () => {
    const keys = new Keys(page);
    // ── sign-in: the name field has the focus ──
    await keys.type(DEMO_CLERK.name);
    await keys.press('Tab');
    await keys.type(DEMO_CLERK.password);
    await keys.press('Enter');
    await page.locator('form[aria-label="サインイン"]').waitFor({ state: 'detached' });
    keys.step('sign-in');

    // ── 手続きナビ → 新しい来庁 ──
    await tabTo(page, keys, page.getByRole('button', { name: '手続きナビ' }));
    await expectRing(page);
    await keys.press('Enter');
    const newVisit = page.getByRole('button', { name: '新しい来庁' });
    await newVisit.waitFor();
    await tabTo(page, keys, newVisit);
    await keys.press('Enter');
    await page.locator('#h-address').waitFor();
    keys.step('new visit');

    // ── event and its date: the focus starts on the event ──
    await pickRadio(page, keys, 'event', s.event);
    await expectRing(page);
    await tabTo(page, keys, '#case-date');
    await keys.type(caseDateInput(s.date, today));
    keys.step('event');

    // ── the 本人 from their card, then what the card does not say ──
    const h = s.honnin;
    await readCard(keys, page.getByRole('button', { name: '1人目のカードを読み取る' }), cards[0]!, { family: h.family, given: h.given, birth: h.birth, sex: h.sex });
    keys.step('本人 card');
    for (const [id, v] of [['p0-familyNameKana', h.familyKana], ['p0-givenNameKana', h.givenKana]] as const) {
      await tabTo(page, keys, `#${id}`);
      const was = await page.locator(`#${id}`).inputValue();
      if (was === '') await keys.type(v);
      else if (was !== v) await retype(keys, v);
    }
    await pickRadio(page, keys, 'p0-health', h.health!);
    await pickRadio(page, keys, 'p0-pension', h.pension!);
    await tabTo(page, keys, '#p0-phone');
    await keys.type(h.phone!);
    keys.step('本人');

    // ── the spouse from their card ──
    await readCard(keys, page.getByRole('button', { name: '＋ 家族のカードを読む' }), cards[1]!, { family: h.family, given: spouse.given, birth: spouse.birth, sex: spouse.sex });
    await page.locator('#p1-givenName').waitFor();
    // confirmed, the dialog hands the focus to the new person's first empty field (not back to its button)
    await expect
      .poll(() => page.evaluate(() => { const a = document.activeElement as HTMLInputElement | null; return !!a?.closest('fieldset.person-card[data-person="1"]') && a.value === ''; }))
      .toBe(true);
    await expectRing(page);
    const rel = page.getByLabel('2人目の続柄');
    if ((await rel.inputValue()) !== spouse.relation) {
      await tabTo(page, keys, rel, { back: true });
      for (let i = 0; i < 6 && (await rel.inputValue()) !== spouse.relation; i++) await keys.press('ArrowDown');
      expect(await rel.inputValue()).toBe(spouse.relation);
    }
    // the new person's card takes the focus at its first empty field: the ふりがな the card does not carry
    await tabTo(page, keys, '#p1-givenNameKana', { back: true });
    await keys.type(spouse.givenKana);
    keys.step('配偶者');

    // ── the child, typed ──
    await tabTo(page, keys, page.getByRole('button', { name: '＋ 子' }));
    await keys.press('Enter');
    await page.locator('#p2-givenName').waitFor();
    // the new person's first empty field takes the focus (the household's family name is carried over)
    expect(await page.locator('#p2-familyName').inputValue()).toBe(h.family);
    await expect.poll(() => isFocused(page, '#p2-givenName')).toBe(true);
    await expectRing(page);
    await keys.type(child.given);
    await tabTo(page, keys, '#p2-familyNameKana');
    if ((await page.locator('#p2-familyNameKana').inputValue()) !== h.familyKana) await retype(keys, h.familyKana);
    await tabTo(page, keys, '#p2-givenNameKana');
    await keys.type(child.givenKana);
    await tabTo(page, keys, '#p2-birth');
    await keys.type(shortWareki(child.birth));
    await pickRadio(page, keys, 'p2-sex', child.sex);
    keys.step('子');

    // ── the new address: the city's prefix is shown, the clerk types the rest; Enter looks up the procedures ──
    const addr = s.address![0]!.value;
    await tabTo(page, keys, '#h-address');
    const shown = await page.locator('#h-address').inputValue();
    if (addr.startsWith(shown)) await keys.type(addr.slice(shown.length));
    else await retype(keys, addr);
    expect(await page.locator('#h-address').inputValue()).toBe(addr);
    expect(await page.locator('#h-previousAddress').inputValue()).not.toBe('');
    await keys.press('Enter');
    await page.locator('.proc-group').first().waitFor();
    keys.step('address → 手続き');

    // ── 手続き: the focus is on the first procedure's checkbox ──
    await expect.poll(() => isFocused(page, '.proc input[type=checkbox]')).toBe(true);
    await expectRing(page);
    await tabTo(page, keys, page.getByRole('button', { name: /様式を作成/ }));
    await expectRing(page);
    await keys.press('Enter');
    await page.locator('form.case-form').waitFor();
    keys.step('手続き → 様式');

    // ── each form: the answers it needs, then 内容を確認しました（Enter） ──
    const titles: string[] = [];
    const step = page.locator('.stepper .step.active');
    for (let guard = 0; guard < 12 && !(await step.innerText()).startsWith('4'); guard++) {
      const form = page.locator('form.case-form');
      const title = await form.locator('h1').innerText();
      titles.push(title);
      const a = s.answers(title);
      for (const [k, v] of Object.entries(a.pick ?? {})) {
        const name = await form.locator(`[data-field="${k}"] input[type=radio]`).first().getAttribute('name');
        await pickRadio(page, keys, name!, v);
      }
      for (const [k, v] of Object.entries(a.choose ?? {})) {
        await tabTo(page, keys, form.locator(`[data-field="${k}"] .picks`).getByRole('button', { name: v, exact: true }));
        await keys.press('Enter');
      }
      for (const [k, v] of Object.entries(a.fill ?? {})) {
        await tabTo(page, keys, form.locator(`[data-field="${k}"] input`).first());
        await keys.type(v);
      }
      // Enter confirms from a field; from the title, Tab goes into the form first
      if (!(await page.evaluate(() => document.activeElement?.matches('form.case-form input, form.case-form select, form.case-form button') ?? false))) await keys.press('Tab');
      await keys.press('Enter');
      await expect
        .poll(async () => ((await step.innerText()).startsWith('4') ? 'finish' : await form.locator('h1').innerText().catch(() => '')), { timeout: 15_000 })
        .not.toBe(title);
    }
    keys.step('様式');

    // ── 印刷・送信: 送信キューへ, then 送信状況を見る ──
    const send = page.getByRole('button', { name: /送信キューへ/ });
    await expect.poll(() => send.isEnabled()).toBe(true);
    await tabTo(page, keys, send);
    await expectRing(page);
    await keys.press('Enter');
    const toQueue = page.getByRole('button', { name: '送信状況を見る' });
    await toQueue.waitFor();
    await tabTo(page, keys, toQueue);
    await keys.press('Enter');
    keys.step('送信');

    const statuses = page.locator('.qrow [data-testid="status"]');
    await expect.poll(() => statuses.count()).toBe(titles.length);
    for (const st of await statuses.allInnerTexts()) expect(['送信待ち', '送信中', '受理', '完了']).toContain(st);
    console.log(`keyboard-only family 転入: ${keys.total} keys; by step ${JSON.stringify(keys.byStep)}; forms ${JSON.stringify(titles)}\n${Object.entries(keys.sequences).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
  }, 120_000);
});
