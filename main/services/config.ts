import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** `<data-dir>/config.json`, written by the city's IT staff. Every key is optional. */
export const ConfigSchema = z.strictObject({
  backendUrl: z.url({ protocol: /^https?$/ }).optional(),
  sync: z
    .strictObject({
      concurrency: z.number().int().min(1).max(32).optional(),
      backoffBaseMs: z.number().int().min(10).optional(),
      backoffCapMs: z.number().int().min(100).optional(),
      probeIntervalMs: z.number().int().min(100).optional(),
    })
    .optional(),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

export function loadConfig(dataDir: string): Config {
  const file = path.join(dataDir, 'config.json');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError(`設定ファイル ${file} が JSON として読めません。内容を確認してください。`);
  }
  const r = ConfigSchema.safeParse(json);
  if (!r.success) {
    const where = r.error.issues.map((i) => i.path.join('.') || '(全体)').join(', ');
    throw new ConfigError(`設定ファイル ${file} の項目が正しくありません: ${where}`);
  }
  return r.data;
}
