import { fail, ok } from '../../../common/contract/result';
import type { Handlers } from './handlers';
import type { CardNumberReads } from './card-number-reads';
import type { ChipReading } from '../chip/chip-reading';

type ChipOps = 'chipReaders' | 'startChipRead' | 'chipSessionState' | 'getChipPinRequest' | 'submitChipPin' | 'cancelChipRead';

const NO_CHIP = { code: 'NOT_READY', message: 'ICチップの読み取りはこの構成では使えません。' } as const;
const NO_SESSION = { code: 'NOT_FOUND', message: 'ICチップの読み取りが見つかりません。もう一度「ICチップで読む」から始めてください。' } as const;

/**
 * The card's IC chip (券面事項入力補助AP over PC/SC). A 個人番号 the chip gave is recorded the way the card
 * back's QR code records its number: in the services, under the read's id, as 'card-chip'.
 */
export function createChipHandlers(chip: ChipReading | undefined, numbers: CardNumberReads): Pick<Handlers, ChipOps> {
  chip?.onNumberRead((readId, digits) => numbers.remember(readId, digits, 'card-chip'));
  return {
    chipReaders: async () => (chip ? ok(await chip.readers()) : ok({ available: false, readers: [], message: NO_CHIP.message })),
    startChipRead: async (input) => (chip ? chip.start(input) : fail(NO_CHIP)),
    chipSessionState: ({ sessionId }) => {
      const s = chip?.state(sessionId);
      return s ? ok(s) : fail(NO_SESSION);
    },
    getChipPinRequest: () => ok({ request: chip?.pinRequest() ?? null }),
    submitChipPin: async ({ pinRequestId, pin }) => {
      const r = await chip?.submitPin(pinRequestId, pin);
      return r ? ok(r) : fail(NO_SESSION);
    },
    cancelChipRead: ({ sessionId }) => ok({ cancelled: chip?.cancel(sessionId) ?? false }),
  };
}
