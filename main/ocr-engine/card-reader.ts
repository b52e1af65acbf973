import os from 'node:os';
import { startsSource, type CardReadResult } from '../../common/ocr/card-result';
import type { CardReadWarning } from '../../common/card/card-warnings';
import { extractFields, type Extracted } from '../../common/ocr/extract-fields';
import type { RecognizedLine } from '../../common/ocr/recognized-line';
import { TesseractPool, type LineRequest } from './tesseract/tesseract-pool';
import type { GrayImage } from './image/gray-image';
import type { CharBox, TextLine } from './layout/text-lines';
import { recognizeLine } from './recognize-lines';
import { birthDateOnly, dateText, readAsDate, refineLines, sexRightOfBirthDate } from './refine-lines';
import { parseCardDate } from '../../common/ocr/parse-date';
import type { SexPixels } from './reread/sex-value';
import { missingDateLine, settleDatePair, vouchedByPair } from './date-pair';
import { applyReread, rereadPatch, type RereadPixels } from './reread-fields';
import { joinsByPrint, rowPieces } from './reread/joins-by-print';
import type { LineImager } from './reread/line-images';
import { OcrInputError } from './ocr-error';
import { PrepWorker } from './prep/prep-client';
import { loadAddressMaster } from './address-master-files';
import { placeWordStats } from '../../common/address/place-words';
import { repairAddress } from '../../common/address/repair-card-address';
import type { GlyphChoice } from '../../common/address/address-master';
import { glyphRequest, wordRequest, WORD_CHOICE } from './reread/glyph-choice';
import type { AddressMaster } from '../../common/address/address-master';
import type { PreparedView } from './prep/prepare';
import { isCardShaped } from './image/card-shape';
import { countedPrintAt, droppedPrintAt, printOf } from './reread/glyph-place';
import { layoutOf, readFitsLayout } from '../../common/ocr/card-layouts';
import type { NameReadings } from '../../common/names/name-readings';

export { CARD_PX_W, CARD_PX_H } from './prep/prepare';
/** More lines than a card front has: noise, a document that is not a card. */
const MAX_LINES = 28;
/**
 * How many times the print is asked of an address's characters the master leaves to a few: the second round
 * asks what only the first round's answers let the master see (the 丁目's numeral once its 町域 is settled).
 */
const GLYPH_ROUNDS = 2;

export interface ReaderOptions {
  /** tesseract workers; default defaultWorkers() */
  workers?: number;
  /** a tesseract worker is replaced after this many reads; default RECYCLE_AFTER_READS */
  recycleAfter?: number;
  /** the 市区町村/町域 master that repairs read addresses, or a getter of the app's shared one; default: the shipped one (null: none) */
  addressMaster?: AddressMaster | null | (() => AddressMaster | null);
  /**
   * The name-reading tables (IPADIC + supplement), as a getter since the app loads them lazily: they rank the
   * フリガナ reads against the name's known readings. Without them (null) that cross-check is not made.
   */
  nameReadings?: () => NameReadings | null;
  /** sees every image the model is asked to read (benchmarks only: they are personal data) */
  onModelRequest?: (req: LineRequest) => void;
}

export type OcrStage = 'decode' | 'find-card' | 'recognize' | 'parse';
export interface OcrProgress {
  stage: OcrStage;
  /** 0..1 within recognition */
  fraction: number;
}

export interface ReadOptions {
  /** ISO date used for the expiry warning; default today (local) */
  today?: string;
  timeoutMs?: number;
  onProgress?: (p: OcrProgress) => void;
}

/**
 * One tesseract worker more than the machine has cores (at most 4): a worker waits on messages between
 * jobs, and a third one on a 2-core counter PC fills those gaps. Measured on this project's 2-core VM, in
 * alternating runs: p50 per card 1–10 % lower than with two (353 vs 391, 339 vs 353 ms), ready 0.8 s
 * instead of 0.6 s, ~65 MB more memory.
 */
export function defaultWorkers(): number {
  return Math.min(4, os.availableParallelism() + 1);
}

