import type { FieldDef, FormDefinition, GroupDef } from '../forms/form-definition';
import { conditionHolds, groupCount, groupKey } from '../forms/form-keys';
import { formatJa, formatWareki, parseDateInput } from '../validation/wareki';
import { formatPostalCode, parsePostalCode } from '../validation/postal-code';
import type { CaseFormState, CaseProcedure } from '../cases/visit-case';
import { FORM_TEXT, GENERIC_BRING } from './summary-text';
import { addresseeOf, type CityIdentity } from '../domain/city';

/**
 * Print-ready A4 HTML for the forms of a visit case and for the resident's summary sheet. One
 * common layout interprets every form definition's print hints (sections, 12-column spans), so a
 * new form prints without new code. The HTML is self-contained except for its fonts, which the PDF
 * renderer serves from the app's bundled files (`fontUrl`): IPAmj明朝 for every character so that
 * variant kanji and IVS print exactly as confirmed. Pure string building: no DOM, no Node.
 */
export interface PrintOptions {
  /** URL of the bundled IPAmj明朝 (ipamjm.ttf) as the PDF renderer serves it */
  fontUrl: string;
  /** demo mode: every page carries a 見本 watermark */
  sample: boolean;
  /** ISO date printed as the day of the visit */
  today: string;
  /** the city the counter serves: the 届's あて先 (千代田区長, 横浜市長 …); absent → 市区町村長 */
  city?: CityIdentity;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = (o: PrintOptions) => `
@font-face { font-family: 'IPAmjMincho'; src: url('${o.fontUrl}') format('truetype'); font-display: block; }
@page { size: A4 portrait; margin: 12mm 12mm 14mm 12mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: 'IPAmjMincho', serif; color: #111; font-size: 10pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { break-after: page; position: relative; }
.sheet:last-child { break-after: auto; }
.watermark { position: fixed; top: 38%; left: 0; right: 0; text-align: center; font-size: 120pt; color: rgba(200, 30, 30, 0.16);
  transform: rotate(-30deg); z-index: 10; pointer-events: none; letter-spacing: 0.3em; }
.head { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 2px solid #111; padding-bottom: 4px; margin-bottom: 8px; }
.head h1 { font-size: 17pt; margin: 0; letter-spacing: 0.05em; }
.meta { font-size: 8pt; text-align: right; line-height: 1.35; }
.meta .lineage { font-size: 9.5pt; }
.to { font-size: 10pt; margin: 2px 0 8px; }
section { margin-bottom: 8px; }
h2 { break-after: avoid; font-size: 10.5pt; margin: 0; padding: 2px 6px; background: #e8e8e8; border: 1px solid #555; border-bottom: none; }
.grid { display: grid; grid-template-columns: repeat(12, 1fr); border-top: 1px solid #555; border-left: 1px solid #555; }
.cell { border-right: 1px solid #555; border-bottom: 1px solid #555; padding: 2px 5px 3px; min-height: 10mm; overflow-wrap: anywhere; }
.label { font-size: 7.5pt; color: #333; display: block; }
.value { font-size: 11.5pt; line-height: 1.3; display: block; min-height: 1.3em; }
.value.name { font-size: 14pt; }
.value .sub { font-size: 7.5pt; color: #444; display: block; line-height: 1.1; }
.member { margin-top: 4px; break-inside: avoid; }
.member-no { font-size: 8pt; padding: 1px 6px; border: 1px solid #555; border-bottom: none; display: inline-block; background: #f4f4f4; }
.sign { margin-top: 10px; display: grid; grid-template-columns: 1fr 1fr; gap: 0; border: 1px solid #555; break-inside: avoid; }
.sign div { padding: 4px 6px; min-height: 18mm; }
.sign div + div { border-left: 1px solid #555; }
.foot { margin-top: 6px; font-size: 7.5pt; color: #444; }
table { border-collapse: collapse; width: 100%; margin-bottom: 6px; }
th, td { border: 1px solid #555; padding: 3px 5px; text-align: left; vertical-align: top; font-size: 9.5pt; }
th { background: #eee; font-size: 8.5pt; }
.lang { margin-bottom: 8px; }
.lang h3 { font-size: 10pt; margin: 6px 0 2px; break-after: avoid; }
.lang ul { margin: 0 0 2px 1.2em; padding: 0; }
.lang li, .lang p { font-size: 9pt; margin: 0; line-height: 1.45; }
.lang h2 { background: #dfe8f3; }
.overdue { color: #a00; font-weight: bold; }
.easy li, .easy p, .easy td { font-size: 10pt; }
`;

function maskMyNumber(v: string): string {
  return v.length >= 4 ? `${'＊'.repeat(Math.max(0, v.length - 4))}${v.slice(-4)}` : v;
}

/** Printed after a 個人番号 read from its person's card; a typed number gets no such mark. */
export const CARD_CHECKED_MARK = '（カードで確認済み）';

function displayValue(f: FieldDef, raw: string, verified: boolean): string {
  const v = raw.trim();
  if (v === '') return '';
  switch (f.kind) {
    case 'date': {
      const p = parseDateInput(v);
      return p.ok ? `${escapeHtml(formatWareki(p.iso))}<span class="sub">（${escapeHtml(formatJa(p.iso))}）</span>` : escapeHtml(v);
    }
    case 'postalCode': {
      const p = parsePostalCode(v);
      return `〒${escapeHtml(p.ok ? p.display : formatPostalCode(v))}`;
    }
    case 'myNumber':
      // 特定個人情報: printed masked; the full number is held by the system, not on paper. 確認済み only
      // when the case records that this number was read from this person's card (CaseFormState.verifiedMyNumbers)
      return `${escapeHtml(maskMyNumber(v.replace(/\D/g, '')))}${verified ? `<span class="sub">${CARD_CHECKED_MARK}</span>` : ''}`;
    case 'checkbox':
      return v === 'はい' || v === 'true' || v === '1' || v === 'on' ? '☑ はい' : '☐';
    case 'select':
      // the choice as the clerk saw it (e.g. 受取口座: 公金受取口座を利用する（マイナポータルに登録済みの口座）)
      return escapeHtml(f.options?.find((o) => o.value === v)?.label ?? v);
    default:
      return escapeHtml(v);
  }
}

function cell(f: FieldDef, raw: string, verified: boolean): string {
  const span = Math.min(12, Math.max(1, f.print?.span ?? 6));
  const cls = f.kind === 'name' || f.kind === 'kana' || f.kind === 'katakana' ? 'value name' : 'value';
  return `<div class="cell" style="grid-column: span ${span}"><span class="label">${escapeHtml(f.label)}</span><span class="${cls}">${displayValue(f, raw, verified)}</span></div>`;
}

/** Lays fields out on the 12-column grid; a row that would overflow starts a new one. `key`: the field's value key. */
function grid(fields: readonly FieldDef[], value: (f: FieldDef) => string, key: (f: FieldDef) => string, verified: ReadonlySet<string>): string {
  if (fields.length === 0) return '';
  let used = 0;
  const cells: string[] = [];
  for (const f of fields) {
    const span = Math.min(12, Math.max(1, f.print?.span ?? 6));
    if (used + span > 12) {
      if (used < 12) cells.push(`<div class="cell" style="grid-column: span ${12 - used}"></div>`);
      used = 0;
    }
    cells.push(cell(f, value(f), verified.has(key(f))));
    used += span;
  }
  if (used > 0 && used < 12) cells.push(`<div class="cell" style="grid-column: span ${12 - used}"></div>`);
  return `<div class="grid">${cells.join('')}</div>`;
}

function groupHtml(g: GroupDef, values: Record<string, string>, verified: ReadonlySet<string>): string {
  const n = groupCount(g, values);
  const members: string[] = [];
  for (let i = 0; i < n; i++) {
    const raw = (id: string) => values[groupKey(g.id, i, id)] ?? values[id] ?? '';
    const shown = g.fields.filter((f) => !f.when || conditionHolds(f.when, raw));
    members.push(`<div class="member"><span class="member-no">${i + 1}人目</span>${grid(shown, (f) => raw(f.id), (f) => groupKey(g.id, i, f.id), verified)}</div>`);
  }
  return members.join('');
}

/**
 * `verified`: the 個人番号 field keys read from their person's card (CaseFormState.verifiedMyNumbers); none by default.
 * `headLines`: printed in the header under the case label, emphasised (an application's 受付番号 and, for a
 * corrected 差戻し, the 受付番号 it replaces), so the back office can match the paper to the earlier filing.
 */
export function formSheetHtml(
  form: FormDefinition, values: Record<string, string>, o: PrintOptions, caseLabel: string, verified: ReadonlySet<string> = new Set(), headLines: readonly string[] = [],
): string {
  const raw = (id: string) => values[id] ?? '';
  const visible = form.fields.filter((f) => !f.when || conditionHolds(f.when, raw));
  const layout = form.print ?? { paper: 'A4', orientation: 'portrait', signature: true, sections: [] };
  const known = new Set(layout.sections.map((s) => s.id));
  const sections = [...layout.sections];
  // fields without a (known) section still print, at the end
  if (visible.some((f) => !f.print || !known.has(f.print.section)) || (form.groups ?? []).some((g) => !g.print || !known.has(g.print.section))) {
    sections.push({ id: '__other', title: 'その他' });
  }
  const inSection = (sid: string, s?: { section: string }) => (sid === '__other' ? !s || !known.has(s.section) : s?.section === sid);
  const body = sections
    .map((s) => {
      const fields = visible.filter((f) => inSection(s.id, f.print));
      const groups = (form.groups ?? []).filter((g) => inSection(s.id, g.print));
      if (fields.length === 0 && groups.length === 0) return '';
      return `<section><h2>${escapeHtml(s.title)}</h2>${grid(fields, (f) => raw(f.id), (f) => f.id, verified)}${groups.map((g) => groupHtml(g, values, verified)).join('')}</section>`;
    })
    .join('');
  const sign = layout.signature
    ? `<div class="sign"><div><span class="label">届出人（請求者）署名</span></div><div><span class="label">受付（職員記入）</span></div></div>`
    : '';
  return `<div class="sheet" data-form="${escapeHtml(form.id)}">
<div class="head"><h1>${escapeHtml(form.title)}</h1><div class="meta">業務：${escapeHtml(form.gyomu)}<br>${escapeHtml(caseLabel)}${headLines.map((l) => `<br><b class="lineage">${escapeHtml(l)}</b>`).join('')}</div></div>
<p class="to">（あて先）${escapeHtml(addresseeOf(o.city))}　　届出日：${escapeHtml(formatWareki(o.today))}</p>
${body}${sign}
<p class="foot">この届書は窓口で入力した内容を印刷したものです。内容をご確認のうえ、署名してください。</p>
</div>`;
}

export interface SummaryInput {
  procedures: readonly CaseProcedure[];
  forms: readonly CaseFormState[];
  eventLabel: string;
  today: string;
}

function enDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${d} ${months[m - 1]} ${y}`;
}

/** The resident's sheet: what was done today, what to bring next time, deadlines — in three registers. */
export function summarySheetHtml(s: SummaryInput, o: PrintOptions, caseLabel: string): string {
  const done = s.procedures.filter((p) => p.selected);
  const later = s.procedures.filter((p) => !p.selected);
  const withDeadline = s.procedures.filter((p) => p.deadline);
  const text = (id: string) => FORM_TEXT[id];
  const li = (items: string[], empty: string) => (items.length ? `<ul>${items.map((x) => `<li>${x}</li>`).join('')}</ul>` : `<p>${empty}</p>`);
  const deadlineRows = (lang: 'ja' | 'easy' | 'en') =>
    withDeadline.length === 0
      ? ''
      : `<table><tr><th>${lang === 'en' ? 'Procedure' : lang === 'easy' ? 'てつづき' : '手続き'}</th><th>${lang === 'en' ? 'Deadline' : lang === 'easy' ? 'いつまで' : '期限'}</th></tr>${withDeadline
          .map((p) => {
            const name = lang === 'ja' ? p.title : lang === 'easy' ? (text(p.formId)?.easy ?? p.title) : (text(p.formId)?.en ?? p.title);
            const d = lang === 'en' ? enDate(p.deadline!) : formatWareki(p.deadline!);
            const late = p.overdue ? (lang === 'en' ? ' (passed)' : lang === 'easy' ? '（すぎて います）' : '（期限を過ぎています）') : '';
            return `<tr><td>${escapeHtml(name)}</td><td class="${p.overdue ? 'overdue' : ''}">${escapeHtml(d + late)}</td></tr>`;
          })
          .join('')}</table>`;
  const bringList = (lang: 'ja' | 'easy' | 'en') =>
    later.map((p) => {
      const t = text(p.formId);
      const name = lang === 'ja' ? p.title : lang === 'easy' ? (t?.easy ?? p.title) : (t?.en ?? p.title);
      const b = (t?.bring ?? GENERIC_BRING)[lang];
      return `${escapeHtml(name)}：${escapeHtml(b)}`;
    });
  const doneList = (lang: 'ja' | 'easy' | 'en') =>
    done.map((p) => escapeHtml(lang === 'ja' ? p.title : lang === 'easy' ? (text(p.formId)?.easy ?? p.title) : (text(p.formId)?.en ?? p.title)));
  return `<div class="sheet summary">
<div class="head"><h1>本日の手続きのご案内</h1><div class="meta">${escapeHtml(s.eventLabel)}<br>${escapeHtml(formatWareki(o.today))}<br>${escapeHtml(caseLabel)}</div></div>
<div class="lang"><h2>日本語</h2>
<h3>本日お手続きしたもの</h3>${li(doneList('ja'), 'ありません。')}
<h3>次回お持ちいただくもの（必要な方）</h3>${li(bringList('ja'), '次回の手続きはありません。')}
<h3>期限</h3>${deadlineRows('ja') || '<p>期限のある手続きはありません。</p>'}
</div>
<div class="lang easy"><h2>やさしい にほんご</h2>
<h3>きょう した てつづき</h3>${li(doneList('easy'), 'ありません。')}
<h3>つぎに くる とき もって くる もの（ひつような ひと）</h3>${li(bringList('easy'), 'ありません。')}
<h3>いつまでに するか</h3>${deadlineRows('easy') || '<p>ありません。</p>'}
</div>
<div class="lang"><h2>English</h2>
<h3>Procedures completed today</h3>${li(doneList('en'), 'None.')}
<h3>What to bring next time (if needed)</h3>${li(bringList('en'), 'Nothing further.')}
<h3>Deadlines</h3>${deadlineRows('en') || '<p>No deadlines.</p>'}
</div>
<p class="foot">わからないことは窓口でおたずねください。 / わからない ことは まどぐちで きいて ください。 / Please ask at the counter if anything is unclear.</p>
</div>`;
}

export function printDocumentHtml(sheets: readonly string[], o: PrintOptions, title: string): string {
  const mark = o.sample ? '<div class="watermark" aria-hidden="true">見本</div>' : '';
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${CSS(o)}</style></head><body>${mark}${sheets.join('\n')}</body></html>`;
}
