import type { RecognizedLine, RecognizedSymbol } from '../../common/ocr/recognized-line';
import type { Extracted } from '../../common/ocr/extract-fields';
import { insideSource as inside, type FieldSource } from '../../common/ocr/card-result';
import { compact, LABEL, labelLength, leadingLabel } from '../../common/ocr/card-labels';
import { asciiDigits, countDigits, isKatakanaText } from '../../common/ocr/ocr-text';
import { withDigitWidth } from '../../common/ocr/digit-width';
import { crop, type GrayImage } from './image/gray-image';
import { inkInline, type InkMasker } from './reread/ink-mask-request';
import { printedLetters, printedWordGaps, spacedAsPrinted, wordCount, wordsBetween } from './layout/word-gaps';
import type { CharBox, TextLine } from './layout/text-lines';
import { pitchCells } from './layout/pitch-cells';
import type { LineResult, TesseractPool } from './tesseract/tesseract-pool';
import type { NameReadings } from '../../common/names/name-readings';
import { withoutDoubledGlyphs, withoutRepeatedGlyphs } from './reread/repeated-glyphs';
import { splitJoinedLines } from '../../common/ocr/joined-lines';
import { fullSizeKana, KANA_FOR_KANJI } from '../../common/ocr/kana-look-alikes';
import { REREAD_TUNING as T, type Variant } from './reread/tuning';
import { classifyLine, classifyLines, type LineKind } from '../../common/ocr/line-kind';
import { renderInline, settleInline, shapeRequest, type ShapeSettler, type VariantRenderer } from './reread/variant-images';
import { consensus, resolve, resolveChecked, type Candidate, type Provenance } from './reread/candidates';
import { settleVoicing, voicingInline, type VoicingJudge } from './voicing-mark';
import { glyphRequest, settleGlyph, type GlyphChoiceRequest } from './reread/glyph-choice';
import { readingRequest, settleReading, type ReadingChoiceRequest } from './reread/reading-choice';
import { latinLookAlikesOf } from '../../common/ocr/latin-lookalikes';
import { levenshtein } from '../../common/text/levenshtein';
import { BUILDING_WORDS } from '../../common/address/building-words';
import { placeWordlikeness, placeWordStats } from '../../common/address/place-words';
import { withoutMarksNoAddressHolds } from './reread/stray-marks';
import { addressRowIsPlaceOnly, addressRowIsSure, BLOCK, BLOCK_CHARS, blockIsClean, blockOf, blockToMend, gapBetweenNumbers, misreadJoin, numeralAfterDigits } from '../../common/address/sure-address-row';
import type { AddressMaster } from '../../common/address/address-master';
import { masterSupport } from '../../common/address/master-support';

/** A character a 番地 is made of (a number, its units, a dash). */
const BLOCK_CHAR = /[0-9０-９〇一二三四五六七八九十丁目番地号\-－ー‐−]/;
/** Line kinds that are never a piece of the name's own row. */
const NOT_NAME_PIECE = new Set<LineKind>(['roman-name', 'date', 'address', 'label', 'title', 'issuer']);

/** Capitals and what separates the parts of a roman name, for the foreign resident's 氏名. */
const ROMAN_WHITELIST = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ ,-';

/** Katakana (with small kana and 長音) for the フリガナ line. */
const KANA_WHITELIST = 'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶー ';

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A reading of a region (working-card pixels); a Candidate once its provenance is known. */
type Cand = Omit<Candidate, 'provenance'> & { provenance?: Provenance };

const V = T.variants;
/** The address variants, the mode least like the first pass first: one read that agrees with it is checked in another way. */
const ADDRESS_CHECK_FIRST: Variant[] = [V.address[2]!, V.address[0]!, V.address[1]!, V.address[3]!];

/** What the second reads change: the lines (by index) they replace, and the lines replacing them. */
export interface RereadPatch {
  drop: Set<number>;
  add: RecognizedLine[];
}

/** A patch applied to `lines`, or to lines matching them index for index (the same lines after `refineLines`). */
export function applyReread(lines: RecognizedLine[], patch: RereadPatch): RecognizedLine[] {
  return [...lines.filter((_, i) => !patch.drop.has(i)).map((l) => ({ ...l })), ...patch.add];
}

/**
 * One field's second reading, as data for the one runner (runPlan): the first read, how to read the region
 * again, which reads count, what cross-checks support a reading, and what the chosen reading becomes.
 */
interface FieldPlan {
  field: 'address' | 'name' | 'nameKana';
  /** the first pass's read of the region (null when the line finder gave none, e.g. ruby it missed) */
  first: Cand | null;
  read: (vs: Variant[]) => Promise<Cand[]>;
  variants: Variant[];
  /** reads asked for before the rest; all at once when there is no first read */
  firstBatch: number;
  /** the first read is vouched for: no second reads, the finish still runs */
  settled?: boolean;
  /**
   * a check independent of the model (the name tables, the address master) that speaks for a reading: a first
   * read it speaks for and the model is sure of is settled by one agreeing read in another mode
   */
  vouched?: (c: Cand) => boolean;
  key: (s: string) => string;
  /** a reading cleaned of what the field cannot hold */
  clean?: (c: Cand) => Cand;
  /** readings that may take part at all */
  keep?: (c: Cand) => boolean;
  eligible?: (c: Cand) => boolean;
  /** waited for before resolving (a cross-check needs another field's result) */
  after?: Promise<unknown>;
  support?: () => ((c: Cand) => number) | undefined;
  /** of reads that agree exactly, the one the print speaks for (ResolveOptions.prefer) */
  prefer?: (c: Cand) => boolean;
  /** what the cross-check is, recorded as the provenance of a choice it changed */
  check?: Provenance;
  /** told what the plan came to (null: the first pass stays), however it ended */
  done?: (r: { drop: RecognizedLine[]; line: RecognizedLine } | null) => void;
  /** the chosen reading made into replacement lines, or null to keep the first pass */
  finish: (best: Cand, all: Cand[]) => Promise<{ drop: RecognizedLine[]; line: RecognizedLine } | null>;
}

/** The one runner: reads until the reads agree, gathers the candidates with their provenance, resolves once. */
async function runPlan(p: FieldPlan): Promise<{ drop: RecognizedLine[]; line: RecognizedLine } | null> {
  const firstBatch = p.first && p.first.confidence >= T.oneAgreeConfidence && p.vouched?.(p.first) ? Math.min(1, p.firstBatch) : p.firstBatch;
  const reads = p.settled ? [] : p.first ? await readUntilAgreed(p.first, p.key, p.read, p.variants, firstBatch) : await p.read(p.variants);
  const clean = p.clean ?? ((c: Cand): Cand => c);
  const all: Candidate[] = [...(p.first ? [{ ...p.first, provenance: 'first-read' as const }] : []), ...reads.map((r) => ({ ...r, provenance: 're-read' as const }))]
    .map((c) => ({ ...clean(c), provenance: c.provenance }))
    .filter((c) => compact(c.text).length > 0 && (p.keep?.(c) ?? true));
  if (all.length === 0) return null;
  await p.after;
  const best = resolveChecked(all, p.key, { eligible: p.eligible, support: p.support?.(), prefer: p.prefer, by: p.check ?? 'cross-field', cap: T.cross.changedConfidence });
  return p.finish(best, all);
}

/**
 * The second reads' pixel work, done where the reader puts it (its preprocessing worker thread; inline in
 * tests and tools): the variant images, the name's variant shape test, one character against its options, a
 * ハ-row kana's mark, a region's ink.
 */
export interface RereadPixels {
  variants: VariantRenderer;
  shape: ShapeSettler;
  glyph: GlyphSettler;
  voicing: VoicingJudge;
  ink: InkMasker;
  reading: ReadingSettler;
}

/** The pixel work in the calling thread (tests, tools). */
export const INLINE_PIXELS: RereadPixels = { variants: renderInline, shape: settleInline, glyph: async (req) => settleGlyph(req), voicing: voicingInline, ink: inkInline, reading: async (req) => settleReading(req) };

/** Where a フリガナ part's print is held against its known readings (settleReading): the preprocessing worker, or inline. */
export type ReadingSettler = (req: ReadingChoiceRequest) => Promise<string>;

/**
 * Second reads of 氏名, フリガナ and 住所, the fields whose alphabet is open: each is planned (FieldPlan) and
 * run by one runner that reads the region again at other scales and modes, keeps every reading as a
 * candidate with its provenance and lets one resolver choose, with the cross-checks it has: フリガナ against
 * the known readings of the name (with `names`), a 住所 row against the address master.
 * Returned as a patch (the caller applies it with `applyReread` and extracts the fields again), so it can run
 * beside other work on the same lines.
 */
