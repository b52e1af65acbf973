import { emptyFields, UNREAD_REASON, type CardFields, type CardLayoutId, type FieldName, type FieldSource, type AddressParts } from './card-result';
import type { RecognizedLine, RecognizedSymbol } from './recognized-line';
import { compact, labelEnd, leadingLabel, type LabelKind } from './card-labels';
import { classifyLine, type ClassifiedLine } from './line-kind';
import { CARD_LAYOUTS, layoutOf, priorFit } from './card-layouts';
import { FIELD_TUNING as T } from './field-tuning';
import { parseCardDate, looksLikeDate } from './parse-date';
import { parseSex } from './parse-sex';
import { parseAddress, PREFECTURES } from './parse-address';
import { trimAddressTail } from './address-tail';
import { splitJoinedLines } from './joined-lines';
import { foldForNumbers, isLatinName, normalizeDashes } from './ocr-text';
import { expiryFitsBirthday } from './birthday-expiry';
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
  /** what the line is by its content and shape (line-kind.ts) */
  cls: ClassifiedLine;
  /** text after the label */
  value: string;
  /** symbols after the label */
  valueSymbols: RecognizedSymbol[];
}

const cy = (l: RecognizedLine): number => (l.y0 + l.y1) / 2;
/** Whether two lines share a row: they overlap by T.name.rowOverlap of the lower one's height (the name's pieces). */
const sameRow = (a: RecognizedLine, b: RecognizedLine): boolean => Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) >= T.name.rowOverlap * Math.min(a.y1 - a.y0, b.y1 - b.y0);

function prepare(l: RecognizedLine, medianH: number): Line {
  const cls = classifyLine(l, medianH);
  const label = leadingLabel(l.text);
  if (!label) return { ...l, cls, label, value: l.text.trim(), valueSymbols: l.symbols };
  const t = l.text.replace(/^[\s\u3000_|]+/, '');
  const skip = compact(t.slice(0, labelEnd(t, label))).length;
  return { ...l, cls, label, value: t.slice(labelEnd(t, label)), valueSymbols: l.symbols.slice(skip) };
}

/**
 * The label a line is evidence of: its own leading label, or a line that is only a label, read well or as a
 * look-alike (胡名, 件所, Name, Address).
 */
function labelOf(l: Line): LabelKind | null {
  if (l.label) return l.label;
  if (l.cls.kind !== 'label') return null;
  const t = compact(l.text);
  if (/フリガナ|ﾌﾘｶﾞﾅ/.test(t)) return 'kana';
  if (/名|name$/i.test(t)) return 'name';
  if (/所|^[住往佳件]|address/i.test(t)) return 'address';
  if (/生|birth/i.test(t)) return 'birth';
  if (/有効|valid|expiry/i.test(t)) return 'expiry';
  if (/性|sex|gender/i.test(t)) return 'sex';
  return null;
}

/** A label that stands for nothing but itself (its value printed apart): a label line with no value read after it. */
const bareLabel = (l: Line): boolean => labelOf(l) !== null && (l.label === null || compact(l.value).length === 0);

/**
 * How strongly the labels on the card point at `l` as the value of `kind`: a bare label of that kind to its
 * left whose middle is near the line's rows (beside it, beside the ruby row above it, or between), or right
 * above it in the same column. 1 when one does, 0 otherwise; distances are in the line's own text height.
 */
function labelEvidence(l: Line, kind: LabelKind, lines: Line[]): number {
  const h = Math.max(l.glyphH, 1);
  let best = 0;
  for (const b of lines) {
    // a label read together with the ruby beside it (氏名 ヤマダ ハナコ) still points at the name under it
    if (b === l || labelOf(b) !== kind || (!bareLabel(b) && b.cls.kind !== 'kana')) continue;
    const bx1 = bareLabel(b) ? b.x1 : (b.symbols[1]?.x1 ?? b.x0 + T.labelWithRubyWidth * b.glyphH);
    const bc = cy(b);
    const beside = bx1 <= l.x0 + T.labelBesideOverlap * h && bc >= l.y0 - T.labelAboveReach * h && bc <= l.y1 + T.labelBelowReach * h;
    const above = b.y1 <= l.y0 + T.labelOverDip * h && l.y0 - b.y1 <= T.labelOverGap * h && Math.abs(b.x0 - l.x0) <= T.labelOverColumn * h;
    if (beside || above) best = Math.max(best, beside && Math.abs(bc - cy(l)) <= T.labelSquareRow * h ? 1 : T.labelOffRowEvidence);
  }
  return best;
}

