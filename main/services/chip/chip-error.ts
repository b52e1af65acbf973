import type { ChipFailure } from '../../../common/contract/chip-operations';

/**
 * A chip read that cannot go on, with why (the contract's ChipFailure) and the tries left when the card
 * said. `detail` is for the log (status words, PC/SC error names): never a PIN, never a card's data.
 */
export class ChipError extends Error {
  constructor(
    readonly code: ChipFailure,
    readonly detail: string,
    readonly triesLeft: number | null = null,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'ChipError';
  }
}
