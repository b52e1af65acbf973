/** Where an application stands. Stored as these codes; shown with the labels below. */
export const APPLICATION_STATUSES = ['pending', 'in_flight', 'accepted', 'returned', 'completed', 'failed'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const STATUS_LABEL: Record<ApplicationStatus, string> = {
  pending: '送信待ち',
  in_flight: '送信中',
  accepted: '受理',
  returned: '差戻し',
  completed: '完了',
  failed: '要対応',
};