export async function rereadPatch(
  pool: TesseractPool,
  card: GrayImage,
  read: RecognizedLine[],
  textLines: TextLine[],
  ex: Extracted,
  addresses: AddressMaster | null = null,
  names: NameReadings | null = null,
  pixels: RereadPixels = INLINE_PIXELS,
): Promise<RereadPatch> {
  const { variants: render, shape: settle, glyph, voicing, ink, reading } = pixels;
  // the lines as the fields were found in them: a line joined across fields is two or three (splitJoinedLines)
  const whole = new Map<RecognizedLine, RecognizedLine>();
  const lines = splitJoinedLines(read).flatMap((parts, i) => {
    if (parts.length > 1) for (const p of parts) whole.set(p, read[i]!);
    return parts;
  });
  const charsOf = (l: RecognizedLine): CharBox[] => {
    const chars = textLines[read.indexOf(whole.get(l) ?? l)]?.chars ?? [];
    return whole.has(l) ? chars.filter((c) => c.x1 >= l.x0 - 1 && c.x0 <= l.x1 + 1) : chars;
  };
  // the 氏名 as chosen (the フリガナ's cross-check reads it)
  let nameRead: string | null = null;
  // settled when the name's plan has run (the フリガナ's cross-check waits for it)
  let nameFinished: () => void = () => undefined;
  const nameDone = new Promise<void>((done) => (nameFinished = done));
  // the フリガナ as its reads give it when they all agree, each sure of it (null: they do not, or there is
  // none): the name's check waits for those reads, not for the フリガナ's choice (which waits for the name)
  let kanaPrinted: (kana: string | null) => void = () => undefined;
  const printedKana = new Promise<string | null>((done) => (kanaPrinted = done));
  // each plan runs as soon as it is made: the address rows' reads are queued while the name's ink is still
  // being measured in the preprocessing worker (a round trip each), not once every plan is made
  const drop = new Set<RecognizedLine>();
  const add: RecognizedLine[] = [];
  const running: Promise<void>[] = [];
  let kanaPlanned = false;
  const start = (p: FieldPlan): void => {
    const run = runPlan(p).then((r) => {
      p.done?.(r);
      if (!r) return;
      for (const l of r.drop) drop.add(l);
      add.push(r.line);
    });
    // a plan that failed still lets the rows under it go on
    void run.catch(() => p.done?.(null));
    if (p.field === 'name') void run.finally(nameFinished).catch(() => undefined);
    if (p.field === 'nameKana') kanaPlanned = true;
    running.push(run);
  };
  const A = T.addressRow;

  // 住所: row by row, value part only; pieces of a row the line finder split off (a small パ, a dakuten) are
  // joined back in, so the row is read as one line
  const addr = ex.sources.address;
  if (addr) {
    const others = [ex.sources.name, ex.sources.nameKana, ex.sources.birthDate, ex.sources.expiryDate, ex.sources.sex].filter((x): x is FieldSource => !!x);
    const taken = new Set<RecognizedLine>();
    const seeds = lines.filter((l) => inside(l, addr, 2)).sort((a, b) => a.y0 - b.y0);
    // the rows above, as first read: a row's reads are checked against the master after them (西区… after さいたま市)
    let above = '';
    // … and as chosen: a row's reads are judged once the rows above are settled (a first row misread 西臼桁ゝ郡,
    // its second reads 西臼杵郡: the 番地 of the row under it is found after the place as chosen)
    let chosenAbove: Promise<string> = Promise.resolve('');
    // where the address's value starts (after a 住所 label read on its first row): the rows' common left edge
    const top = seeds[0];
    const topLabel = top ? leadingLabel(top.text) : null;
    const valueX = top ? ((topLabel ? top.symbols[LABEL[topLabel].len]?.x0 : undefined) ?? top.x0) : addr.x;
    for (const seed of seeds) {
      if (taken.has(seed)) continue;
      taken.add(seed);
      const row = [seed];
      for (let grew = true; grew; ) {
        grew = false;
        const r = union(row);
        for (const l of lines) {
          if (taken.has(l) || others.some((o) => inside(l, o, 2))) continue;
          // a piece read as junk is a character split off only when it lies close (ハ of ハイツ, its strokes apart)
          const near = Math.max(l.x0 - r.x1, r.x0 - l.x1) <= A.closeGap * seed.glyphH;
          if (l.confidence < A.minPieceConfidence && !near) continue;
          // left of where the field finder found the value, only the 住所 label with the row's first characters
          // after it (住所 茨城 | 県北茨城市…) belongs to the row; another piece there is the label misread (條所)
          const label = leadingLabel(l.text);
          const labelWithValue = label === 'address' && valueText(l.text, label).length > 0;
          if ((label && !labelWithValue) || (l.x1 < addr.x && !labelWithValue)) continue;
          // of the row's size by its glyphs or by its box: the line finder's glyph height runs low on a row whose
          // characters it found in pieces (鹿児島県 at 20 px in a box 36 px tall, the row's next piece 34 in 35)
          const sized = (a: number, b: number): boolean => a >= A.minSize * b && a <= A.maxSize * b;
          if (!sized(l.glyphH, seed.glyphH) && !sized(l.y1 - l.y0, seed.y1 - seed.y0)) continue;
          const oy = Math.min(l.y1, r.y1) - Math.max(l.y0, r.y0);
          const gap = Math.max(l.x0 - r.x1, r.x0 - l.x1);
          if (oy >= A.overlap * Math.min(l.y1 - l.y0, seed.y1 - seed.y0) && gap <= A.maxGap * seed.glyphH) {
            row.push(l);
            taken.add(l);
            grew = true;
          }
        }
      }
      row.sort((a, b) => a.x0 - b.x0);
      const head = row[0]!;
      const label = leadingLabel(head.text);
      const skip = label ? LABEL[label].len : 0;
      const x0 = skip > 0 ? head.symbols[skip]?.x0 : head.x0;
      if (x0 === undefined) continue;
      const glyphH = Math.max(...row.map((l) => l.glyphH));
      // the next row's start as first read: a building's name may go on there from this row's end (号バ | ークハウス)
      const next = seeds.find((l) => l.y0 > seed.y0 && !taken.has(l));
      const below = next ? compact(valueText(next.text, leadingLabel(next.text))) : '';
      // a row under the first starts flush with the address: one found a little right of its edge is read from
      // the edge, with the stretch between kept (a faint dash the line finder left out: 上6-22 | -15)
      const flush = seed !== seeds[0] && head.x0 > valueX && head.x0 - valueX <= A.flushReach * glyphH;
      const u = flush ? { ...union(row), x0: valueX } : union(row);
      const lead: CharBox[] = flush ? [{ x0: valueX, y0: u.y0, x1: head.x0 - 1, y1: u.y1 }] : [];
      const chars = [...lead, ...row.flatMap(charsOf)].filter((c) => c.x1 >= x0 - 1 || flush);
      const rect = { ...u, x0: flush ? valueX : Math.max(u.x0, x0 - 1) };
      const orig: Cand = {
        text: [valueText(head.text, label), ...row.slice(1).map((l) => l.text)].join(''),
        confidence: Math.min(...row.map((l) => l.confidence)),
        symbols: [...head.symbols.slice(skip), ...row.slice(1).flatMap((l) => l.symbols)],
      };
      // a long line costs the model most: one the address master and the model both vouch for is kept; one
      // of the right shape the model is fairly sure of needs one agreeing read in another mode
      const shapely = row.length === 1 && addresses !== null && addressRowIsSure(orig.text, 1, seed === seeds[0], addresses);
      let before = above;
      above += orig.text;
      const rowsAbove = chosenAbove;
      // a first row that is a place the master spells whole (福岡県大野城市, 奈良県磯城郡 | …), read surely, is kept too
      const placeOnly = row.length === 1 && addresses !== null && seed === seeds[0] && orig.confidence >= A.sureConfidence && addressRowIsPlaceOnly(orig.text, addresses);
      if (placeOnly || (shapely && orig.confidence >= (seed === seeds[0] ? A.placedConfidence : A.sureConfidence))) {
        chosenAbove = rowsAbove.then((t) => t + orig.text);
        continue;
      }
      // this row's reading as chosen (its first read when no reading replaces it), for the rows under it
      let chosen = orig.text;
      let rowChosen: () => void = () => undefined;
      chosenAbove = Promise.all([rowsAbove, new Promise<void>((done) => (rowChosen = done))]).then(([t]) => t + chosen);
      const checkOnce = shapely && orig.confidence >= A.checkOnceConfidence;
      // the address master's checks of a read, after the rows above (as first read until they are chosen)
      const placesClean = addresses ? byText((t) => blockIsClean(t, addresses) === true) : null;
      const placed = placesClean ? (c: Cand): boolean => placesClean(before + c.text) : undefined;
      const placesFound = addresses ? byText((t) => masterSupport(t, addresses)) : null;
      start({
        field: 'address',
        first: orig,
        read: (vs) => readVariants(pool, card, rect, glyphH, chars, vs, { render }),
        variants: checkOnce ? ADDRESS_CHECK_FIRST : V.address,
        firstBatch: checkOnce ? 1 : T.firstBatch,
        key: addressKey,
        // (a mark no address holds is a speck the model read: コー※ポ山田)
        clean: (c) => withoutMarksNoAddressHolds(withoutDoubledGlyphs(c, chars)),
        // a read the master places (after the rows above) and whose 番地 is all digits and joins beats reads
        // with kana in it (下鴨クー１４, ２４オー１２ on a second row) and reads it cannot place at all (和解島県利根前…)
        eligible: placed,
        vouched: placed,
        // … and one it places, clean, that the model is sure of is not read again (on four tuning sets 75 such
        // reads changed nothing the finish below did not); the finish still runs (a join read as a gap)
        settled: placed !== undefined && orig.confidence >= A.sureConfidence && placed(orig),
        // the places the address master finds in the row (after the rows above) speak for a reading
        // … and the building's name after the 番地 is written like the country's place names (青葉, not 育葉)
        support: () => (placesFound && addresses ? (c: Cand): number => T.cross.masterWeight * placesFound(before + c.text) + T.cross.placeWordWeight * buildingWordlikeness(before, c.text, addresses) : undefined),
        check: 'lexicon',
        after: rowsAbove.then((t) => {
          before = t;
        }),
        done: (r) => {
          if (r) chosen = valueText(r.line.text, label);
          rowChosen();
        },
        finish: async (best0, all) => {
          const blockVoted = addresses ? buildingByVote(blockByVote(best0, all, before, addresses), all, before, addresses) : best0;
          const voted = await settleVoicing(blockVoted, card, u, BUILDING_WORDS, voicing, below);
          // the 番地 is found after the rows above (a row may begin with the 町域, or inside the 番地): this row's part of it
          const found = addresses ? blockToMend(compact(before) + voted.text, addresses) : null;
          const skipped = [...compact(before)].length;
          const part = found && found.end > skipped ? { start: Math.max(0, found.start - skipped), end: found.end - skipped } : null;
          // only when this row's own part of it holds a character that is no digit or join, or a space between
          // two numbers (a join the model saw as a gap: ５－３４ ２３)
          const own = part ? [...compact(voted.text)].slice(part.start, part.end) : [];
          const odd = own.some((ch, i) => !BLOCK_CHAR.test(ch) || numeralAfterDigits(own, i));
          const gap = part !== null && !odd && gapBetweenNumbers(voted.text, part);
          const at = part && (odd || gap) ? part : null;
          const best = at === null ? voted : await mendBlock(pool, card, voted, at, rect, glyphH, chars, render, gap);
          if (best.text === orig.text && best.provenance === 'first-read' && row.length === 1) return null;
          return {
            drop: row,
            line: { ...u, glyphH, text: label ? `${compact(head.text).slice(0, skip)} ${best.text}` : best.text, confidence: best.confidence, symbols: [...head.symbols.slice(0, skip), ...best.symbols] },
          };
        },
      });
    }
    // a row right under the 住所, left-aligned with it, that the model could not read at all: the end of the
    // 番地 wrapped onto a row of its own (１１, two thin strokes, read as nothing), read again as a 番地
    const rowH = seeds.length > 0 ? Math.max(...seeds.map((l) => l.glyphH)) : addr.height;
    // … only where the 番地 can go on: the address so far ends in a number, 番, 地, 目 or a dash (not in 号)
    // (or in a 一 after a digit: the dash before a wrapped number, read as the numeral: ３－３０一 | １)
    const goesOn = /(?:[0-9０-９番地目\-－ー‐−]|[0-9０-９]一)$/.test(compact(above));
    for (const l of goesOn ? lines : []) {
      if (compact(l.text).length > 0 && l.confidence >= A.minPieceConfidence) continue;
      if (taken.has(l) || others.some((o) => inside(l, o, 2)) || inside(l, addr, 2)) continue;
      const below = l.y0 - (addr.y + addr.height);
      if (below < 0 || below > A.unreadRowBelow * rowH || Math.abs(l.x0 - valueX) > A.unreadRowAlign * rowH) continue;
      if (l.glyphH < A.minSize * rowH || l.glyphH > A.maxSize * rowH) continue;
      start({
        field: 'address',
        first: null,
        read: (vs) => readVariants(pool, card, l, l.glyphH, charsOf(l), vs, { whitelist: BLOCK_CHARS, render }),
        variants: V.block,
        firstBatch: V.block.length,
        key: addressKey,
        // a 番地 of its own, or the rest of the one above (２６番１７ | 号)
        keep: (c) => BLOCK.test(compact(c.text)) || BLOCK.test(blockTail(above) + compact(c.text)),
        finish: async (best) => ({ drop: [l], line: { ...l, text: best.text, confidence: best.confidence, symbols: best.symbols } }),
      });
    }
  }

  // 氏名: the whole row (both halves, the gap between them) as one line, whatever the line finder made of it
  const N = T.nameRow;
  const nameSrc = ex.sources.name;
  // a line that begins with the 氏名 label (a design setting it beside the name) gives its value: the label and
  // the value become parts of the read line, as a line joined across fields does, so the label stays when the
  // name is replaced
  // … and where no line was found to be the name, the one beside its label: a name read as no name at all
  // (LOPEZ ANA PAULA in a serif read as 箇0ツ層較2 AINAEBAIMIIEA, 0.14) is still read again as a name
  const unfound = nameSrc ? null : valueBesideLabel(lines, 'name', ex);
  const nameLines = unfound
    ? [unfound]
    : nameSrc
    ? lines
        .filter((l) => inside(l, nameSrc, 2))
        .flatMap((l) => {
          const label = leadingLabel(l.text);
          if (!label) return [l];
          const parts = label === 'name' ? labelAndValue(l) : null;
          if (!parts) return [];
          const from = whole.get(l) ?? l;
          whole.delete(l);
          for (const p of parts) whole.set(p, from);
          return [parts[1]];
        })
    : [];
  // read again in roman capitals on a foreign resident's card, and wherever the name was read mostly as them (a
  // roman name the model half read: GAXR⑤IA DAVID, or junk beside the label), whatever design the card was
  // taken for (one whose roman name went misread is taken for a national's)
  const readAsRoman = ex.layout === 'foreign' || (nameLines.length > 0 && mostlyCapitals(nameLines.map((l) => l.text).join('')));
  if (nameLines.length > 0 && !readAsRoman) {
    // pieces of the name the line finder split off or left out (a character broken in two by blur): on the
    // name's row, right after it
    // the name's height as the field finder measures it: the line finder's glyph height or its box, the larger
    // (thin strokes measure small: 松本 27 px by glyphs in a 43 px box, さくら after it 70 px on)
    const maxH = Math.max(...nameLines.map((l) => Math.max(l.glyphH, l.y1 - l.y0 + 1)));
    const nameGlyph = Math.max(...nameLines.map((l) => l.glyphH));
    for (let grew = true; grew; ) {
      grew = false;
      const r = union(nameLines);
      for (const l of lines) {
        // a piece of a broken character may read as anything, but never as another field's text (the roman
        // name printed beside the kanji name on some designs, a date, an address, a label) — unless a line of
        // its own, measured as large as the name: no other Japanese field is printed so (正人 read 町5, an
        // address by its text, 42 px tall as 岡田 beside it, where the address is 25 px). A part of a line
        // joined across fields has the whole line's height, not its own
        if (nameLines.includes(l) || leadingLabel(l.text) || l.glyphH < N.minPieceSize * maxH) continue;
        const kind = classifyLine(l, maxH).kind;
        const nameSized = !whole.has(l) && kind !== 'roman-name' && l.glyphH >= N.nameSized * nameGlyph;
        if (!nameSized && NOT_NAME_PIECE.has(kind)) continue;
        const oy = Math.min(l.y1, r.y1) - Math.max(l.y0, r.y0);
        const after = l.x0 >= r.x1 - 2 && l.x0 <= r.x1 + N.maxGap * maxH;
        // … or, measured as large as the name, right before it: the family name read as no name (菅原 read ーー
        // left of 陽翔, which alone the field finder took for the name)
        const before = nameSized && l.x1 <= r.x0 + 2 && l.x1 >= r.x0 - N.maxGap * maxH;
        if (oy >= N.overlap * Math.min(l.y1 - l.y0, r.y1 - r.y0) && (after || before)) {
          nameLines.push(l);
          grew = true;
        }
      }
    }
    // left to right: the lines come biggest first, and a name read as 智子上田 agrees with no second read
    nameLines.sort((a, b) => a.x0 - b.x0);
    const rect = union(nameLines);
    const chars = nameLines.flatMap(charsOf);
    // the name's character size: kanji are about as tall as wide; a character broken in pieces is narrower
    // and one joined with its ruby taller, so the larger of the two measures
    const lineH = median(nameLines.map((l) => l.glyphH));
    const glyphW = median(chars.map((c) => c.x1 - c.x0 + 1).filter((w) => w > N.minCharWidth * lineH));
    // ルビ (フリガナ) above or the roman name below may touch the name: only the name's own rows are read
    const rows = await textBand(card, rect, Math.max(glyphW, lineH, N.bandFloor * (rect.y1 - rect.y0 + 1)), ink);
    const band0 = rows ? { ...rect, ...rows } : rect;
    const glyphH = Math.min(band0.y1 - band0.y0 + 1, Math.max(...nameLines.map((l) => l.glyphH)));
    // a first character the line finder broke apart and gave to other lines (吉 of 吉田: its 士 a line of its own
    // read ービ, its 口 joined to the roman name under it) is the name's ink right before it, on its rows
    // (the card's labels are not: those read as one and those the field finder takes for one by their shape,
    // a 氏名 read 青名 beside the name)
    const labels = classifyLines(lines).filter((c) => c.label !== null || c.kind === 'label').map((c) => c.line);
    const lead = await leadingInk(card, band0, glyphH, labels, ink);
    const band = lead ? { ...band0, x0: lead.x0 } : band0;
    if (lead) chars.push(lead);
    const gapAt = await widestGap(card, band, glyphH, ink);
    const joined = nameLines.map((l) => l.text.replace(/[\s\u3000]+/g, '')).join('');
    const syms = dedupe(nameLines.flatMap((l) => l.symbols), glyphH);
    // the lines' own spaces kept (杉山 蓮): the split the first read saw votes with the second reads'
    const spaced = nameLines.map((l) => l.text.trim()).join(' ');
    const symText = syms.map((x) => x.text).join('');
    const orig: Cand = { text: syms.length && symText !== joined ? symText : spaced, confidence: Math.min(...nameLines.map((l) => l.confidence)), symbols: syms };
    // how many characters the print shows before its gap, counted in cells (the symbols' boxes lie up to one off)
    const familyCells = gapAt === null ? null : pitchCells(chars.filter((c) => c.x1 < gapAt), glyphH).length;
    // … and after it
    const givenCells = gapAt === null ? null : pitchCells(chars.filter((c) => c.x0 > gapAt), glyphH).length;
    const plan: FieldPlan = {
      field: 'name',
      first: orig,
      read: (vs) => readVariants(pool, card, band, glyphH, chars, vs, { rows: rows ?? undefined, render }),
      variants: V.name,
      firstBatch: T.firstBatch,
      // kanji the model is sure of, as one line or as lines whose text the name tables know as a family and a
      // given name (a character broken in two reads as two: no known name)
      // (not when ink of it was found before its lines: the first read left that character out)
      settled: !lead && orig.confidence >= N.sureConfidence && /^[\p{Script=Han}々]{2,8}$/u.test(compact(orig.text)) && (nameLines.length === 1 || (names !== null && knownNameSupport(orig.text, names) === 1)),
      key: compact,
      clean: nameOnly,
      // a line found only by its label was read as no name: a reading of it counts only as a name the tables
      // know (family and given), or the field stays empty for the clerk rather than filled with a misread
      keep: unfound ? (c) => names !== null && knownNameSupport(c.text, names) === 1 : undefined,
      vouched: names ? (c: Cand): boolean => knownNameSupport(c.text, names) === 1 : undefined,
      // how names are written: among the model's own readings, one that is a known family + given name
      // … and the print's characters: a reading with as many in each part as the print shows cells (森　恵, not
      // 森　上恵 with 恵's top strokes read as a character of their own)
      // (the family part not counted when ink was found before its lines: that may be the name's or a label's)
      support: () => (c: Cand): number => (names ? T.cross.lexiconWeight * knownNameSupport(c.text, names) : 0) + T.cross.printedCellsWeight * cellsAgreement(c.text, [lead ? null : familyCells, givenCells]),
      check: 'lexicon',
      finish: async (best, all) => {
        const split = splitAt(best, gapAt, all, familyCells);
        // the model has no 髙 﨑 邉…: the printed shape picks the variant
        const read = split && kanjiLookAlikes(split);
        // a read that is no known name: the known names one character away, for the print to choose from;
        // and those whose reading is the フリガナ the print shows, where the read's is not (和志 under カズヤ: 和也);
        // and the known names the other reads spell one character away (夢 over 蓮 and 運: the model was unsure)
        const kana = read && names ? await printedKana : null;
        const others = read && names ? namesOtherReadsSpell(read, all, (c) => splitAt(c, gapAt, all, familyCells), names) : [];
        const proposals = read && names ? [...knownNameProposals(read, names), ...(kana ? namesReadAs(read, kana, names) : []), ...others] : [];
        const shaped = read && (await settle(shapeRequest(card, band, read, gapAt, proposals)));
        if (!read || !shaped) return null;
        // ... but a look-alike the shape chose never turns a known name into an unknown one (池田 → 池申)
        const text = names ? keepKnownParts(read, shaped, names) : shaped;
        nameRead = text;
        // a variant chosen by shape is the reader's judgement, not the model's: the clerk is asked to look
        const was = [...read.replace(/\u3000/g, '')];
        const now = [...text.replace(/\u3000/g, '')];
        const changed = now.map((c, i) => c !== was[i]);
        const symbols = changed.some(Boolean) && best.symbols.length === now.length ? best.symbols.map((sym, i) => (changed[i] ? { ...sym, text: now[i]!, confidence: Math.min(sym.confidence, N.shapeCharConfidence) } : sym)) : best.symbols;
        const confidence = changed.some(Boolean) ? Math.min(best.confidence, N.shapeFieldConfidence) : best.confidence;
        return { drop: nameLines, line: { x0: band.x0, y0: band.y0, x1: band.x1, y1: band.y1, glyphH, text, confidence, symbols } };
      },
    };
    start(plan);
    // フリガナ (next-generation card): the small katakana row just above the name
    if (ex.layout === 'next-gen' || ex.fields.nameKana.value) {
      const K = T.kanaRow;
      // left to right: the family name's ruby first
      const kanaLines = ex.sources.nameKana ? lines.filter((l) => inside(l, ex.sources.nameKana!, 2)).sort((a, b) => a.x0 - b.x0) : [];
      const top = band.y0 - K.reachAbove * glyphH;
      const area: Rect = { x0: rect.x0 - K.margin * glyphH, y0: Math.max(0, top), x1: Math.max(rect.x1, ...kanaLines.map((l) => l.x1)) + K.margin * glyphH, y1: band.y0 - 1 };
      let kb0 = await inkBox(card, area, K.inkWindow * glyphH, ink);
      // ruby cut by the search area's top (a design that sets it further above the name): the area grows
      // upwards until the row's top is inside it
      for (let reach: number = K.reachAbove; kb0 && kb0.y0 <= area.y0 + 1 && area.y0 > 0 && reach < K.reachAboveMax; ) {
        reach = Math.min(K.reachAboveMax, reach + K.reachStep);
        area.y0 = Math.max(0, band.y0 - reach * glyphH);
        kb0 = await inkBox(card, area, K.inkWindow * glyphH, ink);
      }
      // a reading is often wider than its kanji (コウスケ over 康介): the row goes on to the right as far as its ink does
      const kb = kb0 && (await rowContinuesRight(card, kb0, Math.min(card.width - 1, rect.x1 + K.reachRight * glyphH), K.inkWindow * glyphH, K.maxGap * (kb0.y1 - kb0.y0 + 1), ink));
      if (kb && kb.y1 - kb.y0 + 1 >= K.minHeight * glyphH) {
        const kh = kb.y1 - kb.y0 + 1;
        const krun = await blankRun(card, kb, kh, ink);
        const kgap = krun && runMiddle(krun);
        // the row as a field's place, and the glyphs the line finder saw in it (the lines inside it, whatever
        // their first reads made of them)
        const row: FieldSource = { x: kb.x0, y: kb.y0, width: kb.x1 - kb.x0, height: kb.y1 - kb.y0, raw: '', charConfidence: [] };
        const rowChars = textLines.filter((l) => inside(l, row, K.rowLineSlack * kh)).flatMap((l) => l.chars ?? []);
        // ruby the line finder found as two lines is the family and the given name's
        const kanaFirst: Cand | null = kanaLines.length ? { text: kanaLines.map((l) => compact(l.text)).join(kanaLines.length === 2 ? ' ' : ''), confidence: Math.min(...kanaLines.map((l) => l.confidence)), symbols: kanaLines.flatMap((l) => l.symbols) } : null;
        start({
          field: 'nameKana',
          first: kanaFirst,
          read: async (vs) => {
            const reads = await readVariants(pool, card, kb, kh, null, vs, { whitelist: KANA_WHITELIST, render }).catch((err: unknown) => {
              kanaPrinted(null);
              throw err;
            });
            kanaPrinted(unanimous([...(kanaFirst ? [kanaFirst] : []), ...reads].map((c) => withoutRepeatedGlyphs(c, kh)))?.text ?? null);
            return reads;
          },
          variants: V.kana,
          firstBatch: V.kana.length,
          key: compact,
          // a glyph of letter-spaced ruby read twice, or a sliver of one read as a character, is dropped
          clean: (c) => withoutRepeatedGlyphs(c, kh),
          keep: (c) => isKatakanaText(c.text),
          // the name's known readings speak for the reading that matches them
          after: nameDone,
          support: () => (names && nameRead ? (c: Cand): number => T.cross.readingWeight * readingSupport(c.text, nameRead!, names) : undefined),
          finish: async (whole, cands) => {
            // the family and the given name's reading resolved each on its own: one read may have the one
            // right and another read the other (フクダータタ, ラクザータクヤ)
            const printed = printedGlyphs(rowChars, krun, kh);
            const best = byParts(whole, cands, krun, kh, nameRead && names ? partSupport(nameRead, names) : null, printed);
            const split = splitAt(best, kgap, cands);
            if (!split) return null;
            const trimmed = trimKanaTail(split);
            // the symbols of the dropped 長音 go with them (symbols spell the reading without its space)
            const kept = split.split('\u3000').flatMap((p, i) => [...p].map((_, j) => j < [...trimmed.split('\u3000')[i]!].length));
            const symbols = trimmed === split || best.symbols.length !== kept.length ? best.symbols : best.symbols.filter((_, i) => kept[i]);
            // reads that all say the same, each sure of it, are what the print shows: the name tables do not
            // change them (カズヤ read three times over 和也, its 也 read 志: the name is the doubtful one)
            // … unless the print shows more glyphs in a part than they read (a pale kana lost by every read: ミ over
            // ミホ): then that part alone is judged
            const agreed = unanimous(cands) !== null;
            const lost = trimmed.split('\u3000').map((p, i) => printed !== null && i < 2 && [...p].length < printed[i]!);
            const judgedPart = (i: number): boolean => !agreed || lost[i] === true;
            const judged = nameRead !== null && names !== null && (!agreed || lost.some((x) => x));
            // a part one kana off the one reading the name tables give for the name beside it is that reading:
            // the tables' judgement, not the print's, so the clerk is asked to look
            const snapped = judged ? onlyParts(snapToKnownReading(trimmed, nameRead!, names!), trimmed, judgedPart) : trimmed;
            // a part still no reading the tables know for its kanji is read once more with only the kana of those
            // readings allowed: a read that then spells one of them exactly is taken (シバタ for 柴田 read ンパタ)
            // the print of a part's glyphs, for its shape test against the readings of that many kana
            const glyphBoxes = printedGlyphBoxes(rowChars, kh);
            const byPrint = async (part: 0 | 1, readings: string[], was: string): Promise<string> => {
              const mid = krun ? runMiddle(krun) : null;
              const boxes = mid === null ? [] : glyphBoxes.filter((b) => ((b.x0 + b.x1) / 2 < mid) === (part === 0));
              return boxes.length === [...readings[0]!].length ? await reading(readingRequest(card, boxes, was, readings)) : was;
            };
            const reRead = (rect: Rect, whitelist: string): Promise<Cand[]> => readVariants(pool, card, rect, kh, null, [V.kana[0]!], { whitelist, render }).then((cs) => cs.map((c) => withoutRepeatedGlyphs(c, kh)));
            const text = judged ? onlyParts(await readAsKnownReading(snapped, nameRead!, names!, krun, kb, reRead, printed, byPrint), snapped, judgedPart) : snapped;
            const confidence = text === trimmed ? best.confidence : Math.min(best.confidence, N.shapeFieldConfidence);
            // every line the row's ruby was found as goes (the family's, a kana apart, the given name's), not only
            // those the field finder took
            const drop = [...new Set([...kanaLines, ...lines.filter((l) => inside(l, row, K.rowLineSlack * kh) && isKatakanaText(compact(l.text)))])];
            return { drop, line: { x0: kb.x0, y0: kb.y0, x1: kb.x1, y1: kb.y1, glyphH: kh, text, confidence, symbols: text === trimmed ? symbols : [] } };
          },
        });
      }
    }
  }
  // 氏名 in roman letters (the foreign resident's card): read again as capitals only, the reads vote (the
  // model's I/L/T/J at a name's end: MEI read MEIL or MET, RAJ read RAT)
  if (nameLines.length > 0 && readAsRoman) {
    const rect = union(nameLines);
    const glyphH = Math.max(...nameLines.map((l) => l.glyphH));
    const roman = (t: string): string => t.replace(/[\s\u3000]+/g, ' ').trim();
    const orig: Cand = { text: roman(nameLines.map((l) => l.text).join(' ')), confidence: Math.min(...nameLines.map((l) => l.confidence)), symbols: nameLines.flatMap((l) => l.symbols) };
    // the words the print shows, where the name is one row (the reads of the same letters differ in their
    // spaces: JI HOON read JIHOON)
    const row0 = nameLines[0]!;
    const oneRow = nameLines.every((l) => Math.min(l.y1, row0.y1) - Math.max(l.y0, row0.y0) >= N.overlap * Math.min(l.y1 - l.y0, row0.y1 - row0.y0));
    const gaps = oneRow ? printedWordGaps(nameLines.flatMap(charsOf), glyphH) : null;
    const words = wordsBetween(gaps);
    // the letters the print shows: the line finder's pieces of the name (roman capitals stand apart)
    const letters = nameLines.flatMap(charsOf).length;
    start({
      field: 'name',
      first: orig,
      read: (vs) => readVariants(pool, card, rect, glyphH, nameLines.flatMap(charsOf), vs, { whitelist: ROMAN_WHITELIST, render }),
      variants: V.roman,
      firstBatch: T.firstBatch,
      key: compact,
      clean: (c) => ({ ...c, text: roman(c.text) }),
      keep: (c) => /^[A-Z][A-Z ,.'-]*$/.test(c.text),
      // a sure read of as many words as the print shows, ending in a letter the model takes for no other, is
      // settled by one agreeing read (a last I J L T is left to the reads' disagreement and its shape)
      vouched: words === null ? undefined : (c) => /^[A-Z][A-Z ,.'-]*$/.test(roman(c.text)) && wordCount(c.text) === words && latinLookAlikesOf(roman(c.text).at(-1) ?? '').length === 0,
      prefer: words === null ? undefined : (c) => wordCount(c.text) === words,
      // … and a reading spaced as the print is spoken for, a little; one with as many letters as the line finder
      // found pieces in the name, more (a letter at a word's edge dropped by most reads: ILLER over MILLER)
      support: () => (c: Cand): number => (words !== null && wordCount(c.text) === words ? T.cross.wordsWeight : 0) + (compact(roman(c.text)).length === letters ? T.cross.lettersWeight : 0),
      check: 'shape',
      finish: async (best, all) => {
        // the name's last letter, when the reads disagree on it among the letters the model takes for each other
        // (RAJ read RAT and RAI), as its print shows it; letter reads that all agree stand (a blurred J's hook is
        // faint), and a read ending in another letter altogether (RAU) is no disagreement on an I, J, L or T
        const split = lastLetterInDoubt(best.text, all.map((c) => c.text));
        const shaped = split ? await lastLetterByShape(best.text, nameLines.flatMap(charsOf), card, glyph) : best.text;
        // the letter the print shows picks among the model's reads those that end in it (LE MEIL and LE MEI, read
        // twice each, the print's last letter an I: LE MEI, not MEIL with its L made I); only when no read does is
        // it put in place of the chosen read's last letter (RAT and RAI, the print a J: RAJ)
        const endingSo = shaped === best.text ? [] : all.filter((c) => c.text.at(-1) === shaped.at(-1));
        const read = endingSo.length > 0 ? consensus(endingSo, compact) : null;
        const letters = read ? read.text : shaped;
        // a word gap of the print every read ran together (JI HOON read JIHOON): a space where the letters'
        // boxes place it (the last letter's change moves no box)
        const text = gaps === null ? letters : spacedAsPrinted(letters, read ? read.symbols : best.symbols, gaps, glyphH, printedLetters(nameLines.flatMap(charsOf)));
        if (text === best.text && best.provenance === 'first-read') return null;
        const confidence = text === best.text ? best.confidence : Math.min(read?.confidence ?? best.confidence, N.shapeFieldConfidence);
        return { drop: nameLines, line: { ...rect, glyphH, text, confidence, symbols: text === best.text ? best.symbols : (read?.symbols ?? []) } };
      },
    });
  }
  if (!kanaPlanned) kanaPrinted(null);
  await Promise.all(running);
  // a part of a split line replaced: the whole line goes, and its parts no field took stay as they were
  for (const [part, line] of whole) if (drop.has(part)) drop.add(line);
  for (const [part, line] of whole) if (drop.has(line) && !drop.has(part)) add.push(part);
  return { drop: new Set(read.flatMap((l, i) => (drop.has(l) ? [i] : []))), add };
}

/**
 * 1 when a name reading splits (at its space, or anywhere when it has none) into a known family name and a
 * known given name, ½ when only one part is known, 0 otherwise.
 */
export function knownNameSupport(text: string, names: NameReadings): number {
  const parts = text.trim().split(/[\s\u3000]+/);
  const splits: [string, string][] = parts.length === 2 ? [[parts[0]!, parts[1]!]] : parts.length === 1 ? [...parts[0]!].slice(1).map((_, i) => [[...parts[0]!].slice(0, i + 1).join(''), [...parts[0]!].slice(i + 1).join('')]) : [];
  let best = 0;
  for (const [f, g] of splits) best = Math.max(best, (names.known(f, '姓') ? 0.5 : 0) + (names.known(g, '名') ? 0.5 : 0));
  return best;
}

/**
 * ½ for each part of a name reading (family and given, split at its space) with as many characters as the print
 * shows cells there (null: not counted); 0 for a reading that is not two parts.
 */
export function cellsAgreement(text: string, cells: readonly [number | null, number | null]): number {
  const parts = text.trim().split(/[\s\u3000]+/);
  if (parts.length !== 2) return 0;
  return parts.reduce((s, p, i) => s + (cells[i] !== null && [...p].length === cells[i] ? 0.5 : 0), 0);
}

/**
 * The known names one character away from a kanji name read as "family　given", for the part (or parts) the
 * name tables do not know: each proposal changes one part by one character. Empty when both parts are known
 * (a read the tables vouch for is not second-guessed) or the read is not two parts; a part in kana (あかり) is
 * proposed nothing, the other part still is.
 */
export function knownNameProposals(name: string, names: NameReadings): string[] {
  const parts = name.split('\u3000');
  if (parts.length !== 2) return [];
  const [family, given] = parts as [string, string];
  // each part in kanji on its own: a given name in kana (五十風　あかり) leaves the family name's proposals
  const kanji = (p: string): boolean => /^[\p{Script=Han}々]+$/u.test(p);
  const out: string[] = [];
  if (kanji(family) && !names.known(family, '姓')) for (const f of names.oneOff(family, '姓')) out.push(`${f}\u3000${given}`);
  if (kanji(given) && !names.known(given, '名')) for (const g of names.oneOff(given, '名')) out.push(`${family}\u3000${g}`);
  return out;
}

/**
 * The known names the model's other reads of a kanji name spell, where they differ from the chosen read
 * ("family　given") by one character and have as many in each part: 久保　夢 chosen by three reads, 久保　蓮
 * and 久保　運 by the others. Reads that disagree on a character say the model could not tell it; the print
 * chooses among what they spell (the same shape test as for the known names one character away), and a
 * spelling the name tables do not know as a family and a given name is no proposal. A read is taken part by
 * part: one that misread the other part as well still spells this one (圭木　蓮 under 青木　夢 chosen: 青木　蓮).
 * `split` spells a read as "family　given" as the chosen one was split.
 */
export function namesOtherReadsSpell(read: string, reads: readonly Cand[], split: (c: Cand) => string | null, names: NameReadings): string[] {
  const parts = read.split('\u3000');
  if (parts.length !== 2) return [];
  const chars = [...parts.join('')];
  const out = new Set<string>();
  for (const c of reads) {
    const t = split(c);
    const q = t?.split('\u3000');
    if (!t || t === read || q?.length !== 2 || [...q[0]!].length !== [...parts[0]!].length || [...q[1]!].length !== [...parts[1]!].length) continue;
    // the read whole, and each of its parts beside the chosen read's other part
    for (const spelled of [t, `${q[0]}\u3000${parts[1]}`, `${parts[0]}\u3000${q[1]}`]) {
      const differing = [...spelled.replace('\u3000', '')].filter((ch, i) => ch !== chars[i]).length;
      if (differing === 1 && knownNameSupport(spelled, names) === 1) out.add(spelled);
    }
  }
  return [...out];
}

/**
 * The reading at least two reads give, every one of them the same (spaces aside) and each at least
 * `oneAgreeConfidence` sure of it, spelled as a read that spaces its parts; null when they differ or one is
 * unsure. What the print shows beyond doubt: the name tables do not change it.
 */
function unanimous(reads: readonly Cand[]): Cand | null {
  const text = reads[0] && compact(reads[0].text);
  if (reads.length < 2 || !reads.every((c) => compact(c.text) === text && c.confidence >= T.oneAgreeConfidence)) return null;
  return reads.find((c) => /[\s\u3000]/.test(c.text.trim())) ?? reads[0]!;
}

/**
 * The known names one character away from a kanji name read as "family　given" whose reading is the フリガナ
 * printed beside it, for a part whose own readings do not include it (和志 under カズヤ: 和也): each changes one
 * part by one character, for the print to choose from. Empty when the フリガナ is not two parts.
 */
export function namesReadAs(name: string, kana: string, names: NameReadings): string[] {
  const parts = name.split('\u3000');
  const ks = kana.trim().split(/[\s\u3000]+/).map(toKatakana);
  if (parts.length !== 2 || ks.length !== 2 || !parts.every((p) => /^[\p{Script=Han}々]+$/u.test(p))) return [];
  const [family, given] = parts as [string, string];
  const kinds = ['姓', '名'] as const;
  const out: string[] = [];
  parts.forEach((part, i) => {
    const kind = kinds[i]!;
    const readsAs = (surface: string): boolean => names.suggest(surface, kind).map(toKatakana).includes(ks[i]!);
    if (readsAs(part)) return;
    for (const other of names.oneOff(part, kind)) if (readsAs(other)) out.push(i === 0 ? `${other}\u3000${given}` : `${family}\u3000${other}`);
  });
  return out;
}

/**
 * `after` (a name the shape tests changed), with each part that the name tables knew as read and do not know
 * as changed put back as read: the print's look-alike choice is outvoted by how names are written. A variant
 * (髙 for 高) is known through its common form, so it stays.
 */
export function keepKnownParts(before: string, after: string, names: NameReadings): string {
  const b = before.split('\u3000');
  const a = after.split('\u3000');
  if (a.length !== 2 || b.length !== 2) return after;
  const kinds = ['姓', '名'] as const;
  return a.map((part, i) => (names.known(b[i]!, kinds[i]!) && !names.known(part, kinds[i]!) ? b[i]! : part)).join('\u3000');
}

const toKatakana = (s: string): string => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

/**
 * The readings the name tables give for each part of `name` (family U+3000 given), in katakana as フリガナ is
 * printed: what every cross-check of the フリガナ with the name asks. Null when the name is not two parts.
 */
function knownReadings(name: string, names: NameReadings): [string[], string[]] | null {
  const ns = name.split('\u3000');
  if (ns.length !== 2 || !ns[0] || !ns[1]) return null;
  return [names.suggest(ns[0], '姓').map(toKatakana), names.suggest(ns[1], '名').map(toKatakana)];
}

/**
 * How far a フリガナ reading agrees with the known readings of the name read beside it: 1 when both parts are
 * readings the name tables give for the family and the given name, ½ for one. The tables rank, never force.
 */
export function readingSupport(kana: string, name: string, names: NameReadings): number {
  const [fk, gk] = kana.trim().split(/[\s\u3000]+/);
  const known = knownReadings(name, names);
  if (!fk || !gk || !known) return 0;
  return (known[0].includes(toKatakana(fk)) ? 0.5 : 0) + (known[1].includes(toKatakana(gk)) ? 0.5 : 0);
}

/**
 * The フリガナ with each part that is not a reading the name tables give for its kanji, but exactly one kana
 * off (one too many or one mistaken: イツキキ, タウツヤ, ツチダ, イカラシ; a small kana counted as full size:
 * タタャ) from exactly one of them, spelled as that reading. A part that is one of them but for a kana's size (ウェダ,
 * the model sizing エ wrong) is that reading: it is no kana off. A part further off, or as near to two readings, is
 * kept as read: the tables rank readings, they do not know every name's.
 */
export function snapToKnownReading(kana: string, name: string, names: NameReadings): string {
  const ks = kana.split('\u3000');
  const readings = knownReadings(name, names);
  if (ks.length !== 2 || !readings) return kana;
  return ks
    .map((part, i) => {
      const known = readings[i]!;
      // (a part that is no katakana, ー alone, is left as it is: the other part is still judged)
      if (!isKatakanaText(part) || known.length === 0 || known.includes(part)) return part;
      // (ウェダ is ウエダ read with its エ sized wrong: not one kana off ウエタ)
      const sized = [...new Set(known.filter((r) => fullSizeKana(r) === fullSizeKana(part)))];
      if (sized.length > 0) return sized.length === 1 ? sized[0]! : part;
      // never a kana added to the read: a reading shorter than the tables' (ヒロ for 博) is a reading, not a slip;
      // a small kana read for its full-size form (タタャ for タクヤ) is no slip of its own: the model often sizes them wrong
      const near = known.filter((r) => levenshtein([...fullSizeKana(r)], [...fullSizeKana(part)]) === 1 && [...part].length >= [...r].length);
      return near.length === 1 ? near[0]! : part;
    })
    .join('\u3000');
}

/**
 * The フリガナ with each part that is no reading the name tables give for its kanji (while they give some) read
 * again in its half of the row (left or right of the blank between the names), only the kana of those
 * readings allowed (`read` cleans the reads as the plan's do); the part becomes the read when it spells one
 * of them exactly, or — pale ruby the model reads only in part (ハシ over ハシモト's four glyphs) — when
 * exactly one of them has as many kana as the print shows glyphs there and holds the read (or the part as
 * it was), in order, as at least half its kana; when none holds it — ruby read wrong rather than in part
 * (キックコ over キョウコ's four glyphs) — the one of that length nearest the reads (nearestKnownReading);
 * where the reads tell none (none near enough, or several holding the read), the one of that length the print
 * shows (`byPrint`: its kana held against their drawings, ワタダ over 福田 → フクダ); else it stays as it was.
 */
export async function readAsKnownReading(
  kana: string,
  name: string,
  names: NameReadings,
  gap: { x0: number; x1: number } | null,
  row: Rect,
  read: (rect: Rect, whitelist: string) => Promise<Cand[]>,
  printed: PrintedGlyphs | null = null,
  /** the reading of `readings` (as many kana as the print shows glyphs in part 0 or 1) the print shows, else `read` */
  byPrint?: (part: 0 | 1, readings: string[], read: string) => Promise<string>,
): Promise<string> {
  const ks = kana.split('\u3000');
  const readings = knownReadings(name, names);
  if (ks.length !== 2 || !readings || !gap) return kana;
  const parts = await Promise.all(
    ks.map(async (part, i) => {
      const known = readings[i]!;
      if (known.length === 0 || known.includes(part)) return part;
      const rect = i === 0 ? { ...row, x1: gap.x0 } : { ...row, x0: gap.x1 };
      const whitelist = [...new Set([...known.join(''), 'ー'])].join('');
      const again = (await read(rect, whitelist)).map((c) => trimKanaTail(compact(c.text)));
      const exact = again.find((t) => known.includes(t));
      if (exact !== undefined || !printed) return exact ?? part;
      const glyphs = printed[i]!;
      // (the part as first resolved is such a read too: pale kana the whitelisted read may not see at all)
      const holding = known.filter((r) => [...r].length === glyphs && [part, ...again].some((t) => 2 * [...t].length >= glyphs && isSubsequence([...t], [...r])));
      if (holding.length === 1) return holding[0]!;
      const nearest = holding.length === 0 ? nearestKnownReading(known, glyphs, [part, ...again]) : null;
      if (nearest !== null) return nearest;
      // … and where the reads tell none of them, the print itself: the readings of its glyph count (those the
      // reads hold, when several do) held against its kana's shapes (ワタダ over 福田's three glyphs: フクダ)
      const options = holding.length > 1 ? holding : known.filter((r) => [...r].length === glyphs);
      return byPrint && options.length > 0 ? await byPrint(i as 0 | 1, options, part) : part;
    }),
  );
  return parts.join('\u3000');
}

/**
 * Of the readings the name tables give for a part's kanji, the one with as many kana as the print shows glyphs
 * (`glyphs`) that is nearest any of `reads` (kana compared at full size: the model sizes them wrong), when it is
 * at most T.kanaNearest.maxOffShare of its kana off and nearer than every other such reading by the margin;
 * null otherwise. The print's glyph count keeps a reading the tables do not know (キヨコ, three glyphs) from
 * becoming a known one of another length (キョウコ).
 */
export function nearestKnownReading(known: readonly string[], glyphs: number, reads: readonly string[]): string | null {
  const K = T.kanaNearest;
  const seen = reads.map((t) => [...fullSizeKana(t)]).filter((t) => t.length > 0);
  if (seen.length === 0) return null;
  const ranked = [...new Set(known)]
    .filter((r) => [...r].length === glyphs)
    .map((r) => ({ r, off: Math.min(...seen.map((t) => levenshtein([...fullSizeKana(r)], t))) }))
    .sort((a, b) => a.off - b.off);
  const [best, next] = ranked;
  if (!best || best.off > Math.floor(K.maxOffShare * glyphs)) return null;
  return !next || next.off - best.off >= K.margin ? best.r : null;
}

/** `changed`'s parts (family　given) where `judged` says so, `kept`'s elsewhere. */
function onlyParts(changed: string, kept: string, judged: (i: number) => boolean): string {
  const c = changed.split('\u3000');
  const k = kept.split('\u3000');
  return c.length === k.length ? c.map((p, i) => (judged(i) ? p : k[i]!)).join('\u3000') : kept;
}

/** Whether `part`'s characters all occur in `whole`, in the same order. */
function isSubsequence(part: readonly string[], whole: readonly string[]): boolean {
  let k = 0;
  for (const ch of whole) if (k < part.length && part[k] === ch) k++;
  return part.length > 0 && k === part.length;
}

/** Where one character's print is compared with the characters it may be (settleGlyph): the preprocessing worker, or inline. */
export type GlyphSettler = (req: GlyphChoiceRequest) => Promise<string>;

/**
 * Whether the reads of a roman name disagree on its last letter among the letters the model takes for each
 * other (RAJ read RAT and RAI); a read ending in another letter altogether (RAU) is no doubt about a J.
 */
export function lastLetterInDoubt(best: string, reads: string[]): boolean {
  const last = best.at(-1) ?? '';
  const alike = new Set([last, ...latinLookAlikesOf(last)]);
  return new Set(reads.map((r) => r.at(-1) ?? '').filter((ch) => alike.has(ch))).size > 1;
}

/**
 * A roman name with its last letter settled by its print when the model takes it for others (I J L T,
 * common/ocr/latin-lookalikes.ts): the line finder's rightmost character of the name's lines is that letter,
 * compared with the drawings of the letters in the card typefaces. Unchanged where no character is found.
 */
export async function lastLetterByShape(text: string, chars: CharBox[], card: GrayImage, glyph: GlyphSettler): Promise<string> {
  const last = text.at(-1) ?? '';
  const options = latinLookAlikesOf(last);
  if (options.length === 0 || chars.length === 0) return text;
  const box = chars.reduce((a, b) => (b.x1 > a.x1 ? b : a));
  const settled = await glyph(glyphRequest(card, box, last, options));
  return settled === last ? text : text.slice(0, -1) + settled;
}

/**
 * A フリガナ part ending in 長音 (コウジー): the top strokes of the kanji under the ruby read as ー. Name
 * readings write long vowels with kana (コウジ, ユウキ), so a trailing ー is dropped; a part of ー alone stays.
 */
export function trimKanaTail(kana: string): string {
  return kana
    .split('\u3000')
    .map((p) => (/^ー+$/.test(p) ? p : p.replace(/ー+$/, '')))
    .join('\u3000');
}

/**
 * What a national's name can hold: kanji, kana and spaces (the second reads run on those cards only). Quotes,
 * dots and brackets are stray marks; latin letters are the roman name printed beside it on some designs.
 */
const NOT_NAME = /[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}々〆ー\s\u3000]/gu;

function nameOnly(c: Cand): Cand {
  const text = c.text.replace(NOT_NAME, '').replace(/[\s\u3000]+$/, '');
  return { ...c, text, symbols: c.symbols.filter((s) => s.text.replace(NOT_NAME, '').trim().length > 0) };
}

/**
 * In a name part written in kanji, a lone katakana look-alike between or beside kanji is the kanji: real
 * names do not mix one katakana into kanji. Parts in kana, or with two katakana side by side, are kept.
 */
export function kanjiLookAlikes(name: string): string {
  const han = /\p{Script=Han}/u;
  const kata = /[\u30a0-\u30ff]/;
  return name
    .split('\u3000')
    .map((part) => {
      const cs = [...part];
      if (!cs.some((c) => han.test(c))) return part;
      return cs
        .map((c, i) => {
          const to = KANA_FOR_KANJI[c];
          if (!to) return c;
          const prev = cs[i - 1];
          const next = cs[i + 1];
          const nearKana = (prev !== undefined && kata.test(prev)) || (next !== undefined && kata.test(next));
          const nearHan = (prev !== undefined && han.test(prev)) || (next !== undefined && han.test(next));
          return nearHan && !nearKana ? to : c;
        })
        .join('');
    })
    .join('\u3000');
}

/** The 番地 characters that end an address read so far (numbers and 丁目 番地 号 joins), e.g. ９丁目２６番１７ of …浜口西９丁目２６番１７. */
function blockTail(text: string): string {
  const cs = [...compact(text)];
  let from = cs.length;
  while (from > 0 && BLOCK_CHAR.test(cs[from - 1]!)) from--;
  return cs.slice(from).join('');
}

/** Whether most of a read's characters are roman capitals (SII谷WARIW⑥SI). */
function mostlyCapitals(text: string): boolean {
  const cs = [...compact(text)];
  return cs.length > 0 && cs.filter((c) => /[A-Z]/.test(c)).length >= T.besideLabel.capitalsShare * cs.length;
}

/**
 * The line printed right beside a label read alone (氏名 | its value on the same row, after a gap of at most
 * a few of the value's text heights), that no field was found in: where that field's value is on a design
 * that sets labels beside their values. Null when the label was not read alone or nothing stands there.
 */
function valueBesideLabel(lines: RecognizedLine[], kind: NonNullable<ReturnType<typeof leadingLabel>>, ex: Extracted): RecognizedLine | null {
  const B = T.besideLabel;
  const found = Object.values(ex.sources).filter((x): x is FieldSource => !!x);
  const label = lines.find((l) => leadingLabel(l.text) === kind && valueText(l.text, kind).length === 0);
  if (!label) return null;
  const beside = lines.filter((l) => {
    if (l === label || leadingLabel(l.text) || found.some((f) => inside(l, f, 2))) return false;
    const oy = Math.min(l.y1, label.y1) - Math.max(l.y0, label.y0);
    const gap = l.x0 - label.x1;
    return gap > 0 && gap <= B.maxGap * l.glyphH && oy >= B.overlap * Math.min(l.y1 - l.y0, label.y1 - label.y0);
  });
  return beside.sort((a, b) => a.x0 - b.x0)[0] ?? null;
}

function valueText(text: string, label: ReturnType<typeof leadingLabel>): string {
  if (!label) return text;
  return compact(text).slice(labelLength(text, label));
}

/**
 * A line that begins with a label, as two lines: the label with its symbols, and the value with its symbols and
 * spaces, split in the middle of the gap between the two. Null when the symbols do not spell the line or
 * nothing follows the label.
 */
export function labelAndValue(l: RecognizedLine): [RecognizedLine, RecognizedLine] | null {
  const label = leadingLabel(l.text);
  if (!label) return null;
  // the label with a note in parentheses after it (氏名(ローマ字)): the value begins after the note
  const n = labelLength(l.text, label);
  const first = l.symbols[n];
  if (!first || l.symbols.map((x) => x.text).join('') !== compact(l.text)) return null;
  // the text after the label's characters, its spaces kept (TRAN RAT)
  const cs = [...l.text];
  let i = 0;
  for (let seen = 0; i < cs.length && seen < n; i++) if (!/[\s\u3000]/.test(cs[i]!)) seen++;
  const value = cs.slice(i).join('').trim();
  if (!value) return null;
  // the value from the middle of the gap between the label's last symbol and its first (the model's boxes may
  // start a letter late: T of TRAN at 162 where its ink starts at 151)
  const cut = Math.round((l.symbols[n - 1]!.x1 + first.x0) / 2);
  return [
    { ...l, x1: cut - 1, text: compact(l.text).slice(0, n), symbols: l.symbols.slice(0, n) },
    { ...l, x0: cut, text: value, symbols: l.symbols.slice(n) },
  ];
}

/**
 * How much this row's part of the 方書 (what follows the 番地 of the rows so far) is written like a place name
 * (placeWordlikeness); 0 when the row holds none of it or no 番地 is found.
 */
export function buildingWordlikeness(before: string, text: string, master: AddressMaster): number {
  const tail = buildingOf(before, text, master);
  return tail ? placeWordlikeness(tail.tail, placeWordStats(master)) : 0;
}

/**
 * This row's part of the 方書: the row's characters (spaces dropped) and where in them the 番地 of the rows so
 * far ends; null when no 番地 is found or nothing follows it on this row.
 */
function buildingOf(before: string, text: string, master: AddressMaster): { cs: string[]; at: number; tail: string } | null {
  const head = compact(before);
  const cs = [...compact(text)];
  const span = blockOf(head + cs.join(''), master);
  if (!span) return null;
  const at = Math.max(0, span.end - [...head].length);
  return at < cs.length ? { cs, at, tail: cs.slice(at).join('') } : null;
}

/** 住所 is compared with spaces and digit width ignored, hyphens folded: the same key votes. */
function addressKey(s: string): string {
  return asciiDigits(compact(s)).replace(/[－‐−ー一]/g, '-');
}

function union(ls: Rect[]): Rect {
  return { x0: Math.min(...ls.map((l) => l.x0)), y0: Math.min(...ls.map((l) => l.y0)), x1: Math.max(...ls.map((l) => l.x1)), y1: Math.max(...ls.map((l) => l.y1)) };
}

const median = (xs: number[]): number => {
  const v = [...xs].sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)] ?? 0;
};

