import { emptyFields, type CardFields, type CardLayoutId, type FieldName, type FieldSource, type AddressParts } from './card-result';
import type { RecognizedLine, RecognizedSymbol } from './recognized-line';
import { compact, labelEnd, leadingLabel, type LabelKind } from './card-labels';
import { parseCardDate, looksLikeDate } from './parse-date';
import { parseSex } from './parse-sex';
import { parseAddress, PREFECTURES } from './parse-address';
import { foldForNumbers, isKatakanaText, isLatinName, normalizeDashes } from './ocr-text';
import { expiryFallsOnBirthday } from './birthday-expiry';
import { splitName } from './split-name';
import { digitsLookFullWidth, withDigitWidth } from './digit-width';
import { cardReadWarning, type CardReadWarning } from '../card/card-warnings';

export interface Extracted {
  layout: CardLayoutId;
  fields: CardFields;
  nameParts: { family: string; given: string } | null;
  address: AddressParts | null;
  sources: Partial<Record<FieldName, FieldSource>>;
  /** what the lines say about the document, for refusing the wrong one */
  looksLikeBack: boolean;
  looksLikePassport: boolean;
  /** labels and date shapes found: a measure of "this is the front of a card, the right way up" */
  anchors: number;
}

interface Line extends RecognizedLine {
  label: LabelKind | null;
  /** text after the label */
  value: string;
  /** symbols after the label */
  valueSymbols: RecognizedSymbol[];
}

const cy = (l: RecognizedLine): number => (l.y0 + l.y1) / 2;

/**
 * A two-character label misread in one character (胡名, 住折) or cut to one at the card's edge: a line of one
 * or two small characters in the labels' column (the leftmost text) with one of the label's characters in place.
 */
function guessShortLabels(lines: Line[]): void {
  if (lines.length < 3) return;
  const maxH = Math.max(...lines.map((l) => l.glyphH));
  const left = Math.min(...lines.map((l) => l.x0));
  for (const l of lines) {
    const t = compact(l.text);
    const n = [...t].length;
    if (l.label || n < 1 || n > 2 || l.glyphH > 0.85 * maxH || l.x0 > left + 2 * l.glyphH) continue;
    // one character: the other cut off at the card's edge
    const kind: LabelKind | null = /^.?[名各]$|^[氏民氐].$/.test(t) ? 'name' : /^[住往佳件].$|^.?所$/.test(t) ? 'address' : null;
    if (!kind || lines.some((o) => o.label === kind)) continue;
    l.label = kind;
    l.value = '';
    l.valueSymbols = [];
  }
}

/**
 * The 氏名 label misread (丘名, 必名) and read together with a name printed small enough to share its line (a
 * foreign resident's roman name): two characters ending in 名 and a gap, starting in the label column where
 * another label starts. A name value never starts there, so 椎名 or 桑名 as a family name is not taken.
 */
function guessMergedNameLabel(lines: Line[]): void {
  if (lines.some((l) => l.label === 'name')) return;
  const column = lines.filter((l) => l.label).map((l) => l.x0);
  for (const l of lines) {
    if (l.label || !/^[\s\u3000]*\S[\s\u3000]*名[\s\u3000]+\S/.test(l.text) || !column.some((x) => Math.abs(x - l.x0) <= l.glyphH)) continue;
    const t = l.text.replace(/^[\s\u3000_|]+/, '');
    l.label = 'name';
    l.value = t.slice(labelEnd(t, 'name'));
    l.valueSymbols = l.symbols.slice(2);
    return;
  }
}

/**
 * The 住所 label misread into something that is no label (催『, 件斤) and read together with the address:
 * with no 住所 label on the card, a line with a 都道府県 name within its first few characters is the
 * address line, and what stands before the 都道府県 is the label.
 */
function guessAddressByPrefecture(lines: Line[]): void {
  if (lines.some((l) => l.label === 'address')) return;
  for (const l of lines) {
    if (l.label) continue;
    const t = compact(l.value);
    const at = Math.min(...PREFECTURES.map((p) => t.indexOf(p)).filter((i) => i >= 0 && i <= 3));
    if (!Number.isFinite(at)) continue;
    l.label = 'address';
    l.value = t.slice(at);
    l.valueSymbols = l.valueSymbols.length >= [...t].length ? l.valueSymbols.slice(at) : l.valueSymbols;
    return;
  }
}