/**
 * A next-generation card prints the name's roman spelling small, under the kanji name or after it on its row: roman
 * capitals taken for the name with lines at least T.name.romanSpelling times as tall right over them or beside
 * them are that spelling, and those lines are the name, however they were read (工藤 彩 read 25 at 0, 濵田 葵
 * read at 0: too unsure to be a name's candidates), for its second reads to read as one. Empty when there are
 * none (a foreign resident's card prints its roman name alone, at the name's size).
 */
function spelledName(roman: Line, lines: Line[]): Line[] {
  const h = (l: Line): number => l.y1 - l.y0 + 1;
  const xOverlap = (a: Line, b: Line): number => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const over = (k: Line): boolean => roman.y0 >= cy(k) && roman.y0 - k.y1 <= h(k) && xOverlap(k, roman) > 0;
  const tall = (l: Line): boolean => l !== roman && !labelOf(l) && !['label', 'date', 'address', 'title', 'issuer', 'kana', 'roman-name'].includes(l.cls.kind) && h(l) >= T.name.romanSpelling * h(roman);
  const name = lines.find((k) => tall(k) && (over(k) || (sameRow(k, roman) && k.x1 <= roman.x0)));
  if (!name) return [];
  // the rest of its row, as tall (the given name the line finder set apart)
  return lines.filter((l) => l === name || (tall(l) && sameRow(l, name) && h(l) >= T.name.rowSize * h(name))).sort((a, b) => a.x0 - b.x0);
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
  return lines.filter((l) => l !== anchor && l.x0 > anchor.x1 - T.rightOfSlackPx && cy(l) > anchor.y0 - h && cy(l) < anchor.y1 + h);
}