interface VariantOptions {
  whitelist?: string;
  /** where the variant images are made (default: inline) */
  render?: VariantRenderer;
  /** card px: everything above and below these rows is painted over with paper */
  rows?: { y0: number; y1: number };
  /** card px: characters beside the region, not of it, painted over in every variant */
  others?: CharBox[];
}

/**
 * The 番地's numbers most readings of a row agree on, put into the chosen one: each reading's 番地 (found after
 * the rows above) gives its numbers (the runs of digits, in order), and those vote with the reading's
 * confidence, as whole readings do in the resolver. A choice whose numbers have fewer votes than others of as
 * many numbers takes theirs, its place and joins kept: the reads that misread the place or a join (小販十日10番30号,
 * 10秋30号) still say how its numbers read, against the one read that places it (10番380号). The clerk is asked
 * to look at what the vote changed.
 */
export function blockByVote(best: Cand, all: Cand[], before: string, master: AddressMaster): Cand {
  // readings whose numbers all read alike have nothing to vote on (the master's repair, ~1–3 ms a reading, is
  // asked only when they differ)
  const numbers = (c: Cand): string => (asciiDigits(compact(c.text)).match(/[0-9]+/g) ?? []).join(',');
  if (all.every((c) => numbers(c) === numbers(best))) return best;
  const skip = [...compact(before)].length;
  const numbersOf = (c: Cand): { cs: string[]; runs: { at: number; len: number; digits: string }[]; key: string } | null => {
    const cs = [...compact(c.text)];
    const span = blockOf(compact(before) + cs.join(''), master);
    if (!span || span.start < skip) return null;
    // a reading with something misread in its 番地 besides its joins does not say how its numbers read: a
    // character that is no digit or join, and no join misread between two numbers (10秋30号), stands for a
    // digit (４－１５ read えー15: its numbers are not 15 alone) or is a speck (8-.32-117: a digit more)
    for (let i = span.start - skip; i < span.end - skip; i++) if (!BLOCK_CHAR.test(cs[i]!) && !misreadJoin(cs, i)) return null;
    const runs: { at: number; len: number; digits: string }[] = [];
    for (let i = span.start - skip; i < span.end - skip; i++) {
      if (!/[0-9０-９]/.test(cs[i]!)) continue;
      let j = i;
      while (j < span.end - skip && /[0-9０-９]/.test(cs[j]!)) j++;
      runs.push({ at: i, len: j - i, digits: asciiDigits(cs.slice(i, j).join('')) });
      i = j - 1;
    }
    return runs.length > 0 ? { cs, runs, key: runs.map((r) => r.digits).join(',') } : null;
  };
  const mine = numbersOf(best);
  if (!mine) return best;
  const parts = all.map((c) => ({ c, p: numbersOf(c) })).filter((x) => x.p !== null && x.p.runs.length === mine.runs.length);
  const votes = new Map<string, number>();
  for (const { c, p } of parts) votes.set(p!.key, (votes.get(p!.key) ?? 0) + T.voteBase + c.confidence);
  const top = [...votes].sort((a, b) => b[1] - a[1])[0];
  if (!top || top[0] === mine.key || top[1] <= (votes.get(mine.key) ?? 0)) return best;
  const donor = parts.filter((x) => x.p!.key === top[0]).sort((a, b) => b.c.confidence - a.c.confidence)[0]!;
  const d = donor.p!;
  // the chosen reading with each of its runs of digits replaced by the donor's (its own digit width kept)
  const wide = (run: { at: number }): boolean => /[０-９]/.test(mine.cs[run.at]!);
  const aligned = best.symbols.length === mine.cs.length && donor.c.symbols.length === d.cs.length;
  const cs: string[] = [];
  const symbols: RecognizedSymbol[] = [];
  let k = 0;
  mine.runs.forEach((run, i) => {
    cs.push(...mine.cs.slice(k, run.at));
    if (aligned) symbols.push(...best.symbols.slice(k, run.at));
    const digits = [...withDigitWidth(d.runs[i]!.digits, wide(run))];
    cs.push(...digits);
    if (aligned) symbols.push(...donor.c.symbols.slice(d.runs[i]!.at, d.runs[i]!.at + d.runs[i]!.len).map((sym, j) => ({ ...sym, text: digits[j]! })));
    k = run.at + run.len;
  });
  cs.push(...mine.cs.slice(k));
  if (aligned) symbols.push(...best.symbols.slice(k));
  return { ...best, text: cs.join(''), symbols, confidence: Math.min(best.confidence, donor.c.confidence, T.cross.changedConfidence) };
}

