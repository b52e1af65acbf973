import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/processes';
import { openTestQueue } from '../support/queue';
import { startS3Server, type S3Server } from '../support/s3-server';
import { sampleApplications } from '../../main/services/demo/sample-applications';
import { defaultProfileSet } from '../../common/forms/default-csv-profiles';
import { FileExchangeConnector } from '../../main/services/sync/file-exchange-connector';
import { FolderExchangeArea } from '../../main/services/sync/folder-exchange-area';
import { s3Client, S3ExchangeArea } from '../../main/services/sync/s3-exchange-area';
import { readS3Credentials } from '../../main/services/sync/s3-credentials';
import { intakeDocument } from '../../main/services/sync/intake-connector';
import { intakePayload } from '../../main/services/sync/payload-checks';
import type { ExchangeArea } from '../../main/services/sync/exchange-area';
import type { OutboxEntry } from '../../main/services/store/application-repository';

/**
 * What the sender finds under a manifest's name before it writes decides the delivery, on every kind
 * of storage (a folder and a real S3 server process): the same manifest = already delivered, nothing
 * written again; a different one = refused, nothing overwritten; something that is no manifest (a
 * write cut short) = the pair written again; nothing = the pair written, CSV and manifest.
 */
let s3: S3Server;

beforeAll(async () => {
  s3 = await startS3Server();
}, 30_000);

afterAll(async () => {
  await s3?.stop();
});

/** four claimed applications, and the manifest each one gets when delivered into an empty area */
async function claimedWithManifests(): Promise<{ entries: OutboxEntry[]; manifests: Map<string, Buffer> }> {
  const { repo } = openTestQueue(tempDir('placed-db'));
  // samples come in visit cases, only the first of a case is due: enough of them for four claims
  repo.enqueueMany(sampleApplications(16, 31));
  const entries = repo.claimDue(16).slice(0, 4);
  expect(entries).toHaveLength(4);
  const scratchDir = tempDir('placed-scratch');
  const scratch = connectorInto(new FolderExchangeArea(scratchDir));
  const manifests = new Map<string, Buffer>();
  for (const e of entries) {
    expect(await scratch.deliver(e, doc(e))).toMatchObject({ kind: 'delivered' });
    const name = fs.readdirSync(scratchDir).find((f) => f.startsWith(`${e.applicationNumber}_v`) && f.endsWith('.manifest.json'))!;
    manifests.set(e.applicationId, fs.readFileSync(path.join(scratchDir, name)));
  }
  return { entries, manifests };
}

function doc(e: OutboxEntry) {
  return intakeDocument(e, intakePayload(e.formId, JSON.parse(e.payloadJson!) as Record<string, unknown>));
}

function connectorInto(outbox: ExchangeArea): FileExchangeConnector {
  return new FileExchangeConnector({ id: 'placed', outbox, results: outbox, profiles: defaultProfileSet(), cityCode: '131016' });
}

const areas: [string, () => ExchangeArea][] = [
  ['a folder', () => new FolderExchangeArea(tempDir('placed-outbox'))],
  ['an S3 bucket', () => new S3ExchangeArea(s3Client({ endpoint: s3.endpoint, bucket: s3.bucket }, readS3Credentials(s3.credentialsFile)), s3.bucket, `placed-${Date.now()}-${Math.random().toString(36).slice(2)}/`)],
];

describe.each(areas)('what is already under the manifest name, in %s', (_kind, makeArea) => {
  it('same manifest: delivered, nothing rewritten; different: refused, nothing written; not a manifest: written again; nothing: written', { timeout: 30_000 }, async () => {
    const { entries, manifests } = await claimedWithManifests();
    const area = makeArea();
    const connector = connectorInto(area);
    const names = (e: OutboxEntry) => {
      const manifest = JSON.parse(manifests.get(e.applicationId)!.toString('utf8')) as { CSVファイル名: string };
      return { csv: manifest.CSVファイル名, manifest: manifest.CSVファイル名.replace(/\.csv$/, '.manifest.json') };
    };
    const [same, different, broken, none] = entries as [OutboxEntry, OutboxEntry, OutboxEntry, OutboxEntry];

    await area.write(names(same).manifest, manifests.get(same.applicationId)!);
    const otherSha = JSON.parse(manifests.get(different.applicationId)!.toString('utf8')) as Record<string, unknown>;
    otherSha.SHA256 = '0'.repeat(64);
    await area.write(names(different).manifest, JSON.stringify(otherSha));
    await area.write(names(broken).manifest, '{"申請番号": "cut sho');

    expect(await connector.deliver(same, doc(same))).toMatchObject({ kind: 'delivered' });
    // no write at all: the CSV a second delivery would have placed is not there
    expect(await area.exists(names(same).csv)).toBe(false);
    expect(await area.read(names(same).manifest)).toEqual(manifests.get(same.applicationId));

    const refused = await connector.deliver(different, doc(different));
    expect(refused).toMatchObject({ kind: 'rejected' });
    expect((refused as { reason: string }).reason).toContain('同じ申請番号・版の異なる内容');
    expect(await area.exists(names(different).csv)).toBe(false);
    expect(JSON.parse((await area.read(names(different).manifest))!.toString('utf8'))).toEqual(otherSha);

    expect(await connector.deliver(broken, doc(broken))).toMatchObject({ kind: 'delivered' });
    expect(await area.read(names(broken).manifest)).toEqual(manifests.get(broken.applicationId));
    expect(await area.exists(names(broken).csv)).toBe(true);

    expect(await area.exists(names(none).manifest)).toBe(false);
    expect(await connector.deliver(none, doc(none))).toMatchObject({ kind: 'delivered' });
    expect(await area.read(names(none).manifest)).toEqual(manifests.get(none.applicationId));
    expect(await area.exists(names(none).csv)).toBe(true);
    area.close?.();
  });
});