function prepare(l: RecognizedLine): Line {
  const label = leadingLabel(l.text);
  if (!label) return { ...l, label, value: l.text.trim(), valueSymbols: l.symbols };
  const t = l.text.replace(/^[\s\u3000_|]+/, '');
  const skip = compact(t.slice(0, labelEnd(t, label))).length;
  return { ...l, label, value: t.slice(labelEnd(t, label)), valueSymbols: l.symbols.slice(skip) };
}

function source(lines: Line[], raw: string): FieldSource {
  const x0 = Math.min(...lines.map((l) => l.x0));
  const y0 = Math.min(...lines.map((l) => l.y0));
  return {
    x: x0,
    y: y0,
    width: Math.max(...lines.map((l) => l.x1)) - x0,
    height: Math.max(...lines.map((l) => l.y1)) - y0,
    raw,
    charConfidence: lines.flatMap((l) => l.valueSymbols.map((s) => s.confidence)),
  };
}

const meanConf = (lines: Line[]): number => (lines.length ? lines.reduce((s, l) => s + l.confidence, 0) / lines.length : 0);

/** Lines on the same row as `anchor`, to its right (a label printed apart from its value). */
function rightOf(anchor: Line, lines: Line[]): Line[] {
  const h = anchor.y1 - anchor.y0;
  return lines.filter((l) => l !== anchor && l.x0 > anchor.x1 - 4 && cy(l) > anchor.y0 - h && cy(l) < anchor.y1 + h);
}