/**
 * The 方書 (what follows the 番地) most readings of a row agree on, put into the chosen one: the choice is made
 * among the readings that place the address, but the building's name and room are no place and every reading
 * of them counts (田園ハイツ308号 read three times, 308和号 twice, one of those by the only read that places
 * the 町域). Voted as whole readings are, with the place names' word on each (placeWordlikeness); the clerk is
 * asked to look at what the vote changed. Only readings whose 番地 ends in the same kind of character (a
 * digit, or the same join) vote: the others cut the row elsewhere.
 */
export function buildingByVote(best: Cand, all: Cand[], before: string, master: AddressMaster): Cand {
  const tailOf = (c: Cand): ReturnType<typeof buildingOf> => buildingOf(before, c.text, master);
  const mine = tailOf(best);
  if (!mine) return best;
  // only readings whose 番地 ends as the chosen one's does vote on what follows it: one that read the 番地's last
  // join as a kana (３号 read ３サ) cut the row a character earlier, and its 方書 begins with that kana (サシティ…)
  const blockEnd = (t: NonNullable<ReturnType<typeof tailOf>>): string => {
    const ch = t.cs[t.at - 1] ?? '';
    return /[0-9０-９]/.test(ch) ? 'digit' : ch;
  };
  const tails = all.flatMap((c) => {
    const t = tailOf(c);
    return t && blockEnd(t) === blockEnd(mine) ? [{ c, t, text: t.tail, confidence: c.confidence }] : [];
  });
  if (tails.every((x) => addressKey(x.text) === addressKey(mine.tail))) return best;
  const stats = placeWordStats(master);
  const won = resolve(tails, addressKey, { support: (x) => T.cross.placeWordWeight * placeWordlikeness(x.text, stats) });
  if (addressKey(won.text) === addressKey(mine.tail)) return best;
  const aligned = best.symbols.length === mine.cs.length && won.c.symbols.length === won.t.cs.length;
  return {
    ...best,
    text: [...mine.cs.slice(0, mine.at), ...won.t.cs.slice(won.t.at)].join(''),
    symbols: aligned ? [...best.symbols.slice(0, mine.at), ...won.c.symbols.slice(won.t.at)] : [],
    confidence: Math.min(best.confidence, won.c.confidence, T.cross.changedConfidence),
  };
}