/** Turns recognized lines into card fields by their labels and the shape of their text. */
export function extractFields(input: RecognizedLine[], today: string): Extracted & { warnings: CardReadWarning[] } {
  const hs = input.map((l) => l.glyphH).sort((x, y) => x - y);
  const medianH = hs[Math.floor(hs.length / 2)] ?? 1;
  const lines = splitJoinedLines(input).flat().map((l) => prepare(l, medianH)).filter((l) => compact(l.text).length > 0);
  const fields = emptyFields();
  const sources: Partial<Record<FieldName, FieldSource>> = {};
  const warnings: CardReadWarning[] = [];
  const all = compact(lines.map((l) => l.text).join('\n'));
  const looksLikePassport = /PASSPORT|旅券|P<JPN|<<<</i.test(all);
  const looksLikeBack = /個人番号(?!カード)/.test(all) && /\d{12}/.test(foldForNumbers(lines.map((l) => l.text).join(''))) && !lines.some((l) => l.label === 'address');
  const used = new Set<Line>();
  let anchors = 0;
  // the text-bearing part of the card, for the layouts' position priors
  const textTop = Math.min(...lines.map((l) => l.y0));
  const textH = Math.max(1, Math.max(...lines.map((l) => l.y1)) - textTop);
  const relY = (l: Line): number => (cy(l) - textTop) / textH;
  const prior = (l: Line, block: 'name' | 'address' | 'dates'): number => Math.max(...CARD_LAYOUTS.map((d) => priorFit(d.prior[block], relY(l))));

  if (lines.some((l) => labelOf(l) === 'name')) anchors++;

  // 氏名: the line that is most like a name (kanji or roman letters, no digits), the biggest text, where
  // names stand, and pointed at by a 氏名 label (beside it, beside its ruby or between, or above it)
  const nameish = (l: Line): boolean =>
    l.cls.kind === 'kanji-name' || l.cls.kind === 'roman-name' || (l.label === 'name' && compact(l.value).length > 0 && !['kana', 'date', 'address'].includes(l.cls.kind));
  // a line's glyph height is an estimate (a family name read small beside a tall given name), so its box
  // counts too; junk the model could not read at all (ruby and name smeared into one blob) sets no size
  const size = (l: Line): number => (l.confidence >= T.unreadableConfidence ? Math.max(l.glyphH, l.y1 - l.y0 + 1) : 0);
  const nameCands = lines.filter(nameish);
  const maxSize = Math.max(1, ...nameCands.map(size));
  const nameScore = (l: Line): number =>
    T.name.content * Math.max(l.cls.scores['kanji-name'], l.cls.scores['roman-name']) +
    T.name.size * (size(l) / maxSize) +
    T.name.prior * prior(l, 'name') +
    T.name.label * (l.label === 'name' ? 1 : labelEvidence(l, 'name', lines));
  const winner = [...nameCands].sort((x, y) => nameScore(y) - nameScore(x))[0];
  let nameLines: Line[] = [];
  if (winner) {
    // the rest of the name's row: pieces the line finder split off (family and given name apart)
    const row = nameCands.filter((l) => l === winner || (sameRow(l, winner) && l.cls.kind === winner.cls.kind));
    const rowMax = Math.max(0, ...row.map(size));
    // junk the model could not read sets no size, but its box still has one: a smaller box on the row is a
    // label or ruby misread past recognition (氏名 read 商委), never a piece of the name
    const boxH = (l: Line): number => l.y1 - l.y0;
    const sized = row.filter(
      (l) =>
        size(l) >= T.name.rowSize * rowMax ||
        (l.confidence < T.unreadableConfidence && l !== winner && boxH(l) >= T.name.rowSize * boxH(winner) && boxH(l) <= T.name.rowMaxBox * boxH(winner)),
    );
    // a piece lying under a surer line of the row is that line's text read twice
    const overlap = (x: Line, y: Line): number => Math.max(0, Math.min(x.x1, y.x1) - Math.max(x.x0, y.x0));
    nameLines = sized.filter((l) => !sized.some((o) => o !== l && o.confidence > l.confidence && overlap(l, o) >= T.readTwiceOverlap * (l.x1 - l.x0))).sort((x, y) => x.x0 - y.x0);
    const spelt = winner.cls.kind === 'roman-name' ? spelledName(winner, lines) : [];
    if (spelt.length > 0) nameLines = spelt;
  }
  let nameParts: { family: string; given: string } | null = null;
  if (nameLines.length > 0) {
    nameParts = splitName(nameLines.map((l) => ({ text: l.value, symbols: l.valueSymbols, glyphH: l.glyphH })));
    const raw = nameLines.map((l) => l.value).join(' ');
    fields.name = { value: nameParts ? `${nameParts.family}\u3000${nameParts.given}` : compact(raw) || null, confidence: meanConf(nameLines) * (nameParts ? 1 : T.confidence.unsplitName) };
    if (!fields.name.value) fields.name.confidence = 0;
    sources.name = source(nameLines, raw);
    nameLines.forEach((l) => used.add(l));
  }
  const nameLatin = nameLines.length > 0 && isLatinName(nameLines.map((l) => l.value).join(' '));

  // フリガナ: katakana just above the name (next-generation card) or after a フリガナ label; ruby stands
  // above the name's top, so a piece of the name's own strokes read as kana (彩's 彡 as ワン) is not taken
  const nameTop = nameLines.length ? Math.min(...nameLines.map((l) => l.y0)) : 0;
  const nameH = nameLines.length ? Math.max(...nameLines.map((l) => l.glyphH)) : 0;
  const nameX0 = nameLines.length ? Math.min(...nameLines.map((l) => l.x0)) : 0;
  const nameX1 = nameLines.length ? Math.max(...nameLines.map((l) => l.x1)) : 0;
  const kanaLines = lines
    .filter((l) => !used.has(l) && ((l.label === 'kana' && compact(l.value).length > 0) || l.cls.kind === 'kana'))
    .filter((l) => l.label === 'kana' || (nameLines.length > 0 && l.y1 <= nameTop + T.kana.overlapName * nameH && l.y1 > nameTop - T.kana.reachAbove * nameH && l.x1 > nameX0 - nameH && l.x0 < nameX1 + nameH))
    .sort((a, b) => a.x0 - b.x0);
  if (kanaLines.length > 0) {
    const parts = splitName(kanaLines.map((l) => ({ text: l.value, symbols: l.valueSymbols, glyphH: l.glyphH })));
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
  // placed by position alone, a date after today is no 生年月日: the birth date's line was not read as a date, and
  // this one is the 有効期限 (the missing birth date's line is then looked for before it)
  const future = (l: Line): boolean => {
    const d = parseCardDate(l.text.split(/性別|性刷/)[0]!, today);
    return d.ok && d.iso > today;
  };
  const past = rest.findIndex((l) => !future(l));
  if (!birth && past >= 0) birth = rest.splice(past, 1)[0];
  if (!expiry && rest.length) expiry = rest.shift();
  let birthWareki = false;
  for (const [name, line] of [['birthDate', birth], ['expiryDate', expiry]] as const) {
    if (!line) continue;
    anchors++;
    used.add(line);
    const d = parseCardDate(line.text.split(/性別|性刷/)[0]!, today);
    const dateText = line.text;
    fields[name] = d.ok ? { value: d.iso, confidence: line.confidence } : { value: null, confidence: 0, reason: UNREAD_REASON.unreadable(d.reason) };
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
    fields.birthDate.confidence *= T.confidence.datesOutOfOrder;
    fields.expiryDate.confidence *= T.confidence.datesOutOfOrder;
  }

  // every line that gives a 性別, its label's first (a value beside its label): where they disagree, the one
  // whose value the model is surest of (the 住所 label misread 性落 and read again as 性別 男 at 0.70, the
  // 女 after the birth date at 0.92)
  const sexOf = (l: (typeof lines)[number]): 'M' | 'F' | null => parseSex(l.label === 'sex' ? `性別${l.value}` : l.text);
  const sexValueConfidence = (l: (typeof lines)[number]): number => l.symbols.filter((s) => s.text === '男' || s.text === '女').at(-1)?.confidence ?? l.confidence;
  const sexLines = [...lines].sort((a, b) => Number(b.label === 'sex') - Number(a.label === 'sex')).filter((l) => sexOf(l) !== null);
  // … and, as the card contradicts itself, the clerk is asked to look
  const disagree = new Set(sexLines.map(sexOf)).size > 1;
  const sexLine = disagree ? sexLines.reduce((a, b) => (sexValueConfidence(b) > sexValueConfidence(a) ? b : a)) : sexLines[0];
  if (sexLine) {
    const v = sexOf(sexLine);
    fields.sex = { value: v, confidence: disagree ? Math.min(sexValueConfidence(sexLine), T.confidence.sexDisagreementCap) : sexValueConfidence(sexLine) };
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

  // 住所: the line most like the start of an address (a 都道府県 at its start, place words, 番地 digits),
  // pointed at by a 住所 label (beside or above it), then the lines under it that start at its column
  let address: AddressParts | null = null;
  if (lines.some((l) => labelOf(l) === 'address')) anchors++;
  const prefAt = (l: Line): number => {
    const t = compact(l.value);
    const at = Math.min(...PREFECTURES.map((p) => t.indexOf(p)).filter((i) => i >= 0 && i <= T.address.prefectureWithin));
    return Number.isFinite(at) ? at : -1;
  };
  // the rows an address starting at `first` takes in: the lines under it that start at its column
  // (`fromValue`: the rows start where the first row's value does, after a label or a misread one)
  const rowsFrom = (first: Line, fromValue: boolean): Line[] => {
    const rows = [first];
    for (;;) {
      const last = rows.at(-1)!;
      const startX = last.label === 'address' || fromValue ? (last.valueSymbols[0]?.x0 ?? last.x0) : last.x0;
      // the address's type: its smallest row so far (a row misread with a blob in it measures taller: にと for 3号)
      const typeH = Math.min(...rows.map((r) => r.glyphH));
      const next = lines
        // a date read with a part missing (1967年月 1日) is still no address: a year is not part of one
        .filter((l) => !used.has(l) && !rows.includes(l) && !labelOf(l) && !['date', 'title', 'issuer', 'label'].includes(l.cls.kind) && !/[0-9０-９]{4}\s*年/.test(l.text))
        .filter((l) => l.y0 > last.y0 + 0.5 * last.glyphH && l.y0 - last.y1 < T.address.nextRowGap * last.glyphH && Math.abs(l.x0 - startX) < T.address.nextRowColumn * last.glyphH)
        .filter((l) => l.glyphH >= T.address.nextRowMinSize * typeH)
        .sort((x, y) => x.y0 - y.y0)[0];
      if (!next || rows.length >= T.address.maxRows) return rows;
      rows.push(next);
    }
  };
  // an address wraps anywhere, so its shape is also its rows' together: a first row with its 都道府県 and label
  // misread (便昌中双葉郡川内村下川内, 0.24 alone) may start an address with the 番地 row under it (0.8
  // together). The candidates are still ranked by their own shape: a speck above the address (read as 人)
  // takes in the same rows, but is no row of it
  const blockShape = (l: Line): number => {
    const rows = rowsFrom(l, false);
    return rows.length > 1 ? classifyLine({ ...l, text: rows.map((r) => compact(r.value)).join('') }, medianH).scores.address : 0;
  };
  const addrScore = (l: Line): number => l.cls.scores.address + T.address.label * (l.label === 'address' ? 1 : labelEvidence(l, 'address', lines)) + T.address.prior * prior(l, 'address');
  const addrCands = lines
    .filter((l) => !used.has(l) && compact(l.value).length > 0 && !['date', 'title', 'issuer', 'label', 'sex'].includes(l.cls.kind))
    .filter(
      (l) =>
        l.label === 'address' ||
        prefAt(l) >= 0 ||
        l.cls.scores.address >= T.address.minShapeAlone ||
        (labelEvidence(l, 'address', lines) > 0 && l.cls.scores.address >= T.address.minShapeWithLabel) ||
        blockShape(l) >= T.address.minShapeAlone,
    )
    .sort((x, y) => addrScore(y) - addrScore(x));
  // every card prints an address: with no line passing those tests, the surest address-shaped line that names a
  // place (a 都道府県, 市区町村 or 郡 before its numbers) is taken; a 番地 or 方書 row alone is still no address
  const namesPlace = (l: Line): boolean => /[都道府県市区町村郡]/.test(compact(l.value).split(/[0-9０-９]/)[0] ?? '');
  if (addrCands.length === 0) {
    const last = lines
      .filter((l) => !used.has(l) && !labelOf(l) && l.cls.kind === 'address' && l.cls.scores.address >= T.address.minShapeLast && namesPlace(l))
      .sort((x, y) => addrScore(y) - addrScore(x))[0];
    if (last) addrCands.push(last);
  }
  // an address begins at its first row: a candidate the 住所 label points at more than the best one, whose rows
  // go on into the best one and read together as an address, is its first row misread (和萩田県仙北市 | 西木町…,
  // 秋田県 read 和萩田県: the row under it has more shape of its own, the label is beside the row above)
  // … or, the label telling neither apart (misread on both), the best one starts with no 都道府県 and the row above
  // names a place (長綺臭西海市 | 西海町木場郷…: an address starts with its prefecture and city, not its 町域)
  const pointsAtFirstRow = (above: Line, under: Line): boolean => {
    const evidence = labelEvidence(above, 'address', lines) - labelEvidence(under, 'address', lines);
    return evidence > 0 || (evidence === 0 && prefAt(under) < 0 && namesPlace(above));
  };
  const best = addrCands[0];
  const startAbove = best
    ? addrCands.find((c) => c !== best && pointsAtFirstRow(c, best) && rowsFrom(c, false)[1] === best && blockShape(c) >= T.address.minShapeAlone)
    : undefined;
  const first = startAbove ?? best;
  if (first) {
    if (!lines.some((l) => labelOf(l) === 'address')) anchors++;
    // what stands before the 都道府県 on an unlabelled line is a misread label (催『 千葉県…)
    const at = first.label === 'address' ? -1 : prefAt(first);
    if (at > 0) {
      const t = compact(first.value);
      first.valueSymbols = first.valueSymbols.length >= [...t].length ? first.valueSymbols.slice(at) : first.valueSymbols;
      first.value = t.slice(at);
    }
    const addrLines = rowsFrom(first, at > 0);
    const joined = trimAddressTail(normalizeDashes(addrLines.map((l) => compact(l.value)).join('')));
    const fullWidth = digitsLookFullWidth(addrLines.flatMap((l) => l.valueSymbols), Math.max(...addrLines.map((l) => l.glyphH)));
    const original = fullWidth === null ? joined : withDigitWidth(joined, fullWidth);
    address = parseAddress(original);
    fields.address = { value: original || null, confidence: original ? meanConf(addrLines) * (address.prefecture ? 1 : T.confidence.addressWithoutPrefecture) : 0 };
    sources.address = source(addrLines, addrLines.map((l) => l.value).join('\n'));
    addrLines.forEach((l) => used.add(l));
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
  const rule = layoutOf(layout)?.expiry ?? 'any';
  if (fields.birthDate.value && fields.expiryDate.value && !expiryFitsBirthday(rule, fields.birthDate.value, fields.expiryDate.value)) {
    warnings.push(cardReadWarning.expiryNotOnBirthday());
    fields.birthDate.confidence = Math.min(fields.birthDate.confidence, T.confidence.expiryNotOnBirthdayCap);
    fields.expiryDate.confidence = Math.min(fields.expiryDate.confidence, T.confidence.expiryNotOnBirthdayCap);
  }
  giveReasons(fields, layout);
  return { layout, fields, nameParts, address, sources, looksLikeBack, looksLikePassport, anchors, warnings };
}

/** Every field the layout prints and nothing was read for gets a reason (never silently empty). */
function giveReasons(fields: CardFields, layout: CardLayoutId): void {
  const d = layoutOf(layout);
  if (!d) return;
  const printed: Record<FieldName, boolean> = { name: true, nameKana: d.printsKana, address: true, birthDate: true, sex: d.printsSex, expiryDate: true };
  for (const f of Object.keys(fields) as FieldName[]) {
    const x = fields[f];
    if (x.value === null && printed[f]) x.reason ??= UNREAD_REASON.notFound;
    if (x.value !== null || !printed[f]) delete x.reason;
  }
}
