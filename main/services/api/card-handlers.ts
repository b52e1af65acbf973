import { fail, ok } from '../../../common/contract/result';
import type { Handlers } from './handlers';
import { CardReadError, type CardService } from '../card-reading/card-service';
import type { ScannerDrop } from '../card-reading/scanner-drop';
import type { CardNumberReads } from './card-number-reads';
import { ReadSlots } from '../card-reading/read-slots';

/**
 * Card reads at once. One read of a 20 MB photo holds the base64 text, the decoded bytes, the decoded
 * raster and the OCR's working images — roughly 60 MB on its own (16 reads at once took the host from
 * 360 MB to 1.3 GB) — and the OCR's workers are shared, so a third read at once would not finish sooner
 * anyway. Two: a counter reads one card at a time; the second covers the scanner and a re-read.
 */
export const CARD_READS_AT_ONCE = 2;
/**
 * Reads that may wait for a free slot (a double click, front and back in quick succession) rather than
 * be refused; beyond this the clerk gets BUSY at once, so memory stays bounded whoever is calling.
 */
export const CARD_READS_WAITING = 2;

type CardOps = 'getOcrStatus' | 'readCard' | 'listScannerImages' | 'readScannerImage' | 'discardScannerImage';

export interface CardDeps {
  reader: CardService;
  /** the scanner drop folder, when config.json names one */
  scanner: ScannerDrop | null;
}

/** OCR off (--ocr off): the image choices cannot read; the chip, when a reader is connected, still can */
const NO_READER = { code: 'NOT_READY', message: 'この構成ではカード画像の読み取り（OCR）は使えません。' } as const;
const NO_SCANNER = { code: 'NOT_FOUND', message: 'スキャナの取り込みフォルダが設定されていません（config.json の scannerDropDir）。' } as const;
const GONE = { code: 'NOT_FOUND', message: 'スキャン画像が見つかりません。もう一度スキャンしてください。' } as const;
/** the answer to a read beyond the slots and the queue (the browser host gives it too, before reading the body) */
export const CARD_READS_BUSY = { code: 'BUSY', message: 'ほかのカードの読み取り中です。読み取りが終わるまでお待ちください。' } as const;

async function readWith(deps: CardDeps, numbers: CardNumberReads, bytes: Uint8Array, side: 'front' | 'back', readId: string) {
  try {
    const r = await deps.reader.read(bytes, side, readId);
    // the services' own record of the number this card showed: only such a number is ever 確認済み
    if (r.side === 'back' && r.myNumber) numbers.remember(readId, r.myNumber, 'card-qr');
    return ok(r);
  } catch (err) {
    if (err instanceof CardReadError) return fail({ code: err.code, message: err.message, reason: err.reason });
    throw err;
  } finally {
    // the only copy of the image bytes in the services: overwritten as soon as the read is done
    bytes.fill(0);
  }
}

/**
 * Card reading (My Number card front by OCR, back by QR code). The image comes in the call (camera
 * capture or file import) or from the scanner drop folder; nothing of it is kept once the answer is sent.
 */
export function createCardHandlers(deps: CardDeps | undefined, numbers: CardNumberReads, slots = new ReadSlots(CARD_READS_AT_ONCE, CARD_READS_WAITING)): Pick<Handlers, CardOps> {
  /** runs `read` in a slot (decoding the image included), or answers BUSY when none is free or near */
  const admitted = async <T>(read: () => Promise<T>): Promise<T | ReturnType<typeof fail>> => {
    const entering = slots.tryEnter();
    if (!entering) return fail(CARD_READS_BUSY);
    const release = await entering;
    try {
      return await read();
    } finally {
      release();
    }
  };

  return {
    getOcrStatus: ({ readId }) => (deps ? ok({ ...deps.reader.status(readId), scannerConfigured: deps.scanner !== null }) : fail(NO_READER)),

    readCard: async ({ image, side, readId }) => {
      if (!deps) return fail(NO_READER);
      return admitted(async () => {
        const bytes = Buffer.from(image, 'base64');
        if (bytes.length === 0) return fail({ code: 'INVALID_INPUT', message: '画像が空です。' });
        return readWith(deps, numbers, bytes, side, readId);
      });
    },

    listScannerImages: () => ok({ configured: deps?.scanner != null, items: deps?.scanner?.list() ?? [] }),

    readScannerImage: async ({ id, side, readId }) => {
      if (!deps) return fail(NO_READER);
      if (!deps.scanner) return fail(NO_SCANNER);
      const scanner = deps.scanner;
      // the scan is taken (and its file deleted) only once a slot is ours: a BUSY answer keeps it in the folder
      return admitted(async () => {
        const bytes = scanner.take(id);
        if (!bytes) return fail(GONE);
        return readWith(deps, numbers, bytes, side, readId);
      });
    },

    discardScannerImage: ({ id }) => {
      if (!deps?.scanner) return fail(NO_SCANNER);
      return ok({ discarded: deps.scanner.discard(id) });
    },
  };
}