/**
 * The 番地 read again with only 番地 characters allowed. The model's symbol boxes lag its glyphs (the box it
 * gives the 町域's last kanji can lie over the 番地's first digit), so the crop is not cut where the 番地
 * seems to begin: the row is read from its start, with the characters of the place before the 番地 allowed
 * as well, and the part after that place is the 番地.
 */
export async function mendBlock(
  pool: TesseractPool,
  card: GrayImage,
  read: Cand,
  at: { start: number; end: number },
  rect: Rect,
  glyphH: number,
  chars: CharBox[],
  render: VariantRenderer = renderInline,
  /** read again only for a gap between two numbers: a read must have a join more than the first (and no fewer digits) */
  gapOnly = false,
): Promise<Cand> {
  const text = [...compact(read.text)];
  const syms = read.symbols;
  if (syms.length !== text.length || !syms[at.start] || !syms[at.end - 1]) return read;
  // up to the building's first character (the box of the 番地's last one may stop short)
  const x1 = syms[at.end] ? Math.max(syms[at.end - 1]!.x1, syms[at.end]!.x0 - 1) : rect.x1;
  const part = { ...rect, x1: Math.min(rect.x1, x1) };
  const place = text.slice(0, at.start).join('');
  const whitelist = [...new Set([...place, ...BLOCK_CHARS])].join('');
  // 一 between two digits is a dash read as the numeral (the address is normalized so later)
  const joins = (s: string): number => (s.match(/[-－ー‐−丁番号]|(?<=[0-9０-９])一(?=[0-9０-９])/g) ?? []).length;
  const rest = text.slice(at.start, at.end).join('');
  const endsInNumeral = numeralAfterDigits(text.slice(at.start, at.end), at.end - at.start - 1);
  // numbers the read keeps apart by a join it misread as a word's character (７見４０番): two numbers still
  const numbers = (s: string): number => (s.match(/[0-9０-９]+/g) ?? []).length;
  const apart = text.slice(at.start, at.end).some((_, i, cs) => misreadJoin(cs, i));
  // the 番地's characters, and the building's after it painted over: the crop's margin reaches into its first
  // (a sliver of 第 read as a digit more: ４第 read ４３). A character of the line finder's is the building's
  // when it starts past the middle of the gap between the two symbols (the model's boxes may lag the print)
  const split = syms[at.end] ? (syms[at.end - 1]!.x1 + syms[at.end]!.x0) / 2 : Infinity;
  const inPart = (c: CharBox): boolean => c.x0 <= split;
  const reads = await readVariants(pool, card, part, glyphH, chars.filter(inPart), V.block, { whitelist, render, others: chars.filter((c) => !inPart(c)) });
  // kana read for a digit or a hyphen become that: the place read as before, no digit and (nearly) no join
  // lost; the fullest read wins
  // a 番地 that a building's name follows ends in no join: a join the numbers-only read put there is the
  // building's first character seen as one (５ハイツ read ５－)
  const building = at.end < text.length && !/[-－ー‐−]$/.test(rest);
  // the 番地 of a read starts after the place as read before; where the read spells the place otherwise (only
  // its characters were allowed, and it may drop some: 策屋免町免中央 for 策屋郡志免町志免中央), after the
  // place's last character
  const placeEnd = [...place].at(-1);
  // … and where it spells the place so far off that neither finds it (印具衝 for 印旛郡, 倫 read before 栄町),
  // after its last character that no 番地 is written with, when a digit follows it
  const afterPlace = (cs: string[]): number => {
    let i = cs.length;
    while (i > 0 && BLOCK_CHARS.includes(cs[i - 1]!)) i--;
    return i < cs.length && /[0-9０-９]/.test(cs[i]!) ? i : -1;
  };
  const byPlace = (cs: string[]): number => (cs.slice(0, at.start).join('') === place ? at.start : placeEnd === undefined ? -1 : cs.lastIndexOf(placeEnd) + 1 || -1);
  const blockStart = (cs: string[]): number => {
    const i = byPlace(cs);
    return i >= 0 && BLOCK.test(cs.slice(i).join('')) ? i : afterPlace(cs);
  };
  const fits = reads
    .map((r) => ({ ...r, text: compact(r.text) }))
    .map((r) => ({ r, from: blockStart([...r.text]) }))
    .filter(({ r, from }) => from >= 0 && r.symbols.length === [...r.text].length)
    .map(({ r, from }) => ({ ...r, text: [...r.text].slice(from).join(''), symbols: r.symbols.slice(from) }))
    .map((r) => (building && /[-－ー‐−]$/.test(r.text) ? { ...r, text: [...r.text].slice(0, -1).join(''), symbols: r.symbols.slice(0, -1) } : r))
    .filter((r) => BLOCK.test(r.text) && countDigits(r.text) >= countDigits(rest) && joins(r.text) >= joins(rest) + (gapOnly ? 1 : -1))
    // a 番地 read ending in a 一 after its digits (３－２５一): a join before a number the row wraps, or one the
    // model merged with its digit (３８－７ read ３８一): a read that ends in a digit must have read that digit
    .filter((r) => building || !endsInNumeral || !/[0-9０-９]$/.test(r.text) || countDigits(r.text) > countDigits(rest))
    .filter((r) => !apart || numbers(r.text) >= numbers(rest))
    .sort((a, b) => countDigits(b.text) - countDigits(a.text) || joins(b.text) - joins(a.text) || b.confidence - a.confidence);
  // … but before a building's name, digits one read adds at the 番地's end, where another read and the row's
  // chosen reading give the same digits without them, are the building's first character seen as digits (as a
  // join is above: ５－７－６ハイツ read ５－７－６７)
  const digitsOf = (s: string): string => asciiDigits(s).replace(/[^0-9]/g, '');
  const agreed = building ? fits.find((r) => digitsOf(r.text) === digitsOf(rest)) : undefined;
  const added = fits[0] !== undefined && digitsOf(fits[0].text).length > digitsOf(rest).length && digitsOf(fits[0].text).startsWith(digitsOf(rest));
  const ok = agreed && added ? agreed : fits[0];
  if (!ok) return read;
  return {
    text: text.slice(0, at.start).join('') + ok.text + text.slice(at.end).join(''),
    confidence: Math.min(read.confidence, ok.confidence),
    symbols: [...syms.slice(0, at.start), ...ok.symbols, ...syms.slice(at.end)],
  };
}