/**
 * A tesseract worker is replaced after this many reads, in case its wasm heap (which never shrinks) grew. It
 * does not on card lines: one worker's process RSS stayed at 260–265 MB over 2,100 line reads of 20 cards
 * (20261224). At 300 (before), the bench's 48 cards (~25 reads each, 3 workers) replaced each worker about
 * once, ~0.3 s of model loading on the cores in the middle of a card. At 3,000 a worker is replaced every
 * ~370 cards (a card's ~25 reads are spread over the 3 workers): still about daily at a busy counter.
 */
export const RECYCLE_AFTER_READS = 3000;

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A read that takes longer than this is given up (a hung worker, a pathological image): the clerk tries again. */
export const READ_TIMEOUT_MS = 20_000;

/** The clerk's message for a read given up. */
export function readTimedOut(): OcrInputError {
  return new OcrInputError('timeout', '読み取りに時間がかかりすぎたため中止しました。もう一度撮影してください。');
}

/** What the app needs of a card reader: this one in the calling thread, or one in a thread of its own (CardReaderThread). */
export type CardEngine = Pick<CardReader, 'read' | 'decodeQr' | 'close'>;

/**
 * Reads the front of a My Number card from image bytes. Create once at start-up (`start()` loads the
 * model into every worker) and share; `read` may be called concurrently.
 */
export class CardReader {
  private constructor(
    private readonly pool: TesseractPool,
    private readonly prep: PrepWorker,
    private readonly addresses: AddressMaster | null,
    private readonly names: () => NameReadings | null,
  ) {}

  static async start(opts: ReaderOptions = {}): Promise<CardReader> {
    const pool = await TesseractPool.create({ size: opts.workers ?? defaultWorkers(), recycleAfter: opts.recycleAfter ?? RECYCLE_AFTER_READS, onRequest: opts.onModelRequest });
    // after the model is loaded, so the two start-ups do not compete for the CPU
    const m = opts.addressMaster;
    const addresses = m === undefined ? loadAddressMaster() : typeof m === 'function' ? m() : m;
    // the place names' kanji counted now (~150 ms), not in the first card read that weighs a 方書
    if (addresses) placeWordStats(addresses);
    return new CardReader(pool, PrepWorker.start(), addresses, opts.nameReadings ?? (() => null));
  }

  /** The 性別 value found, tested and tiled for its reads (and its label found by its ink), in the preprocessing worker thread. */
  private readonly judgeSex: SexPixels = { value: (req) => this.prep.sexValue(req), firstInk: (req) => this.prep.firstInk(req) };
  /** The second reads' pixel work and shape tests, in the preprocessing worker thread (rereadPatch's helpers). */
  private readonly rereadPixels: RereadPixels = {
    variants: (req) => this.prep.variants(req),
    shape: (req) => this.prep.shape(req),
    glyph: (req) => this.prep.glyph(req),
    voicing: (req) => this.prep.voicing(req),
    ink: (req) => this.prep.ink(req),
    reading: (req) => this.prep.reading(req),
  };
  /** The date lines' images for their targeted reads, in the preprocessing worker thread. */
  private readonly lineImages: LineImager = (card, box, images) => this.prep.lineImages(card, box, images);

  /** Whether read addresses are checked against an address master (false: its files were not found). */
  get hasAddressMaster(): boolean {
    return this.addresses !== null;
  }

