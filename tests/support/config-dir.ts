import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/**
 * A data dir holding only `config.json` with `json`, for the config tests; every one made in a test file
 * is removed after each test.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

export function withConfig(json: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ichimado-config-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(json));
  return dir;
}