/**
 * `f` remembered per text: the resolver asks a plan's checks of each candidate several times, and agreeing
 * reads share a text (each check runs the address master's repair, ~1–3 ms).
 */
function byText<R>(f: (text: string) => R): (text: string) => R {
  const seen = new Map<string, R>();
  return (text) => {
    if (!seen.has(text)) seen.set(text, f(text));
    return seen.get(text)!;
  };
}

/**
 * The first two variants (or `firstBatch`), and the rest only when those and the first read do not all say
 * the same: a clean line is settled by three agreeing reads, and the workers are free for the next card sooner.
 */
async function readUntilAgreed(first: Cand, key: (s: string) => string, read: (vs: Variant[]) => Promise<Cand[]>, variants: Variant[], firstBatch: number = T.firstBatch): Promise<Cand[]> {
  const k = key(first.text);
  // a first read no agreement can settle: every variant is read, all at once (no batch waits for another)
  if (k.length === 0 || first.confidence < T.agreeMinConfidence) return read(variants);
  const early = await read(variants.slice(0, firstBatch));
  if (early.length === firstBatch && early.every((r) => key(r.text) === k)) return early;
  return [...early, ...(await read(variants.slice(firstBatch)))];
}

/** Reads one region in each variant, all queued at once. */
async function readVariants(
  pool: TesseractPool,
  card: GrayImage,
  rect: Rect,
  glyphH: number,
  chars: CharBox[] | null,
  variants: Variant[],
  { whitelist, rows, others, render = renderInline }: VariantOptions = {},
): Promise<Cand[]> {
  const pad = Math.round(glyphH * T.crop.pad);
  const cx = Math.max(0, Math.floor(rect.x0 - pad));
  const cy = Math.max(0, Math.floor(rect.y0 - pad));
  // only the cut is made here; masking, scaling and cleaning are the renderer's (the preprocessing worker's)
  const c = crop(card, cx, cy, rect.x1 - rect.x0 + 2 * pad, rect.y1 - rect.y0 + 2 * pad);
  const images = await render({
    op: 'variants',
    crop: c,
    chars: chars && chars.length > 0 ? chars.map((b) => ({ x0: b.x0 - cx, y0: b.y0 - cy, x1: b.x1 - cx, y1: b.y1 - cy })) : null,
    grow: Math.max(2, Math.round(glyphH * T.crop.grow)),
    rows: rows ? { a: Math.round(rows.y0) - cy, b: Math.round(rows.y1 + 1) - cy } : null,
    others: others?.map((b) => ({ x0: b.x0 - cx, y0: b.y0 - cy, x1: b.x1 - cx, y1: b.y1 - cy })),
    glyphH,
    variants,
  });
  const readOne = async (v: Variant, img: GrayImage): Promise<Cand> => {
    const r: LineResult = await pool.recognize({ image: img, psm: v.psm, whitelist });
    // crop pixels → card pixels
    const toCard = (x: number): number => cx + x / (img.width / c.width);
    return { text: r.text.replace(/\n/g, ' ').trim(), confidence: r.confidence, symbols: r.symbols.map((s) => ({ text: s.text, confidence: s.confidence, x0: toCard(s.x0), x1: toCard(s.x1) })) };
  };
  return (await Promise.all(variants.map((v, i) => readOne(v, images[i]!)))).filter((r) => compact(r.text).length > 0);
}


