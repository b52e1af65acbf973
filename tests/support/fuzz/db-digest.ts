import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

/**
 * What a SQLite file holds, as one hash and a row count per table, read through a second, read-only
 * connection (WAL lets it see every commit of the app's own connection). Equal digests before and
 * after a call mean the call wrote nothing. Tables are found in sqlite_master, so tables added by later
 * migrations are covered without touching this.
 */
export interface DbDigest {
  hash: string;
  rows: Record<string, number>;
}

export function openDigest(file: string): { digest(): DbDigest; close(): void } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  return {
    digest() {
      const h = createHash('sha256');
      const rows: Record<string, number> = {};
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
      for (const t of tables) {
        const all = db.prepare(`SELECT * FROM "${t.replaceAll('"', '""')}"`).raw().all() as unknown[][];
        // rows in a stable order whatever the table's keys: sorted by their serialized form
        const lines = all.map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? String(v) : v))).sort();
        rows[t] = lines.length;
        h.update(`${t}\n${lines.join('\n')}\n`);
      }
      return { hash: h.digest('hex'), rows };
    },
    close: () => db.close(),
  };
}