/** Turns recognized lines into card fields by their labels and the shape of their text. */
export function extractFields(input: RecognizedLine[], today: string): Extracted & { warnings: CardReadWarning[] } {
  const lines = input.map(prepare).filter((l) => compact(l.text).length > 0);
  guessShortLabels(lines);
  guessAddressByPrefecture(lines);
  guessMergedNameLabel(lines);
  const fields = emptyFields();
  const sources: Partial<Record<FieldName, FieldSource>> = {};
  const warnings: CardReadWarning[] = [];
  const all = compact(lines.map((l) => l.text).join('\n'));
  const looksLikePassport = /PASSPORT|旅券|P<JPN|<<<</i.test(all);
  const looksLikeBack = /個人番号(?!カード)/.test(all) && /\d{12}/.test(foldForNumbers(lines.map((l) => l.text).join(''))) && !lines.some((l) => l.label === 'address');
  const used = new Set<Line>();
  let anchors = 0;

  // 氏名: the label's own line, or the biggest text on the label's row
  let nameLines: Line[] = [];
  const nameLabel = lines.find((l) => l.label === 'name');
  if (nameLabel) {
    anchors++;
    const row = rightOf(nameLabel, lines).filter((l) => !isKatakanaText(l.text) || compact(l.value).length === 0);
    const own = compact(nameLabel.value).length > 0 ? [nameLabel] : [];
    const candidates = [...own, ...row].filter((l) => !l.label || l === nameLabel);
    // the name is the biggest text on the row; a line's glyph height is an estimate (a family name read
    // small beside a tall given name), so its box counts too, and junk the model could not read at all
    // (ruby and name smeared into one blob) sets no size; it is still read again with the rest of the row
    const size = (l: Line): number => Math.max(l.glyphH, l.y1 - l.y0 + 1);
    const maxH = Math.max(0, ...candidates.filter((l) => l.confidence >= 0.05).map(size));
    const sized = candidates.filter((l) => size(l) >= 0.75 * maxH && !looksLikeDate(l.value));
    // a piece lying under a surer line of the row is that line's text read twice
    const overlap = (a: Line, b: Line): number => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
    nameLines = sized.filter((l) => !sized.some((o) => o !== l && o.confidence > l.confidence && overlap(l, o) >= 0.5 * (l.x1 - l.x0))).sort((a, b) => a.x0 - b.x0);
  } else {
    // no label read: the tallest text in the top third of the card
    // (above the 住所 label when that was read: a long address line is as tall as a latin name)
    const addrTop = lines.find((l) => l.label === 'address')?.y0 ?? Infinity;
    const top = lines.filter((l) => l.y1 < 0.4 * Math.max(...lines.map((x) => x.y1)) && !looksLikeDate(l.text) && cy(l) < addrTop && !l.label);
    const maxH = Math.max(0, ...top.map((l) => l.glyphH));
    nameLines = top.filter((l) => l.glyphH >= 0.85 * maxH && maxH > 0).slice(0, 2);
  }
  let nameParts: { family: string; given: string } | null = null;
  if (nameLines.length > 0) {
    nameParts = splitName(nameLines.map((l) => ({ text: l.value, symbols: l.valueSymbols, glyphH: l.glyphH })));
    const raw = nameLines.map((l) => l.value).join(' ');
    fields.name = { value: nameParts ? `${nameParts.family}\u3000${nameParts.given}` : compact(raw) || null, confidence: meanConf(nameLines) * (nameParts ? 1 : 0.5) };
    if (!fields.name.value) fields.name.confidence = 0;
    sources.name = source(nameLines, raw);
    nameLines.forEach((l) => used.add(l));
  }
  const nameLatin = nameLines.length > 0 && isLatinName(nameLines.map((l) => l.value).join(' '));

  // フリガナ: katakana just above the name (next-generation card) or after a フリガナ label; ruby stands
  // above the name's top, so a piece of the name's own strokes read as kana (彩's 彡 as ワン) is not taken
  const nameTop = nameLines.length ? Math.min(...nameLines.map((l) => l.y0)) : 0;
  const nameH = nameLines.length ? Math.max(...nameLines.map((l) => l.glyphH)) : 0;
  const kanaLines = lines
    .filter((l) => !used.has(l) && (l.label === 'kana' || isKatakanaText(l.label === 'name' ? l.value : l.text)))
    .filter((l) => l.label === 'kana' || (nameLines.length > 0 && cy(l) < nameTop && l.y1 > nameTop - 2.5 * nameH))
    .sort((a, b) => a.x0 - b.x0);
  if (kanaLines.length > 0) {
    const parts = splitName(kanaLines.map((l) => ({ text: l.label === 'name' ? l.value : l.value, symbols: l.valueSymbols, glyphH: l.glyphH })));
    const raw = kanaLines.map((l) => l.value).join(' ');
    fields.nameKana = { value: parts ? `${parts.family}\u3000${parts.given}` : compact(raw), confidence: meanConf(kanaLines) };
    sources.nameKana = source(kanaLines, raw);
    kanaLines.forEach((l) => used.add(l));
    anchors++;
  }

  // 生年月日 / 有効期限 / 性別 by the shape of the text
  const dateLines = lines.filter((l) => !used.has(l) && looksLikeDate(l.text));
  const rowLabel = (l: Line): LabelKind | null => l.label ?? lines.find((x) => x.label && x !== l && compact(x.value).length === 0 && rightOf(x, [l]).length > 0)?.label ?? null;
  let birth: Line | undefined = dateLines.find((l) => rowLabel(l) === 'birth' || /日生|生$|\d生/.test(compact(l.text)));
  let expiry: Line | undefined = dateLines.find((l) => l !== birth && (rowLabel(l) === 'expiry' || /まで|有効/.test(compact(l.text))));
  const rest = dateLines.filter((l) => l !== birth && l !== expiry).sort((a, b) => a.y0 - b.y0);
  if (!birth && rest.length) birth = rest.shift();
  if (!expiry && rest.length) expiry = rest.shift();
  let birthWareki = false;
  for (const [name, line] of [['birthDate', birth], ['expiryDate', expiry]] as const) {
    if (!line) continue;
    anchors++;
    used.add(line);
    const d = parseCardDate(line.text.split(/性別|性刷/)[0]!);
    const dateText = line.text;
    fields[name] = d.ok ? { value: d.iso, confidence: line.confidence } : { value: null, confidence: 0 };
    if (d.ok && name === 'birthDate') birthWareki = d.wareki;
    sources[name] = source([line], dateText);
  }
  // a birth date after the expiry date is the two lines taken for each other (placed by position only):
  // swapped when that makes sense of both (born on or before today)
  if (fields.birthDate.value && fields.expiryDate.value && fields.birthDate.value > fields.expiryDate.value && fields.expiryDate.value <= today) {
    [fields.birthDate, fields.expiryDate] = [fields.expiryDate, fields.birthDate];
    [sources.birthDate, sources.expiryDate] = [sources.expiryDate, sources.birthDate];
    if (fields.birthDate.value) birthWareki = false;
  }
  if (fields.expiryDate.value && fields.expiryDate.value < today) warnings.push(cardReadWarning.expired(fields.expiryDate.value));
  if (fields.birthDate.value && fields.expiryDate.value && fields.birthDate.value >= fields.expiryDate.value) {
    warnings.push(cardReadWarning.datesOutOfOrder());
    fields.birthDate.confidence *= 0.5;
    fields.expiryDate.confidence *= 0.5;
  }

  const sexLine = [...lines].sort((a, b) => Number(b.label === 'sex') - Number(a.label === 'sex')).find((l) => parseSex(l.label === 'sex' ? `性別${l.value}` : l.text) !== null);
  if (sexLine) {
    const v = parseSex(sexLine.label === 'sex' ? `性別${sexLine.value}` : sexLine.text);
    const sym = sexLine.symbols.filter((s) => s.text === '男' || s.text === '女').at(-1);
    fields.sex = { value: v, confidence: sym?.confidence ?? sexLine.confidence };
    sources.sex = source([sexLine], sexLine.text);
    anchors++;
  } else {
    // the value may be printed apart from its label
    const sexLabel = lines.find((l) => l.label === 'sex' && compact(l.value).length === 0);
    const v = sexLabel ? rightOf(sexLabel, lines).find((l) => /^[男女]$/.test(compact(l.text))) : undefined;
    if (v) {
      fields.sex = { value: compact(v.text) === '男' ? 'M' : 'F', confidence: v.confidence };
      sources.sex = source([v], v.text);
      anchors++;
    }
  }

  // 住所: the labelled line and the lines under it that start at the same column
  let address: AddressParts | null = null;
  const addrLabel = lines.find((l) => l.label === 'address');
  if (addrLabel) {
    anchors++;
    const first = compact(addrLabel.value).length > 0 ? addrLabel : rightOf(addrLabel, lines).filter((l) => !used.has(l) && !l.label).sort((a, b) => a.x0 - b.x0)[0];
    if (first) {
      const addrLines = [first];
      for (;;) {
        const last = addrLines.at(-1)!;
        const startX = last === addrLabel ? (last.valueSymbols[0]?.x0 ?? last.x0) : last.x0;
        const next = lines
          .filter((l) => !used.has(l) && !addrLines.includes(l) && !l.label && l.y0 > last.y0 + 0.5 * last.glyphH && l.y0 - last.y1 < 1.6 * last.glyphH)
          .filter((l) => Math.abs(l.x0 - startX) < 3 * last.glyphH && !looksLikeDate(l.text))
          .sort((a, b) => a.y0 - b.y0)[0];
        if (!next || addrLines.length >= 3) break;
        addrLines.push(next);
      }
      const joined = normalizeDashes(addrLines.map((l) => compact(l.value)).join(''));
      const fullWidth = digitsLookFullWidth(addrLines.flatMap((l) => l.valueSymbols), Math.max(...addrLines.map((l) => l.glyphH)));
      const original = fullWidth === null ? joined : withDigitWidth(joined, fullWidth);
      address = parseAddress(original);
      fields.address = { value: original || null, confidence: original ? meanConf(addrLines) * (address.prefecture ? 1 : 0.7) : 0 };
      sources.address = source(addrLines, addrLines.map((l) => l.value).join('\n'));
      addrLines.forEach((l) => used.add(l));
    }
  }

  const hasBirthLabel = lines.some((l) => l.label === 'birth' || l.label === 'expiry');
  let layout: CardLayoutId = 'unknown';
  if (anchors >= 2 && !looksLikeBack && !looksLikePassport) {
    if (nameLatin) layout = 'foreign';
    // a 和暦 birth date and a 性別 are the current card's, which prints no フリガナ: kana read above its
    // name is a piece of the name or the pattern
    else if (birthWareki && fields.sex.value) {
      layout = 'current';
      if (fields.nameKana.value) {
        fields.nameKana = { value: null, confidence: 0 };
        delete sources.nameKana;
      }
    } else if (fields.nameKana.value || (hasBirthLabel && !fields.sex.value) || (!fields.sex.value && fields.birthDate.value && !birthWareki)) layout = 'next-gen';
    else layout = 'current';
  }
  // a national's card is valid until a birthday: dates on different days of the year are a misread
  if ((layout === 'current' || layout === 'next-gen') && fields.birthDate.value && fields.expiryDate.value && !expiryFallsOnBirthday(fields.birthDate.value, fields.expiryDate.value)) {
    warnings.push(cardReadWarning.expiryNotOnBirthday());
    fields.birthDate.confidence = Math.min(fields.birthDate.confidence, 0.6);
    fields.expiryDate.confidence = Math.min(fields.expiryDate.confidence, 0.6);
  }
  return { layout, fields, nameParts, address, sources, looksLikeBack, looksLikePassport, anchors, warnings };
}