export { consensus };

/**
 * Symbols the model gave twice for one glyph (the same character starting at the same place, as when two
 * overlapping pieces of a line were read): the more confident one stays. The model's symbol boxes are
 * loose, so only their starts are compared.
 */
export function dedupe(symbols: RecognizedSymbol[], glyphH: number): RecognizedSymbol[] {
  const out: RecognizedSymbol[] = [];
  for (const s of symbols.filter((x) => x.text.trim().length > 0)) {
    const dup = out.findIndex((p) => p.text === s.text && Math.abs(p.x0 - s.x0) < T.dedupeDistance * glyphH);
    if (dup < 0) out.push(s);
    else if (s.confidence > out[dup]!.confidence) out[dup] = s;
  }
  return out;
}

/**
 * Family and given name, one U+3000 between them: the read's own single space, else the printed gap (card x)
 * against where each character starts.
 */
export function splitAt(c: Cand, gapX: number | null, all: Cand[], familyCells: number | null = null): string | null {
  const t = compact(c.text);
  if (!t) return null;
  // the split most reads of the same characters agree on
  const votes = new Map<number, number>();
  for (const o of all) {
    const words = o.text.trim().split(/[\s\u3000]+/);
    if (words.length === 2 && compact(o.text) === t) votes.set(words[0]!.length, (votes.get(words[0]!.length) ?? 0) + 1);
  }
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  const voted = ranked[0] && `${t.slice(0, ranked[0][0])}\u3000${t.slice(ranked[0][0])}`;
  // reads split alike; else (no read split it, or the votes tied) the print: the characters before its gap
  if (voted && ranked[1]?.[1] !== ranked[0]![1]) return voted;
  const n = [...t].length;
  if (familyCells !== null && familyCells > 0 && familyCells < n && (!voted || ranked.some(([at]) => at === familyCells))) {
    const cs = [...t];
    return `${cs.slice(0, familyCells).join('')}\u3000${cs.slice(familyCells).join('')}`;
  }
  return voted ?? symbolSplit(c, t, gapX);
}

/** The read split where the print has its gap (card x), else where one gap between its symbols is clearly the widest. */
function symbolSplit(c: Cand, t: string, gapX: number | null): string | null {
  if (c.symbols.length === 0 || c.symbols.map((s) => s.text).join('') !== t) return null;
  // no gap in the ink (a blurred photo fills it): the read's own symbols, where one gap is clearly the widest
  const x = gapX ?? widestSymbolGap(c.symbols);
  if (x === null) return null;
  const fam = c.symbols.filter((s) => s.x0 < x).map((s) => s.text).join('');
  const giv = c.symbols.filter((s) => s.x0 >= x).map((s) => s.text).join('');
  return fam && giv ? `${fam}\u3000${giv}` : null;
}

/** Support of one part of a フリガナ reading (0 family, 1 given) by the name tables: its kanji's known readings. */
type PartSupport = (part: 0 | 1, kana: string) => number;

/** How many glyphs the line finder saw in each part of the ruby row (family, given), left and right of the blank between them. */
type PrintedGlyphs = readonly [number, number];

/**
 * The glyphs the line finder found in the ruby row's lines on each side of the blank between the parts; null
 * without that blank or lines. A kana whose strokes stand apart (バ: its ノ and the rest; リ) may be two boxes:
 * a box narrower than a glyph's part that makes one glyph's width with its neighbour is counted with it.
 * @param kh the ruby's glyph height
 */
export function printedGlyphs(chars: readonly CharBox[], gap: { x0: number; x1: number } | null, kh: number): PrintedGlyphs | null {
  if (!gap || chars.length === 0) return null;
  const glyphs = printedGlyphBoxes(chars, kh);
  const mid = runMiddle(gap);
  const family = glyphs.filter((c) => (c.x0 + c.x1) / 2 < mid).length;
  const given = glyphs.length - family;
  return family > 0 && given > 0 ? [family, given] : null;
}

/** The ruby row's glyphs, left to right: the line finder's boxes, a narrow one joined with its neighbour as printedGlyphs counts them. */
export function printedGlyphBoxes(chars: readonly CharBox[], kh: number): Rect[] {
  const G = T.kanaGlyphs;
  const narrow = (b: { x0: number; x1: number }): boolean => b.x1 - b.x0 + 1 < G.partOfGlyph * kh;
  const glyphs: Rect[] = [];
  for (const c of [...chars].sort((a, b) => a.x0 - b.x0)) {
    const last = glyphs.at(-1);
    if (last && (narrow(last) || narrow(c)) && c.x1 - last.x0 + 1 <= G.oneGlyph * kh) {
      last.x1 = Math.max(last.x1, c.x1);
      last.y0 = Math.min(last.y0, c.y0);
      last.y1 = Math.max(last.y1, c.y1);
    } else glyphs.push({ x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1 });
  }
  return glyphs;
}

/** The name tables' word on each part of a reading of `name` (family U+3000 given): ½ vote for a known reading, as readingSupport gives. */
export function partSupport(name: string, names: NameReadings): PartSupport | null {
  const known = knownReadings(name, names);
  return known && ((part, kana) => (known[part].includes(toKatakana(kana)) ? T.cross.readingWeight / 2 : 0));
}

/**
 * A candidate's two parts, family and given: at its own single space, else at the blank between them on the
 * card (`gap`), without what the model read in the blank itself (the space read as ー or ニ: a symbol whose
 * box lies within it). A 長音 ending a part is the kanji's top strokes or the gap (trimKanaTail): dropped.
 * Null when neither says where the parts meet.
 */
function kanaParts(c: Cand, gap: { x0: number; x1: number } | null, kh: number): [Cand, Cand] | null {
  const words = c.text.trim().split(/[\s\u3000]+/);
  const spelled = c.symbols.map((x) => x.text).join('') === compact(c.text);
  const part = (syms: RecognizedSymbol[], text = syms.map((x) => x.text).join('')): Cand => {
    const trimmed = trimKanaTail(text);
    return { text: trimmed, confidence: c.confidence, symbols: syms.length === [...text].length ? syms.slice(0, [...trimmed].length) : [] };
  };
  if (words.length === 2 && words.every(Boolean)) {
    const n = [...words[0]!].length;
    return spelled ? [part(c.symbols.slice(0, n)), part(c.symbols.slice(n))] : [part([], words[0]), part([], words[1])];
  }
  if (words.length !== 1 || gap === null || !spelled) return null;
  const slack = T.gap.junkSlack * kh;
  const mid = runMiddle(gap);
  const kept = c.symbols.filter((x) => !(x.x0 >= gap.x0 - slack && x.x1 <= gap.x1 + slack));
  const fam = kept.filter((x) => x.x0 < mid);
  const giv = kept.filter((x) => x.x0 >= mid);
  return fam.length > 0 && giv.length > 0 ? [part(fam), part(giv)] : null;
}

