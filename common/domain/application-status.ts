/** Where an application stands. Stored as these codes; shown with the labels below. */
export const APPLICATION_STATUSES = ['pending', 'in_flight', 'delivered', 'accepted', 'returned', 'completed', 'failed', 'cancelled'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const STATUS_LABEL: Record<ApplicationStatus, string> = {
  pending: '送信待ち',
  in_flight: '送信中',
  /** handed over (file exchange: CSV and manifest stored), not yet imported by the back end */
  delivered: '送信済',
  accepted: '受理',
  returned: '差戻し',
  completed: '完了',
  failed: '要対応',
  cancelled: '取消',
};

/** Statuses the clerk may still cancel: not yet handed to the back end. */
export const CANCELLABLE: readonly ApplicationStatus[] = ['pending', 'failed'];
