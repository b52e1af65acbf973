import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appDataDirs, sampleTerms, scanDirs } from '../support/personal-data-scan';
import { tempDir } from '../support/processes';

/** The e2e data-dir scan's eyes: it must see what it is looking for, wherever it sits, and only that. */
const fullWidth = (digits: string) => digits.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

describe('personal-data scan', () => {
  const root = tempDir('scan-unit');
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const terms = sampleTerms();

  it("takes the e2e tests' names and numbers from their sources", () => {
    expect(terms.numbers).toContain('537686677188');
    expect(terms.names).toEqual(expect.arrayContaining(['髙橋', '一郎', '渡邉', 'たかはし', '山﨑\u3000栞', '山﨑栞']));
    // one character alone would match random bytes of an encrypted page
    expect(terms.names).not.toContain('栞');
  });

  it('finds names and numbers in raw files, -wal and nested folders included, and leaves ids and timestamps alone', () => {
    const app = path.join(root, 'ichimado-app-x');
    fs.mkdirSync(path.join(app, 'logs'), { recursive: true });
    fs.mkdirSync(path.join(app, 'demo-backend'), { recursive: true });
    fs.writeFileSync(path.join(app, 'ichimado.db'), Buffer.concat([Buffer.alloc(100, 0xab), Buffer.from('SQLite ok')]));
    fs.writeFileSync(path.join(app, 'demo-backend', 'backend-sim.db-wal'), Buffer.concat([Buffer.alloc(64), Buffer.from('{"familyName":"髙橋","n":"537686677188"}')]));
    fs.writeFileSync(
      path.join(app, 'logs', 'ichimado.log'),
      `{"t":1764806400123,"id":"01930000-0000-7000-8000-200000000000","event":"x"}\n{"event":"leak","v":"100000000005"}\n{"v":"${fullWidth('300000000004')}"}\n`,
    );
    const sim = path.join(root, 'ichimado-sim-x');
    fs.mkdirSync(sim);
    fs.writeFileSync(path.join(sim, 'backend-sim.db'), '髙橋 537686677188');

    const dirs = appDataDirs(root);
    expect(dirs).toEqual([app]);
    const { hits } = scanDirs(root, dirs, terms);
    expect(hits.map((h) => `${h.file} ${h.what}`).sort()).toEqual(
      [
        'ichimado-app-x/demo-backend/backend-sim.db-wal name 髙橋',
        'ichimado-app-x/demo-backend/backend-sim.db-wal test number 537686677188',
        'ichimado-app-x/logs/ichimado.log 12 digits passing the 個人番号 check 100000000005',
        'ichimado-app-x/logs/ichimado.log full-width 12 digits passing the 個人番号 check 300000000004',
      ].sort(),
    );
  });
});
