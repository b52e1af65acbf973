import { fail, ok } from '../../../common/contract/result';
import type { Handlers } from './handlers';
import { CardReadError, type CardService } from '../ocr/card-service';
import type { ScannerDrop } from '../ocr/scanner-drop';
import type { CardNumberReads } from './card-number-reads';

type CardOps = 'getOcrStatus' | 'readCard' | 'listScannerImages' | 'readScannerImage' | 'discardScannerImage';

export interface CardDeps {
  reader: CardService;
  /** the scanner drop folder, when config.json names one */
  scanner: ScannerDrop | null;
}

const NO_READER = { code: 'NOT_READY', message: 'カード読み取りはこの構成では使えません。' } as const;
const NO_SCANNER = { code: 'NOT_FOUND', message: 'スキャナの取り込みフォルダが設定されていません（config.json の scannerDropDir）。' } as const;
const GONE = { code: 'NOT_FOUND', message: 'スキャン画像が見つかりません。もう一度スキャンしてください。' } as const;

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
export function createCardHandlers(deps: CardDeps | undefined, numbers: CardNumberReads): Pick<Handlers, CardOps> {
  return {
    getOcrStatus: ({ readId }) => (deps ? ok({ ...deps.reader.status(readId), scannerConfigured: deps.scanner !== null }) : fail(NO_READER)),

    readCard: async ({ image, side, readId }) => {
      if (!deps) return fail(NO_READER);
      const bytes = Buffer.from(image, 'base64');
      if (bytes.length === 0) return fail({ code: 'INVALID_INPUT', message: '画像が空です。' });
      return readWith(deps, numbers, bytes, side, readId);
    },

    listScannerImages: () => ok({ configured: deps?.scanner != null, items: deps?.scanner?.list() ?? [] }),

    readScannerImage: async ({ id, side, readId }) => {
      if (!deps) return fail(NO_READER);
      if (!deps.scanner) return fail(NO_SCANNER);
      const bytes = deps.scanner.take(id);
      if (!bytes) return fail(GONE);
      return readWith(deps, numbers, bytes, side, readId);
    },

    discardScannerImage: ({ id }) => {
      if (!deps?.scanner) return fail(NO_SCANNER);
      return ok({ discarded: deps.scanner.discard(id) });
    },
  };
}
