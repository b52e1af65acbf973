import type { Migration } from './migration';

/**
 * 取消 asked for while an attempt is on the wire. The attempt cannot be called back, so the request
 * is kept with the row and decided when the attempt ends: not delivered (retry, refusal, crash) →
 * 取消; delivered → it stays as the back end answered, with a note that the 取消 came too late. A
 * column, not memory, because the clerk was told the 取消 is pending and a restart must not forget it.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'cancel-requested',
  up(db) {
    db.exec('ALTER TABLE applications ADD COLUMN cancel_requested_at TEXT');
  },
};
