import fs from 'node:fs';
import path from 'node:path';
import { ensureOwnerOnlyDir, narrowToOwnerIfPresent, OWNER_ONLY_FILE_MODE } from './files/owner-only';

export type LogLevel = 'info' | 'warn' | 'error';
export type Logger = (level: LogLevel, event: string, detail?: Record<string, unknown>) => void;

/**
 * Size of the live log before it is rotated. A counter's normal day writes well under 1 MB (start,
 * deliveries, card reads, refusals), so one file holds weeks: enough for IT to look back at a problem,
 * small enough to attach to a report.
 */
export const LOG_MAX_BYTES = 10 * 1024 * 1024;
/** rotated files kept beside the live one (ichimado.log.1 newest … .5 oldest): at most 60 MB in all */
export const LOG_KEEP_FILES = 5;
/**
 * Lines one event may write per interval before the rest of the interval's repeats are only
 * counted. Enough for a genuine burst (a retry storm over a whole queue shows its shape), while a
 * local process knocking on the browser host thousands of times a second costs a few lines a minute.
 */
export const LOG_REPEAT_BURST = 30;
export const LOG_REPEAT_WINDOW_MS = 60_000;

export interface FileLoggerOptions {
  maxBytes?: number;
  keepFiles?: number;
  repeatBurst?: number;
  repeatWindowMs?: number;
}

interface RepeatWindow {
  start: number;
  written: number;
  suppressed: number;
}

/**
 * JSON-lines log for the city's IT staff, `<data-dir>/logs/ichimado.log` (0600 in a 0700 folder).
 * Callers pass ids and error codes, never personal data (names, addresses, 個人番号): the log leaves
 * the counter when a problem is reported. It cannot outgrow its bounds: repeats of one event beyond
 * the burst are counted and summarised as `log.suppressed`, and the file is rotated by size.
 */
export function fileLogger(dataDir: string, alsoStderr = false, o: FileLoggerOptions = {}): Logger {
  const maxBytes = o.maxBytes ?? LOG_MAX_BYTES;
  const keepFiles = o.keepFiles ?? LOG_KEEP_FILES;
  const burst = o.repeatBurst ?? LOG_REPEAT_BURST;
  const windowMs = o.repeatWindowMs ?? LOG_REPEAT_WINDOW_MS;
  const dir = path.join(dataDir, 'logs');
  const file = path.join(dir, 'ichimado.log');
  // 0700 / 0600: the log is for the PC's IT staff, not other users of the PC; a log written by an earlier
  // version may be world-readable. A data dir that cannot be written must not stop the start here:
  // opening the database says so in Japanese, and lines are lost until then.
  try {
    ensureOwnerOnlyDir(dir);
    for (const f of [file, ...Array.from({ length: keepFiles }, (_, i) => `${file}.${i + 1}`)]) narrowToOwnerIfPresent(f);
  } catch {
    // see above
  }
  const windows = new Map<string, RepeatWindow>();

  const rotate = () => {
    for (let i = keepFiles; i >= 1; i--) {
      const from = i === 1 ? file : `${file}.${i - 1}`;
      try {
        fs.renameSync(from, `${file}.${i}`); // replaces the oldest kept file
      } catch {
        // a gap in the series (first rotations) is fine
      }
    }
  };

  const write = (level: LogLevel, line: string) => {
    try {
      let size = 0;
      try {
        size = fs.statSync(file).size;
      } catch {
        size = 0;
      }
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
      fs.appendFileSync(file, line, { mode: OWNER_ONLY_FILE_MODE });
    } catch {
      // a full disk must not take the counter down with it
    }
    if (alsoStderr && level !== 'info') process.stderr.write(line);
  };
  const lineOf = (level: LogLevel, event: string, detail?: Record<string, unknown>) =>
    JSON.stringify({ t: new Date().toISOString(), level, event, ...detail }) + '\n';

  /** true when this occurrence of `event` may be written; otherwise it is counted for the summary */
  const admit = (event: string): boolean => {
    const now = Date.now();
    let w = windows.get(event);
    if (!w || now - w.start >= windowMs) {
      w = { start: now, written: 0, suppressed: 0 };
      windows.set(event, w);
    }
    if (w.written < burst) {
      w.written++;
      return true;
    }
    if (w.suppressed++ === 0) {
      const ended = w;
      const timer = setTimeout(() => {
        if (windows.get(event) === ended) windows.delete(event);
        write('warn', lineOf('warn', 'log.suppressed', { of: event, count: ended.suppressed, windowMs }));
      }, Math.max(0, ended.start + windowMs - now));
      timer.unref();
    }
    return false;
  };

  return (level, event, detail) => {
    if (admit(event)) write(level, lineOf(level, event, detail));
  };
}
