import type { OutboxEntry } from '../store/application-repository';

export type DeliveryOutcome =
  | { kind: 'accepted'; receiptNumber: string }
  /** try again later; `offline` when the back end could not be reached at all */
  | { kind: 'retry'; reason: string; offline: boolean; retryAfterMs?: number }
  /** the back end refused the content: a retry cannot help, the clerk must act */
  | { kind: 'rejected'; reason: string };

/** How applications reach one back end. HTTP intake now; file exchange joins it later. */
export interface IntakeConnector {
  deliver(entry: OutboxEntry): Promise<DeliveryOutcome>;
  /** cheap reachability check for the connection indicator */
  probe(): Promise<boolean>;
}