  /** The card back's QR code, decoded in the reader's preprocessing worker thread (text or null). */
  decodeQr(bytes: Uint8Array): ReturnType<PrepWorker['qr']> {
    return this.prep.qr(bytes);
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.close(), this.prep.close()]);
  }

  async read(bytes: Uint8Array, opts: ReadOptions = {}): Promise<CardReadResult> {
    const timeoutMs = opts.timeoutMs ?? READ_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(readTimedOut()), timeoutMs);
    });
    try {
      return await Promise.race([this.readInner(bytes, opts), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async readInner(bytes: Uint8Array, opts: ReadOptions): Promise<CardReadResult> {
    const t0 = performance.now();
    const progress = opts.onProgress ?? (() => undefined);
    progress({ stage: 'decode', fraction: 0 });
    // decode, card finding, warp and line finding run in the preprocessing worker thread
    const first = await this.prep.run({ op: 'prepare', bytes });
    progress({ stage: 'find-card', fraction: 0 });
    // the warped outline first; if it reads as no card (a photo block mistaken for the card, a scan
    // filling the frame), the deskewed whole image
    // the warped outline is the card alone: its bottom band (個人番号カード, 市長, 電子証明書) holds no field
    // an image that is the card alone (a flat scan cropped to the card, an exported card image) has no
    // outline to find, but the same proportions, so the same band and column hold no field
    const views: [() => Promise<PreparedView>, boolean][] = [[async () => first.views[0]!, first.hasQuad || isCardShaped(first.views[0]!.card)]];
    if (first.hasQuad) views.push([async () => (await this.prep.run({ op: 'whole', bytes })).views[0]!, false]);
    let best: ViewRead | null = null;
    for (const [make, cardOnly] of views) {
      const r = await this.readView(await make(), cardOnly, progress, opts);
      if (!best || r.ex.anchors > best.ex.anchors) best = r;
      if (best.ex.anchors >= 3 || best.ex.looksLikeBack || best.ex.looksLikePassport) break;
    }
    if (!best) throw new OcrInputError('no-card', 'カードが見つかりません。カード全体が写るように置いてください。');
    const rotation = best.rotation;
    const ex = best.ex;
    if (ex.looksLikePassport) throw new OcrInputError('not-mynumber-card', 'マイナンバーカードではないようです（旅券・パスポート）。カードの表面を置いてください。');
    if (ex.looksLikeBack) throw new OcrInputError('back-side', 'カードの裏面です。表面（顔写真のある面）を置いてください。');
    if (ex.layout === 'unknown') throw new OcrInputError('no-card', 'マイナンバーカードの表面が見つかりません。カード全体が写るように置いてください。');
    progress({ stage: 'parse', fraction: 1 });
    let repaired = this.addresses ? repairAddress(ex.fields, ex.address, this.addresses) : ex;
    // characters the master or the 番地's grammar leave to a few (a 町域 one character off several, 信丁目):
    // their print decides, and the address is repaired again when one changed. That repair may ask of
    // characters it could not before (the 町域 settled, its 丁目's misread numeral: 川誌上耳目 → 川茂上耳目):
    // their print is asked once more
    let fieldsNow = ex.fields;
    const asked = new Set<string>();
    for (let round = 0; round < GLYPH_ROUNDS && this.addresses && 'glyphChoices' in repaired; round++) {
      const choices = repaired.glyphChoices.filter((c) => !asked.has(`${c.read}\u0000${c.at}`));
      if (choices.length === 0) break;
      choices.forEach((c) => asked.add(`${c.read}\u0000${c.at}`));
      const settled = await this.settleGlyphs(fieldsNow, choices, best);
      if (settled === fieldsNow) break;
      fieldsNow = settled;
      repaired = repairAddress(settled, ex.address, this.addresses);
    }
    const { fields, address } = repaired;
    return {
      layout: ex.layout,
      fields,
      nameParts: ex.nameParts,
      address,
      sources: ex.sources,
      warnings: best.warnings,
      rotation,
      card: best.card,
      ms: Math.round(performance.now() - t0),
    };
  }

  /**
   * Characters of the 住所 whose print decides between the few the master or the 番地's grammar allow (在 of
   * 在田南: 荏 or 勝; 信 of 信丁目: a kanji numeral): each one's print, compared with the options in the
   * preprocessing worker, decides. Unchanged where the print cannot be found or judged.
   */
  private async settleGlyphs(fields: CardReadResult['fields'], choices: GlyphChoice[], view: ViewRead): Promise<CardReadResult['fields']> {
    let value = fields.address.value;
    if (!value) return fields;
    const settled = await Promise.all(
      choices.map(async (choice) => {
        if (choice.words) {
          // a stretch misread in several characters: each one's print, and the spelling they show together
          const boxes = [...choice.read].map((_, i) => printOf(view.lines, view.textLines, choice.read, i));
          return boxes.every((b): b is NonNullable<typeof b> => b !== null) ? await this.prep.word(wordRequest(view.card, boxes, choice.read, choice.words)) : choice.read;
        }
        if (choice.insert) {
          // a dropped character: the unread print between its neighbours, if there is one ('' keeps the read)
          const box = droppedPrintAt(view.lines, view.textLines, choice.read, choice.at);
          // a cell that shows one of its neighbours is theirs, not a dropped character
          const cs = [...choice.read];
          return box ? await this.prep.glyph({ ...glyphRequest(view.card, box, '', choice.options), neighbours: [cs[choice.at - 1], cs[choice.at]].filter((c): c is string => !!c) }) : '';
        }
        const box = choice.countedOnly ? countedPrintAt(view.lines, view.textLines, choice.read, choice.at) : printOf(view.lines, view.textLines, choice.read, choice.at);
        const read = [...choice.read][choice.at]!;
        return box ? await this.prep.glyph(glyphRequest(view.card, box, read, choice.options)) : read;
      }),
    );
    let byShape = false;
    choices.forEach((choice, i) => {
      if (choice.words) {
        if (settled[i] === choice.read) return;
        value = value!.replace(choice.read, settled[i]!);
        // a whole spelling the model did not read: the clerk is asked to look
        byShape = true;
        return;
      }
      const cs = [...choice.read];
      if (choice.insert ? settled[i] === '' : settled[i] === cs[choice.at]) return;
      cs.splice(choice.at, choice.insert ? 0 : 1, settled[i]!);
      value = value!.replace(choice.read, cs.join(''));
    });
    if (byShape) return { ...fields, address: { ...fields.address, value, confidence: Math.min(fields.address.confidence, WORD_CHOICE.fieldConfidence) } };
    return value === fields.address.value ? fields : { ...fields, address: { ...fields.address, value } };
  }

  /** Reads one candidate card image, the likelier way up first and the other only if that finds no card. */
  private async readView(view: PreparedView, cardOnly: boolean, progress: (p: OcrProgress) => void, opts: ReadOptions): Promise<ViewRead> {
    if (view.lines.length === 0) return { ex: NOTHING, warnings: [], conf: 0, rotation: 0, card: view.card, lines: [], textLines: [] };
    // each line's first read once, whichever pass asks for it
    const reads = new Map<TextLine, Promise<RecognizedLine>>();
    let best: ViewRead = { ...(await this.recognizeView(view.card, fieldLines(view, cardOnly), progress, opts, reads)), rotation: view.flipped ? 180 : 0, card: view.card };
    // a field every card prints is missing and the card's bottom band was left out: a design may set a field
    // lower than the band begins (the 有効期限 of one next-generation design, centred at 85 % of the height):
    // read again with every line (the lines read already are not read twice), and keep the read with more fields
    const left = view.lines.length - fieldLines(view, cardOnly).length;
    if (left > 0 && missingAlwaysPrinted(best.ex) > 0 && best.ex.anchors >= 2) {
      // the clerk's progress bar does not go back: this pass reports only once it is further along
      let shown = 1;
      const onward = (p: OcrProgress): void => {
        if (p.stage === 'recognize' && p.fraction < shown) return;
        shown = p.fraction;
        progress(p);
      };
      const all = { ...(await this.recognizeView(view.card, view.lines, onward, opts, reads)), rotation: best.rotation, card: view.card };
      if (missingAlwaysPrinted(all.ex) < missingAlwaysPrinted(best.ex)) best = all;
    }
    if (best.ex.anchors < 3 && !best.ex.looksLikeBack && !best.ex.looksLikePassport) {
      // the flip moves the card image it is given to the worker: a copy, as this view's stays the read's
      const copy: GrayImage = { width: view.card.width, height: view.card.height, data: new Uint8Array(view.card.data) };
      const other = (await this.prep.run({ op: 'flip', card: copy })).views[0]!;
      const alt = await this.recognizeView(other.card, fieldLines(other, cardOnly), progress, opts);
      if (alt.ex.anchors > best.ex.anchors || (alt.ex.anchors === best.ex.anchors && alt.conf > best.conf)) best = { ...alt, rotation: view.flipped ? 0 : 180, card: other.card };
    }
    return best;
  }

  private async recognizeView(
    view: GrayImage,
    lines: TextLine[],
    progress: (p: OcrProgress) => void,
    opts: ReadOptions,
    /** first reads already made in this view (by line), shared between its passes */
    reads: Map<TextLine, Promise<RecognizedLine>> = new Map(),
  ): Promise<{ ex: Extracted; warnings: CardReadWarning[]; conf: number; lines: RecognizedLine[]; textLines: TextLine[] }> {
    // the biggest lines first: a card front has few; a busy document is cut off here
    const chosen = [...lines].sort((a, b) => (b.x1 - b.x0) * b.glyphH - (a.x1 - a.x0) * a.glyphH).slice(0, MAX_LINES);
    let done = 0;
    const today = opts.today ?? localToday();
    // each line's targeted re-read (dates, 性別) is queued as soon as its first read is in, so the pool's
    // workers never wait for the slowest line of a stage; the second reads of 住所 / 氏名 (which need every
    // line) run beside the last of those
    const firstReads = chosen.map((l) => {
      if (!reads.has(l)) reads.set(l, recognizeLine(this.pool, view, l));
      return reads.get(l)!.finally(() => progress({ stage: 'recognize', fraction: ++done / chosen.length }));
    });
    const firstAll = Promise.all(firstReads);
    const earlyAll = firstAll.then((f) => extractFields(f, today));
    void earlyAll.catch(() => undefined);
    // a date line's confirming read waits for every first read: the card's other date may vouch for it
    const vouched = async (l: RecognizedLine): Promise<boolean> => vouchedByPair(l, await earlyAll);
    // each line alone, with the line finder's boxes as its neighbours (a 性別 value beside its label)
    const refinedReads = firstReads.map((p) => p.then(async (l) => (await refineLines(this.pool, view, [l], today, chosen, this.judgeSex, this.lineImages, vouched))[0]!));
    for (const p of refinedReads) void p.catch(() => undefined);
    const first: RecognizedLine[] = await firstAll;
    const rereadable = (e: Extracted): boolean => e.anchors >= 2 && !e.looksLikeBack && !e.looksLikePassport;
    const early = await earlyAll;
    const patchEarly = rereadable(early) ? rereadPatch(this.pool, view, first, chosen, early, this.addresses, this.names(), this.rereadPixels) : null;
    // a failed job must not leave the other one's rejection unhandled
    void patchEarly?.catch(() => undefined);
    const refined = await Promise.all(refinedReads);
    let patch = await patchEarly;
    let { warnings, ...ex } = extractFields(refined, today);
    // the re-read dates or 性別 may be what makes it a card
    if (!patch && rereadable(ex)) patch = await rereadPatch(this.pool, view, refined, chosen, ex, this.addresses, this.names(), this.rereadPixels);
    let rec = patch ? applyReread(refined, patch) : refined;
    // the joins of each row's numbers as the print shapes them (a dash the model dropped or read as a digit)
    const joined = rec.map((l) => joinsByPrint(l, rowPieces(l, chosen)));
    const joinsMoved = joined.some((l, i) => l !== rec[i]);
    if (joinsMoved) rec = joined;
    if (patch || joinsMoved) ({ warnings, ...ex } = extractFields(rec, today));
    // 生年月日 and 有効期限 on different days of the year: one is misread, and the card says which
    // (a read line is the line finder's line it was read from when it starts where that one does)
    const boxesOf = (l: RecognizedLine): CharBox[] | null => chosen.find((t) => t.x0 === l.x0 && t.y0 === l.y0 && t.x1 === l.x1)?.chars ?? null;
    const paired = await settleDatePair(this.pool, view, rec, ex, today, this.lineImages, boxesOf);
    if (paired) ({ warnings, ...ex } = extractFields((rec = paired), today));
    // a date every card prints that no line gave: the line the model could not read in the other date's column,
    // right under it (or over it, for the birth date), is read as a date
    const unreadDate = missingDateLine(rec, ex);
    if (unreadDate) {
      const read = await readAsDate(this.pool, view, unreadDate, today, this.lineImages);
      if (read.text !== unreadDate.text) ({ warnings, ...ex } = extractFields((rec = rec.map((l) => (l === unreadDate ? read : l))), today));
    }
    // the layouts that print 性別 after the birth date (card-layouts.ts): looked for there by its ink when no
    // line named it, on a read that fits the layout (its era, no フリガナ where it prints none)
    const birth = ex.sources.birthDate;
    const layout = layoutOf(ex.layout);
    // the era as the date's parse makes it out (要和39年 is 昭和39年, as the field check reads it), not the raw
    // text's; a date that did not parse tells no era
    const birthRead = birth ? parseCardDate(dateText(birth.raw), today) : null;
    const birthEra = !birthRead?.ok ? null : birthRead.wareki ? 'wareki' : 'seireki';
    const sexAfterBirth = layout?.sexPlace === 'after-birth-date' && readFitsLayout(layout, { birthEra, hasKana: !!ex.fields.nameKana.value });
    if (!ex.fields.sex.value && birth && sexAfterBirth) {
      const line = rec.find((l) => startsSource(l, birth));
      const found = await sexRightOfBirthDate(this.pool, view, birthDateOnly(birth, line), line?.glyphH ?? birth.height, this.judgeSex, line ? boxesOf(line) : null);
      if (found) ({ warnings, ...ex } = extractFields((rec = [...rec, found]), today));
    }
    const conf = rec.reduce((s, l) => s + l.confidence, 0) / Math.max(1, rec.length);
    return { ex, warnings, conf, lines: rec, textLines: chosen };
  }
}

interface ViewRead {
  ex: Extracted;
  warnings: CardReadWarning[];
  conf: number;
  /** the lines the fields were taken from */
  lines: RecognizedLine[];
  /** the line finder's lines they were read from */
  textLines: TextLine[];
  rotation: number;
  /** the pixels this read came from */
  card: GrayImage;
}

/** How many of the fields every card prints (氏名, 住所, 生年月日, 有効期限) a read left empty. */
function missingAlwaysPrinted(ex: Extracted): number {
  return (['name', 'address', 'birthDate', 'expiryDate'] as const).filter((f) => !ex.fields[f].value).length;
}

/**
 * The lines worth reading: on a warped card every line above the bottom band (CARD_BANDS) and left of the
 * photo (which starts at about 72 % of the width: what the line finder sees there is the portrait); in a
 * whole image, all of them.
 */
function fieldLines(view: PreparedView, cardOnly: boolean): TextLine[] {
  const { height: h, width: w } = view.card;
  return cardOnly ? view.lines.filter((l) => (l.y0 + l.y1) / 2 < CARD_BANDS.fieldsEnd * h && l.x0 < CARD_BANDS.photoStart * w) : view.lines;
}

/** Where a card front holds no field, as shares of the warped card. */
const CARD_BANDS = {
  /**
   * A line centred below this is the bottom band (個人番号カード, the issuer, 電子証明書…: centred at ~0.85 and
   * lower). The fields end at about 60 % of the height on the current card, but a next-generation design with
   * its dates under their labels sets the 有効期限 centred at ~0.78: a cut at a line's top at 75 % left it out.
   */
  fieldsEnd: 0.81,
  /** the portrait starts at about 72 % of the width on the designs with it on the right */
  photoStart: 0.7,
} as const;

const NOTHING: Extracted = { ...extractFields([], '2000-01-01'), anchors: 0 };
