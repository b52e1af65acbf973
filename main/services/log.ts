import fs from 'node:fs';
import path from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';
export type Logger = (level: LogLevel, event: string, detail?: Record<string, unknown>) => void;

/**
 * JSON-lines log for the city's IT staff. Callers pass ids and error codes, never personal
 * data (names, addresses, 個人番号): the log leaves the counter when a problem is reported.
 */
export function fileLogger(dataDir: string, alsoStderr = false): Logger {
  const dir = path.join(dataDir, 'logs');
  // 0700 / 0600: the log is for the PC's IT staff, not for other users of the PC
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch {
    // a data dir that cannot be written: opening the database says so in Japanese; lines are lost until then
  }
  const file = path.join(dir, 'ichimado.log');
  return (level, event, detail) => {
    const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...detail }) + '\n';
    try {
      fs.appendFileSync(file, line, { mode: 0o600 });
    } catch {
      // a full disk must not take the counter down with it
    }
    if (alsoStderr && level !== 'info') process.stderr.write(line);
  };
}
