import fs from 'node:fs';
import path from 'node:path';
import type { SimStore } from './sim-store';
import { intake } from './sim-intake';
import { writeFileAtomic } from '../services/files/atomic-write';

export interface FileExchangeSim {
  stop(): void;
}

/**
 * The back end's side of file exchange: picks up `<key>.json` from the inbox, stores it (the file
 * name is the idempotency key), answers with `<key>.receipt.json`, and publishes the back office's
 * decisions as `status/<seq>.json` in the results folder.
 */
export function startFileExchange(store: SimStore, dirs: { inboxDir: string; resultsDir: string }): FileExchangeSim {
  const processed = path.join(dirs.inboxDir, 'processed');
  const statusDir = path.join(dirs.resultsDir, 'status');
  for (const d of [dirs.inboxDir, processed, dirs.resultsDir, statusDir]) fs.mkdirSync(d, { recursive: true });
  let published = Math.max(0, ...fs.readdirSync(statusDir).filter((n) => /^\d+\.json$/.test(n)).map((n) => Number(n.slice(0, -5))));

  const tick = () => {
    try {
      for (const name of fs.readdirSync(dirs.inboxDir)) {
        if (name.startsWith('.') || !name.endsWith('.json')) continue; // temporary files are not ready yet
        const key = name.slice(0, -5);
        const file = path.join(dirs.inboxDir, name);
        const r = intake(store, fs.readFileSync(file, 'utf8'), key);
        const answer = r.status < 300 ? { receiptNumber: r.body.receiptNumber } : { rejected: r.body.reason };
        writeFileAtomic(path.join(dirs.resultsDir, `${key}.receipt.json`), JSON.stringify(answer));
        fs.renameSync(file, path.join(processed, name));
      }
      for (const c of store.changesAfter(published, 500)) {
        writeFileAtomic(path.join(statusDir, `${c.seq}.json`), JSON.stringify({ receiptNumber: c.receiptNumber, status: c.status, reason: c.reason }));
        published = c.seq;
      }
    } catch (err) {
      process.stderr.write(`backend-sim: file exchange: ${String(err)}\n`);
    }
  };
  const timer = setInterval(tick, 100);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
