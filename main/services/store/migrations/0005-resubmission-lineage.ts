import type { Migration } from './migration';

/**
 * The lineage of a corrected 差戻し: every version of one application shares the first version's
 * `root_id` (0002), and the queue screen, the printed form and the status that follows a correction
 * read the whole chain by it. Without an index each of those lookups walked the whole table.
 * The link itself (`supersedes_id`, `superseded_by`) is unchanged: nothing is rewritten.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'resubmission-lineage',
  up: (db) => db.exec('CREATE INDEX applications_by_root ON applications (root_id, version);'),
};
