import type { Result } from '../../../common/contract/result';
import type { z } from 'zod';
import type {
  ChipPinRequestOutput, ChipReadersOutput, ChipSessionState, StartChipReadInput, StartChipReadOutput, SubmitChipPinOutput,
} from '../../../common/contract/chip-operations';

/**
 * What the chip operations need from the chip service (chip-service.ts): readers, one read session at a
 * time, the resident's PIN. The handlers depend on this, not on PC/SC, so a host without PC/SC passes none.
 */
export interface ChipReading {
  readers(): Promise<z.output<typeof ChipReadersOutput>>;
  start(input: StartChipReadInput): Promise<Result<z.output<typeof StartChipReadOutput>>>;
  /** null: no such session (never started, or forgotten after its answer was kept long enough) */
  state(sessionId: string): ChipSessionState | null;
  pinRequest(): z.output<typeof ChipPinRequestOutput>['request'];
  /** null: no session waits for a PIN under that id */
  submitPin(pinRequestId: string, pin: string): Promise<z.output<typeof SubmitChipPinOutput> | null>;
  cancel(sessionId: string): boolean;
  /** called once per complete read that holds a 個人番号, with the read's id */
  onNumberRead(sink: (readId: string, digits: string) => void): void;
  close(): Promise<void>;
}
