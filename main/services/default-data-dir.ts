import os from 'node:os';
import path from 'node:path';

/** Where browser mode and the CLI keep data when no --data-dir is given (Electron uses userData). */
export function defaultDataDir(): string {
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'ichimado');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'ichimado');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'ichimado');
}
