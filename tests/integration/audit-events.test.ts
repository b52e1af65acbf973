import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createAppServices } from '../../main/services/app-services';
import { DB_FILE_NAME } from '../../main/services/store/open-database';
import { KEY_FILE_NAME } from '../../main/services/crypto/key-store';
import { runCli, tempDir } from '../support/processes';

/** Events recorded at start-up: a changed config.json, and a key reset done with the CLI while the app was down. */
async function startAndStop(dataDir: string): Promise<void> {
  const s = await createAppServices({ dataDir, host: 'browser', appVersion: '1', backendUrl: 'http://127.0.0.1:9', ocr: 'off', log: () => {} });
  await s.close();
}

function trail(dataDir: string): { actor: string; event: string; detail: Record<string, unknown> }[] {
  const db = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
  try {
    return (db.prepare('SELECT actor, event, detail FROM audit_entries ORDER BY seq').all() as { actor: string; event: string; detail: string }[]).map((r) => ({
      ...r,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    }));
  } finally {
    db.close();
  }
}

describe('audit entries made at start-up', { timeout: 120_000 }, () => {
  it('records the first configuration and each changed one, by a keyed fingerprint (no secret in the trail)', async () => {
    const dataDir = tempDir('audit-cfg');
    await startAndStop(dataDir);
    await startAndStop(dataDir);
    expect(trail(dataDir).filter((e) => e.event === 'config.changed')).toHaveLength(1);
    fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ retentionDays: 30, lockAfterMinutes: 3, terminalId: 'madoguchi-07' }));
    await startAndStop(dataDir);
    const changes = trail(dataDir).filter((e) => e.event === 'config.changed');
    expect(changes).toHaveLength(2);
    expect(changes[1]).toMatchObject({ actor: 'system', detail: { present: true, first: false } });
    expect(changes[1]!.detail.fingerprint).not.toBe(changes[0]!.detail.fingerprint);
    expect(JSON.stringify(changes)).not.toContain('retentionDays'); // a fingerprint, not the file
    const db = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
    expect((db.prepare('SELECT terminal FROM audit_entries ORDER BY seq DESC LIMIT 1').get() as { terminal: string }).terminal).toBe('madoguchi-07');
    db.close();
  });

  it('records a key reset in the new database at the next start, with the OS user who ran it', async () => {
    const dataDir = tempDir('audit-key');
    await startAndStop(dataDir);
    fs.rmSync(path.join(dataDir, KEY_FILE_NAME)); // the key is lost
    const r = await runCli(['key', 'reset', '--data-dir', dataDir, '--confirm']);
    expect(r.code, r.stderr).toBe(0);
    await startAndStop(dataDir);
    const entries = trail(dataDir);
    expect(entries.find((e) => e.event === 'key.reset')).toMatchObject({ actor: `os:${os.userInfo().username}`, detail: { movedAside: 1 } });
    expect(fs.existsSync(path.join(dataDir, 'key-reset-pending.json'))).toBe(false);
    await startAndStop(dataDir);
    expect(trail(dataDir).filter((e) => e.event === 'key.reset')).toHaveLength(1);
  });
});
