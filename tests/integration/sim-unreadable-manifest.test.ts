import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, waitFor } from '../support/processes';
import { openTestQueue } from '../support/queue';
import { sampleApplications } from '../../main/services/demo/sample-applications';
import { defaultProfileSet } from '../../common/forms/default-csv-profiles';
import { FileExchangeConnector } from '../../main/services/sync/file-exchange-connector';
import { FolderExchangeArea } from '../../main/services/sync/folder-exchange-area';
import { intakeDocument } from '../../main/services/sync/intake-connector';
import { intakePayload } from '../../main/services/sync/payload-checks';
import type { ExchangeArea } from '../../main/services/sync/exchange-area';
import { SimStore } from '../../main/backend-sim/sim-store';
import { FieldCipher } from '../../main/services/crypto/field-cipher';
import { startFileExchange, UNREADABLE_MANIFEST_GRACE_MS, type FileExchangeSim } from '../../main/backend-sim/sim-file-exchange';

/**
 * The back-end simulator's side of a manifest it cannot parse. A sender killed mid-PUT (on a storage
 * that shows partial objects, as s3rver does) leaves a cut manifest and writes the pair again on its
 * next attempt; the simulator must import that rewrite, never move it away with the cut one.
 * Real files, a real SimStore; the simulator's import loop runs in this process.
 */
const running: FileExchangeSim[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

/** one delivered pair: its CSV and manifest names and bytes, as the counter's connector writes them */
async function onePair(): Promise<{ csv: string; manifest: string; csvBytes: Buffer; manifestBytes: Buffer }> {
  const { repo } = openTestQueue(tempDir('unreadable-db'));
  repo.enqueueMany(sampleApplications(4, 41));
  const [entry] = repo.claimDue(1);
  const scratchDir = tempDir('unreadable-scratch');
  const scratch = new FolderExchangeArea(scratchDir);
  const connector = new FileExchangeConnector({ id: 'u', outbox: scratch, results: scratch, profiles: defaultProfileSet(), cityCode: '131016' });
  const doc = intakeDocument(entry!, intakePayload(entry!.formId, JSON.parse(entry!.payloadJson!) as Record<string, unknown>));
  expect(await connector.deliver(entry!, doc)).toMatchObject({ kind: 'delivered' });
  const manifest = fs.readdirSync(scratchDir).find((n) => n.endsWith('.manifest.json'))!;
  const csv = manifest.replace(/\.manifest\.json$/, '.csv');
  return { csv, manifest, csvBytes: fs.readFileSync(path.join(scratchDir, csv)), manifestBytes: fs.readFileSync(path.join(scratchDir, manifest)) };
}

function startSim(inbox: ExchangeArea): SimStore {
  const stateDir = tempDir('unreadable-sim');
  const store = new SimStore(stateDir, new FieldCipher(randomBytes(32)));
  running.push(startFileExchange(store, { inbox, results: new FolderExchangeArea(tempDir('unreadable-results')), stateDir }));
  return store;
}

const cut = (b: Buffer) => b.subarray(0, b.length >> 1);
const past = (file: string) => {
  const t = (Date.now() - UNREADABLE_MANIFEST_GRACE_MS - 5_000) / 1000;
  fs.utimesSync(file, t, t);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a manifest the simulator cannot parse', () => {
  it('is left where it is while young; the sender\'s rewrite of it is imported', { timeout: 20_000 }, async () => {
    const pair = await onePair();
    const inboxDir = tempDir('unreadable-inbox');
    fs.writeFileSync(path.join(inboxDir, pair.csv), pair.csvBytes);
    fs.writeFileSync(path.join(inboxDir, pair.manifest), cut(pair.manifestBytes));
    const store = startSim(new FolderExchangeArea(inboxDir));
    await sleep(1_000); // ten polls
    expect(fs.readdirSync(inboxDir).sort()).toEqual([pair.csv, pair.manifest].sort());
    expect(store.stats().applications).toBe(0);

    fs.writeFileSync(path.join(inboxDir, pair.manifest), pair.manifestBytes);
    await waitFor(() => store.stats().applications === 1, 10_000, 'the rewritten pair imported');
    // the pair's files are set aside one after the other: both, not the first alone, before looking
    await waitFor(() => [pair.csv, pair.manifest].every((n) => !fs.existsSync(path.join(inboxDir, n))), 5_000, 'the pair taken out of the inbox');
    expect(fs.readdirSync(path.join(inboxDir, 'processed')).sort()).toEqual([pair.csv, pair.manifest].sort());
  });

  it('is set aside into unreadable/ once unchanged past the grace; its CSV is left for the sender\'s rewrite', { timeout: 20_000 }, async () => {
    const pair = await onePair();
    const inboxDir = tempDir('unreadable-inbox');
    fs.writeFileSync(path.join(inboxDir, pair.csv), pair.csvBytes);
    fs.writeFileSync(path.join(inboxDir, pair.manifest), cut(pair.manifestBytes));
    past(path.join(inboxDir, pair.manifest));
    const store = startSim(new FolderExchangeArea(inboxDir));
    await waitFor(() => fs.existsSync(path.join(inboxDir, 'unreadable', pair.manifest)), 10_000, 'the old cut manifest set aside');
    expect(fs.readFileSync(path.join(inboxDir, 'unreadable', pair.manifest))).toEqual(cut(pair.manifestBytes));
    expect(fs.readdirSync(inboxDir).filter((n) => !fs.statSync(path.join(inboxDir, n)).isDirectory())).toEqual([pair.csv]);
    expect(store.stats().applications).toBe(0);
  });

  it('rewritten whole between the simulator\'s read and its set-aside: imported, not moved away', { timeout: 20_000 }, async () => {
    const pair = await onePair();
    const inboxDir = tempDir('unreadable-inbox');
    const folder = new FolderExchangeArea(inboxDir);
    fs.writeFileSync(path.join(inboxDir, pair.csv), pair.csvBytes);
    fs.writeFileSync(path.join(inboxDir, pair.manifest), cut(pair.manifestBytes));
    past(path.join(inboxDir, pair.manifest));
    // the sender's PUT lands just after the simulator's first read of the cut manifest
    let raced = false;
    const racing: ExchangeArea = Object.assign(Object.create(folder) as ExchangeArea, {
      read: async (name: string) => {
        const bytes = await folder.read(name);
        if (!raced && name === pair.manifest) {
          raced = true;
          fs.writeFileSync(path.join(inboxDir, pair.manifest), pair.manifestBytes);
        }
        return bytes;
      },
    });
    const store = startSim(racing);
    await waitFor(() => store.stats().applications === 1, 10_000, 'the rewritten pair imported');
    expect(raced).toBe(true);
    expect(fs.existsSync(path.join(inboxDir, 'unreadable', pair.manifest))).toBe(false);
  });
});
