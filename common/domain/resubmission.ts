/**
 * How a corrected 差戻し names the applications it replaces. The back end gives every resubmission
 * a 受付番号 of its own, so the clerk, the back office and the resident's paper must all be able to
 * see which earlier 受付番号 it corrects. One wording for the queue, its detail and the print.
 */
export interface VersionReceipt {
  version: number;
  /** null: that version never reached the back end */
  receiptNumber: string | null;
}

/** A version's 受付番号, or what stands for it before the back end gave one. */
export function receiptOrPending(v: VersionReceipt): string {
  return v.receiptNumber ?? `第${v.version}版（未受付）`;
}

/** The earlier versions' 受付番号 in order, first submission first: 「R2026-000001 → R2026-000003」. */
export function chainText(history: readonly VersionReceipt[]): string {
  return history.map(receiptOrPending).join(' → ');
}

/** On the queue row and its detail: 「再提出（元の受付番号 R2026-000001）」; null for a first submission. */
export function resubmissionLabel(history: readonly VersionReceipt[]): string | null {
  return history.length === 0 ? null : `再提出（元の受付番号 ${chainText(history)}）`;
}

/** In the printed form's header: 「再提出　元の受付番号 R2026-000001」; null for a first submission. */
export function resubmissionPrintLine(history: readonly VersionReceipt[]): string | null {
  return history.length === 0 ? null : `再提出　元の受付番号 ${chainText(history)}`;
}

/** On a replaced version: 「再提出済み → R2026-000003」 (the version that replaced it). */
export function resubmittedLabel(next: VersionReceipt): string {
  return `再提出済み → ${receiptOrPending(next)}`;
}