/**
 * The フリガナ resolved part by part: each part the one resolver's choice among the candidates' same parts,
 * with the name tables' and the print's glyph count's word on it. The whole choice when too few candidates
 * split, or when the parts agree with it; otherwise the parts joined, marked as the cross-check's (要確認) when
 * the tables or the count changed a part.
 */
export function byParts(whole: Cand, cands: Cand[], gap: { x0: number; x1: number } | null, kh: number, support: PartSupport | null, printed: PrintedGlyphs | null = null): Cand {
  const split = cands.map((c) => ({ c, parts: kanaParts(c, gap, kh) })).filter((x): x is { c: Cand; parts: [Cand, Cand] } => x.parts !== null);
  if (split.length < 2) return whole;
  const chosen = ([0, 1] as const).map((i) => {
    const options = split.map(({ parts }) => parts[i]);
    // the print's count of glyphs speaks for the readings with as many kana, as the tables do: a part read a
    // kana short (タナカ read ナカ) or long (タカシ read タカクン) beside one read with the right count
    const counted = (o: Cand): number => (printed && [...compact(o.text)].length === printed[i] ? T.cross.glyphCountWeight : 0);
    const plain = resolve(options, compact);
    const checked = support || printed ? resolve(options, compact, { support: (o) => counted(o) + (support?.(i, compact(o.text)) ?? 0) }) : plain;
    return { part: checked, changed: compact(checked.text) !== compact(plain.text) };
  });
  const text = `${compact(chosen[0]!.part.text)} ${compact(chosen[1]!.part.text)}`;
  if (compact(text) === compact(whole.text) && whole.text.trim().split(/[\s\u3000]+/).length === 2) return whole;
  const symbols = chosen.every((x) => x.part.symbols.length === [...compact(x.part.text)].length) ? [...chosen[0]!.part.symbols, ...chosen[1]!.part.symbols] : [];
  const confidence = Math.min(chosen[0]!.part.confidence, chosen[1]!.part.confidence);
  const byTables = chosen.some((x) => x.changed);
  return { text, symbols, confidence: byTables ? Math.min(confidence, T.cross.changedConfidence) : confidence, provenance: byTables ? 'cross-field' : whole.provenance };
}

/** The middle of the widest gap between consecutive symbols, when it is over T.gap.overNext times the next widest; else null. */
function widestSymbolGap(symbols: RecognizedSymbol[]): number | null {
  const gaps = symbols.slice(1).map((s, i) => ({ w: s.x0 - symbols[i]!.x1, x: (s.x0 + symbols[i]!.x1) / 2 })).sort((a, b) => b.w - a.w);
  const [widest, next] = gaps;
  return widest && widest.w > 0 && (!next || widest.w > T.gap.overNext * Math.max(1, next.w)) ? widest.x : null;
}

/**
 * Ink right before a row (`r`, its rows only) that starts within a small gap of it and is no wider than one
 * character: the row's first character, broken into pieces the line finder put elsewhere. Null when there is
 * none, when it runs on wider (a portrait's edge, another field) or reaches a label.
 */
async function leadingInk(card: GrayImage, r: Rect, glyphH: number, labels: RecognizedLine[], ink: InkMasker): Promise<CharBox | null> {
  const L = T.nameRow.leadingInk;
  const reach = Math.round(L.maxWidth * glyphH + L.maxGap * glyphH);
  const left = { x0: Math.max(0, Math.floor(r.x0) - reach), y0: r.y0, x1: Math.floor(r.x0) - 1, y1: r.y1 };
  if (left.x1 - left.x0 < 2) return null;
  const { mask, w, hgt, x0 } = await inkOf(card, left, glyphH, ink);
  const inkAt = (x: number): boolean => {
    let n = 0;
    for (let y = 0; y < hgt; y++) n += mask[y * w + x]!;
    return n >= L.minColumnInk * hgt;
  };
  // from the row leftwards: the first ink within the gap, then on while its gaps stay under it
  let first = -1;
  let last = -1;
  for (let x = w - 1; x >= 0; x--) {
    if (!inkAt(x)) {
      if ((last < 0 ? w - 1 - x : last - x) > L.maxGap * glyphH) break;
      continue;
    }
    if (first < 0) first = x;
    last = x;
  }
  if (last < 0) return null;
  // … up to the search's edge: it runs on (a portrait's edge, a line of text): no character of this row
  if (last === 0) return null;
  const box = { x0: x0 + last, y0: r.y0, x1: x0 + first, y1: r.y1 };
  if (box.x1 - box.x0 + 1 < L.minWidth * glyphH || box.x1 - box.x0 + 1 > L.maxWidth * glyphH) return null;
  if (labels.some((l) => l.x1 >= box.x0 && l.x0 <= box.x1 && Math.min(l.y1, r.y1) - Math.max(l.y0, r.y0) > 0)) return null;
  return box;
}

/**
 * The rows of the name itself in a region that may also hold ruby (フリガナ) above it or the roman name
 * below, touching it: the window one character tall holding the most ink, widened to where the ink thins
 * out. Null when the region is no taller than one row of text.
 */
async function textBand(card: GrayImage, r: Rect, glyphW: number, ink: InkMasker): Promise<{ y0: number; y1: number } | null> {
  const h = Math.round(r.y1 - r.y0 + 1);
  if (h < T.band.minRows * glyphW) return null;
  const prof = await rowProfile(card, r, glyphW, ink);
  const win = Math.max(1, Math.round(T.band.window * glyphW));
  let sum = 0;
  for (let y = 0; y < win && y < prof.length; y++) sum += prof[y]!;
  let best = sum;
  let a = 0;
  for (let y = win; y < prof.length; y++) {
    sum += prof[y]! - prof[y - win]!;
    if (sum > best) {
      best = sum;
      a = y - win + 1;
    }
  }
  const peak = Math.max(...prof);
  const low = T.band.low * peak;
  const reach = Math.round(T.band.reach * glyphW);
  let top = a;
  for (let k = 0; k < reach && top > 0 && prof[top - 1]! > low; k++) top--;
  let bot = Math.min(prof.length - 1, a + win - 1);
  for (let k = 0; k < reach && bot < prof.length - 1 && prof[bot + 1]! > low; k++) bot++;
  if (top <= 1 && bot >= prof.length - 2) return null;
  return { y0: Math.floor(r.y0) + top, y1: Math.floor(r.y0) + bot };
}

/** The ink of region `r` of the card (text height `h`), the pattern cleaned away (inkOfCrop): only the region is cut here. */
async function inkOf(card: GrayImage, r: Rect, h: number, ink: InkMasker): Promise<{ mask: Uint8Array; w: number; hgt: number; x0: number; y0: number }> {
  const x0 = Math.max(0, Math.floor(r.x0));
  const y0 = Math.max(0, Math.floor(r.y0));
  const c = crop(card, x0, y0, r.x1 - r.x0 + 1, r.y1 - r.y0 + 1);
  const { width: w, height: hgt } = c;
  return { mask: await ink({ op: 'ink', crop: c, window: Math.max(4, Math.round(T.ink.window * h)), offset: T.ink.offset }), w, hgt, x0, y0 };
}

async function rowProfile(card: GrayImage, r: Rect, h: number, ink: InkMasker): Promise<number[]> {
  const { mask, w, hgt } = await inkOf(card, r, h, ink);
  const prof: number[] = [];
  for (let y = 0; y < hgt; y++) {
    let n = 0;
    for (let x = 0; x < w; x++) n += mask[y * w + x]!;
    prof.push(n);
  }
  return prof;
}

/**
 * `box` widened to the right over ink in its rows that follows at most `maxGap` px after the last ink, up to
 * `limit` (card x): the rest of a text row that the search area cut off.
 */
async function rowContinuesRight(card: GrayImage, box: Rect, limit: number, h: number, maxGap: number, inkMasker: InkMasker): Promise<Rect> {
  if (limit <= box.x1) return box;
  const { mask, w, hgt } = await inkOf(card, { ...box, x1: limit }, h, inkMasker);
  const x0 = Math.max(0, Math.floor(box.x0));
  let last = Math.round(box.x1) - x0;
  for (let x = last + 1; x < w && x - last <= maxGap; x++) {
    let ink = 0;
    for (let y = 0; y < hgt; y++) ink += mask[y * w + x]!;
    if (ink >= T.ink.rowMin) last = x;
  }
  return { ...box, x1: x0 + last };
}

/**
 * Tight box of the ruby row's ink in `r`, the area above a name (rows and columns with some ink), or null
 * when there is hardly any. Of the runs of rows with ink, the one nearest the name (the bottom of `r`) among
 * those nearly as tall as the tallest: ruby stands right over its name, and a label may stand above it (氏名
 * over フジイ ユウコ on a design that sets the label over the name); a thin run is a stray edge.
 */
async function inkBox(card: GrayImage, r: Rect, h: number, ink: InkMasker): Promise<Rect | null> {
  const { mask, w, hgt, x0, y0 } = await inkOf(card, r, h, ink);
  const rows = new Array<number>(hgt).fill(0);
  const cols = new Array<number>(w).fill(0);
  for (let y = 0; y < hgt; y++) for (let x = 0; x < w; x++) rows[y]! += mask[y * w + x]!;
  // the runs of rows with ink (allowing short breaks): each one line of text or a stray edge
  const rowMin = T.ink.rowMin;
  const bridge = Math.max(1, Math.round(T.ink.bridge * h));
  const runs: [number, number][] = [];
  for (let y = 0; y < hgt; ) {
    if (rows[y]! < rowMin) {
      y++;
      continue;
    }
    let e = y;
    for (;;) {
      let n = e + 1;
      while (n < hgt && n - e <= bridge && rows[n]! < rowMin) n++;
      if (n >= hgt || n - e > bridge) break;
      e = n;
    }
    runs.push([y, e]);
    y = e + 1;
  }
  const tallest = Math.max(0, ...runs.map(([a, b]) => b - a));
  const run = runs.filter(([a, b]) => b - a >= T.ink.rubyRunShare * tallest).at(-1);
  if (!run || run[1] - run[0] < 2) return null;
  for (let y = run[0]; y <= run[1]; y++) for (let x = 0; x < w; x++) if (mask[y * w + x]) cols[x]!++;
  const xs = cols.map((v, i) => (v >= 1 ? i : -1)).filter((i) => i >= 0);
  if (xs.length < 3) return null;
  return { x0: x0 + xs[0]!, y0: y0 + run[0], x1: x0 + xs.at(-1)!, y1: y0 + run[1] };
}

/**
 * Card x of the middle of the widest blank column run inside the text of `r` (the space between family and
 * given name), when it is clearly wider than the gaps between characters. Null otherwise.
 */
async function widestGap(card: GrayImage, r: Rect, h: number, ink: InkMasker): Promise<number | null> {
  const g = await blankRun(card, r, h, ink);
  return g && runMiddle(g);
}

/** The x of the middle of a run of columns given inclusive. */
const runMiddle = (g: { x0: number; x1: number }): number => (g.x0 + g.x1 + 1) / 2;

/** The blank columns between the family and the given name (card x, inclusive), as widestGap finds them. */
async function blankRun(card: GrayImage, r: Rect, h: number, ink: InkMasker): Promise<{ x0: number; x1: number } | null> {
  const { mask, w, hgt, x0 } = await inkOf(card, r, h, ink);
  // the middle rows only: a neighbouring row's ascenders or descenders may reach into the band's edges
  const ya = Math.floor(T.gap.top * hgt);
  const yb = Math.ceil(T.gap.bottom * hgt);
  const cols: boolean[] = [];
  for (let x = 0; x < w; x++) {
    let n = 0;
    for (let y = ya; y < yb; y++) n += mask[y * w + x]!;
    cols.push(n > 0);
  }
  const first = cols.indexOf(true);
  const last = cols.lastIndexOf(true);
  if (first < 0) return null;
  const runs: { a: number; len: number }[] = [];
  for (let x = first; x <= last; ) {
    if (cols[x]) {
      x++;
      continue;
    }
    let e = x;
    while (e <= last && !cols[e]) e++;
    runs.push({ a: x, len: e - x });
    x = e;
  }
  if (runs.length === 0) return null;
  runs.sort((a, b) => b.len - a.len);
  const top = runs[0]!;
  const second = runs[1]?.len ?? 0;
  if (top.len < T.gap.minWidth * h || top.len < T.gap.overNext * second) return null;
  return { x0: x0 + top.a, x1: x0 + top.a + top.len - 1 };
}
