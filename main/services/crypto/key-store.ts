import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { keyFileMalformed, keyFileUnusable } from './key-errors';

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
      const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
      if (code === 'ENOENT') return null;
      throw keyFileUnusable(this.file, KEY_FILE_NAME, code);
    }
    // a key file that is there but not a key is never "no key": that would make a new one
    const trimmed = text.trim();
    const key = Buffer.from(trimmed, 'base64');
    if (key.length !== 32 || !/^[A-Za-z0-9+/]{43}=$/.test(trimmed)) throw keyFileMalformed(this.file, KEY_FILE_NAME);
    return key;
  }

  create(): Buffer {
    const key = randomBytes(32);
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    // wx: never overwrite an existing key (that would orphan every encrypted row)
    let fd: number;
    try {
      fd = fs.openSync(this.file, 'wx', 0o600);
    } catch (err) {
      throw keyFileUnusable(this.file, KEY_FILE_NAME, (err as NodeJS.ErrnoException).code ?? 'EIO');
    }
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
