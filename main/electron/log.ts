/**
 * One JSON line per event on stderr: the shell logs only event names and non-personal detail,
 * and stderr is what a support engineer sees when starting the app from a terminal.
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type Log = (event: string, detail?: Record<string, unknown>, level?: LogLevel) => void;

export const log: Log = (event, detail = {}, level = 'info') => {
  process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), level, src: 'electron', event, ...detail })}\n`);
};
