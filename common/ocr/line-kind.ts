import type { RecognizedLine } from './recognized-line';
import { compact, labelNoteLength, leadingLabel, type LabelKind } from './card-labels';
import { looksLikeDate } from './parse-date';
import { PREFECTURES } from './parse-address';
import { isLatinName } from './ocr-text';

/**
 * What a text line on the card is, judged by its content and shape alone: ruby kana, a kanji name, a roman
 * name, (part of) an address, a date, a label, the issuer (…市長), the card's title, a lone 男/女, or noise.
 * A label is one piece of evidence about the value near it; it is never assumed to share the value's
 * baseline or to stand at a fixed offset from it. Scores are 0..1 per kind; `kind` is the highest.
 */
export type LineKind = 'kana' | 'kanji-name' | 'roman-name' | 'address' | 'date' | 'label' | 'issuer' | 'title' | 'sex' | 'noise';

export interface ClassifiedLine {
  line: RecognizedLine;
  kind: LineKind;
  scores: Record<LineKind, number>;
  /** a leading label (氏名 …) read at the start of the line, and what follows it */
  label: LabelKind | null;
  value: string;
  /** the line's glyph height over the median of all lines: names are the card's largest text */
  relSize: number;
}

/** English labels of bilingual designs; a line of only these is a label. */
const ENGLISH_LABEL = /^(name|address|dateofbirth|birth|validuntil|expiry|sex|gender|nationality|romaji)+$/i;
/** Label look-alikes the model reads for a label printed small (胡名, 住折): one of the label's characters in place. */
const SHORT_LABEL = /^(.?[名各]|[氏民氐].|[住往佳件].|.?所|フリガナ|ﾌﾘｶﾞﾅ|ローマ字|性別|生年月日|有効期限)$/;
const ISSUER = /[都道府県市区町村]長$/;
const TITLE = /個人番号カード|マイナンバーカード|IndividualNumber|NumberCard|電子証明書/i;
const HAN = /\p{Script=Han}|々/u;
const KATA = /[\u30a1-\u30faー]/;
const HIRA = /\p{Script=Hiragana}/u;
const LATIN = /[A-Za-z]/;
const DIGIT = /[0-9０-９]/;
const STRAY = /["'”“’‘`´・.,。、|｜:;：；!！?？()（）「」『』\[\]{}〔〕<>＜＞_~〜\\/]/;

/**
 * Letters that are one vertical stroke: the card's stripe pattern or a photo's edge, read as a "word", comes
 * out as runs of these (IIIilllilili…); no name is written with them alone.
 */
const STROKE_LETTER = /[Iil|1!]/;
/** A Latin run this long with this share of stroke letters is pattern, not a roman name. */
const STROKE_NOISE = { minLetters: 8, share: 0.75 } as const;

const share = (cs: string[], re: RegExp): number => (cs.length ? cs.filter((c) => re.test(c)).length / cs.length : 0);

/** How much a 都道府県 at a line's start says it is an address. */
const ADDRESS_SHAPE = {
  prefecture: 0.7,
  /**
   * one character off one (犬阪府 for 大阪府: its kind, 都道府県, kept): less, as a word could be, yet with the
   * place words after it (市, 区) more than a 番地 row alone (通五丁目4番4号 scores 0.68), so the row it starts is
   * taken as the address's first; as much for a 都道府県 misread further whose places after it show
   * (PLACES_AFTER_PREFECTURE_KIND)
   */
  nearPrefecture: 0.5,
} as const;

/**
 * The line starts with a 都道府県 read one character off (the last, its kind, read right): one character of its
 * name misread (犬阪府), or one read into it (熊本和県).
 */
function startsNearPrefecture(value: string): boolean {
  const cs = [...value];
  return PREFECTURES.some((p) => {
    const ps = [...p];
    const name = ps.slice(0, -1);
    if (cs.length > ps.length && cs[ps.length - 1] === ps.at(-1) && name.filter((c, i) => cs[i] !== c).length === 1) return true;
    // one character more before the kind: the name's characters in order around it
    if (cs.length <= ps.length + 1 || cs[ps.length] !== ps.at(-1)) return false;
    const read = cs.slice(0, ps.length);
    return read.some((_, k) => [...read.slice(0, k), ...read.slice(k + 1)].join('') === name.join(''));
  });
}

/**
 * The line starts as an address's places do, its 都道府県's name misread beyond one character: two or three
 * characters and a 都道府県's kind, then within a few characters a 市 or a 郡 with a 町/村 after it
 * (妊泰県東津軽郡差田村… for 青森県東津軽郡蓬田村…). No name, date, label or issuer line has a prefecture's kind
 * followed by a municipality's; the issuer's (…県…市長) is told apart by its own, stronger shape.
 */
const PLACES_AFTER_PREFECTURE_KIND = /^.{2,3}[都道府県](?:.{1,4}市.|.{1,4}郡.{1,4}[町村])/u;

export function classifyLine(l: RecognizedLine, medianH: number): ClassifiedLine {
  const label = leadingLabel(l.text);
  const t = compact(l.text);
  const labelLen = label ? [...(t.match(/^(氏名|[氏民氐][名各]|[住往佳][所听析]|生年月[日目]|有効期限|性[別刷]|フリガナ)/)?.[0] ?? '')].length : 0;
  // (a note in parentheses after the label is the label's: 氏名(ローマ字) holds no value)
  const value = label ? t.slice(labelLen + labelNoteLength(t.slice(labelLen))) : t;
  // stray marks the model adds (quotes, dots, bars between a family and a given name) are not content
  const cs = [...value].filter((c) => !STRAY.test(c));
  const n = cs.length;
  const relSize = l.glyphH / Math.max(1, medianH);
  const han = share(cs, HAN);
  const kata = share(cs, KATA);
  const hira = share(cs, HIRA);
  const latin = share(cs, LATIN);
  const digit = share(cs, DIGIT);
  const scores: Record<LineKind, number> = { kana: 0, 'kanji-name': 0, 'roman-name': 0, address: 0, date: 0, label: 0, issuer: 0, title: 0, sex: 0, noise: 0 };
  if (n === 0 && label) scores.label = 1;
  else if (ENGLISH_LABEL.test(t) || (n <= 4 && SHORT_LABEL.test(t) && relSize <= 1.05)) scores.label = 0.9;
  if (looksLikeDate(l.text)) scores.date = 1;
  if (TITLE.test(t)) scores.title = 1;
  if (ISSUER.test(value) && n <= 8) scores.issuer = 0.95;
  if (/^(性[別刷])?[男女]$/.test(t)) scores.sex = 1;
  const near = startsNearPrefecture(value) || PLACES_AFTER_PREFECTURE_KIND.test(value);
  const pref = PREFECTURES.some((p) => value.slice(0, 6).includes(p)) ? ADDRESS_SHAPE.prefecture : near ? ADDRESS_SHAPE.nearPrefecture : 0;
  const placeWords = (value.match(/[都道府県市区町村郡丁目番地号]/g) ?? []).length;
  scores.address = Math.min(1, pref + 0.12 * placeWords + (digit > 0 && han > 0.2 ? 0.2 : 0) + (/[－\-ー‐]\s*[0-9０-９]/.test(value) ? 0.15 : 0));
  if (n >= 2 && kata >= 0.75 && han === 0 && digit <= 0.25) scores.kana = Math.min(1, 0.5 + kata / 2) * (relSize <= 1.1 ? 1 : 0.7);
  const letters = cs.filter((c) => LATIN.test(c) || STROKE_LETTER.test(c));
  const strokeRun = letters.length >= STROKE_NOISE.minLetters && share(letters, STROKE_LETTER) >= STROKE_NOISE.share;
  if (strokeRun) scores.noise = 0.8;
  else if (isLatinName(l.text.replace(/^.*?名\s+/, '')) || (n >= 3 && latin >= 0.85)) scores['roman-name'] = 0.9;
  // a kanji name read together with the roman name printed beside it (智子 TOMOKO): judged without the letters
  const nl = cs.filter((c) => !LATIN.test(c));
  const mixed = latin > 0 && latin < 0.6 && nl.length >= 1;
  const [hanN, hiraN, kataN] = mixed ? [share(nl, HAN), share(nl, HIRA), share(nl, KATA)] : [han, hira, kata];
  if (nl.length >= 1 && nl.length <= 10 && digit === 0 && hanN + hiraN + kataN >= 0.9 && hanN > 0) {
    // names are the card's biggest text; a short line of kanji in small type is a label or the issuer
    scores['kanji-name'] = Math.min(1, (hanN >= 0.5 ? 0.6 : 0.4) + 0.3 * Math.min(1, Math.max(0, relSize - 0.9) * 2.5)) * (pref ? 0.3 : 1) * (mixed ? 0.8 : 1);
  }
  // a specific shape (a date, the card's title, the issuer, an English label) outweighs the generic ones
  if (scores.date >= 1 || scores.title >= 1 || scores.issuer > 0 || ENGLISH_LABEL.test(t)) {
    scores.kana *= 0.5;
    scores['kanji-name'] *= 0.5;
    scores['roman-name'] *= ENGLISH_LABEL.test(t) ? 0 : 0.5;
  }
  if (l.confidence < 0.15 && Math.max(...Object.values(scores)) < 0.9) scores.noise = 0.6;
  if (Math.max(...Object.values(scores)) === 0) scores.noise = 0.5;
  const kind = (Object.keys(scores) as LineKind[]).reduce((a, b) => (scores[b] > scores[a] ? b : a));
  return { line: l, kind, scores, label, value, relSize };
}

export function classifyLines(lines: RecognizedLine[]): ClassifiedLine[] {
  const hs = lines.map((l) => l.glyphH).sort((a, b) => a - b);
  const medianH = hs[Math.floor(hs.length / 2)] ?? 1;
  return lines.map((l) => classifyLine(l, medianH));
}
