import type { OutboxEntry, StatusChange } from '../store/application-repository';

export type DeliveryOutcome =
  /** the back end itself answered that it took the application in (受理) */
  | { kind: 'accepted'; receiptNumber: string }
  /** handed over, the back end has not looked at it yet (file exchange: 送信済 until its 取込済) */
  | { kind: 'delivered'; receiptNumber: string }
  /** try again later; `offline` when the back end could not be reached at all */
  | { kind: 'retry'; reason: string; offline: boolean; retryAfterMs?: number }
  /** the back end refused the content: a retry cannot help, the clerk must act */
  | { kind: 'rejected'; reason: string };

/** What is sent for one application: the versioned intake schema. */
export interface IntakeDocument {
  schemaVersion: 1;
  applicationId: string;
  caseId: string;
  formId: string;
  formVersion: number;
  /** 1 for a first submission; n+1 for the correction of a 差戻し */
  version: number;
  supersedesReceipt: string | null;
  /**
   * The applicationId the replaced version was sent under. Only on a correction (version > 1): a
   * first submission's document is byte for byte what it was, so a retry across an upgrade still
   * matches what the back end stored under its idempotency key.
   */
  supersedesApplicationId?: string;
  payload: Record<string, unknown>;
}

export function intakeDocument(entry: OutboxEntry, payload: Record<string, unknown>): IntakeDocument {
  return {
    schemaVersion: 1,
    applicationId: entry.applicationId,
    caseId: entry.caseId,
    formId: entry.formId,
    formVersion: entry.formVersion,
    version: entry.version,
    supersedesReceipt: entry.supersedesReceipt,
    ...(entry.supersedesApplicationId ? { supersedesApplicationId: entry.supersedesApplicationId } : {}),
    payload,
  };
}

export interface StatusPage {
  changes: StatusChange[];
  cursor: string;
  /**
   * Called once the page's changes are committed, with the receipts this counter does not know:
   * a file exchange moves its result files out of the way then (a crash before it only means the
   * same files are read again, and applying a decision twice changes nothing).
   */
  settle?(unknownReceipts: ReadonlySet<string>): void | Promise<void>;
}

/** How applications reach one back end, and how its decisions come back (pull, as the standards prefer). */
export interface IntakeConnector {
  /** stable name, used to remember how far the status feed was read */
  readonly id: string;
  deliver(entry: OutboxEntry, doc: IntakeDocument): Promise<DeliveryOutcome>;
  /** cheap reachability check for the connection indicator */
  probe(): Promise<boolean>;
  /** decisions after `cursor`; null when the back end cannot be reached */
  pollStatus(cursor: string | null): Promise<StatusPage | null>;
  close?(): void;
}
