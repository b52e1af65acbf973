import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Where the database key lives. The desktop app wraps it with Electron safeStorage (OS user
 * keychain / DPAPI; see main/electron/safe-storage-key-store.ts); browser mode and the CLI keep it
 * in a key file readable only by its owner.
 */
export interface KeyStore {
  /** the key, or null when none has been stored yet */
  load(): Buffer | null;
  /** makes, stores and returns a new random key */
  create(): Buffer;
  /** for messages: where the key is expected */
  describe(): string;
}

export const KEY_FILE_NAME = 'ichimado.key';

export class FileKeyStore implements KeyStore {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, KEY_FILE_NAME);
  }

  load(): Buffer | null {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    const key = Buffer.from(text.trim(), 'base64');
    return key.length === 32 ? key : null;
  }

  create(): Buffer {
    const key = randomBytes(32);
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    // wx: never overwrite an existing key (that would orphan every encrypted row)
    const fd = fs.openSync(this.file, 'wx', 0o600);
    try {
      fs.writeSync(fd, key.toString('base64') + '\n');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return key;
  }

  describe(): string {
    return this.file;
  }
}
