import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { safeStorage } from 'electron';
import { FileKeyStore, type KeyStore } from '../services/crypto/key-store';

/**
 * The database key wrapped by Electron safeStorage (DPAPI on Windows, the OS keychain elsewhere):
 * copying the data folder to another PC or user account does not copy a usable key. Where the OS
 * offers no protected storage (a Linux PC without a keyring) it falls back to a 0600 key file.
 */
export class SafeStorageKeyStore implements KeyStore {
  private readonly file: string;
  private readonly fallback: FileKeyStore;

  constructor(dataDir: string, private readonly log: (event: string, detail?: Record<string, unknown>) => void) {
    this.file = path.join(dataDir, 'ichimado.key.safe');
    this.fallback = new FileKeyStore(dataDir);
  }

  private available(): boolean {
    return safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
  }

  load(): Buffer | null {
    if (!fs.existsSync(this.file)) return this.fallback.load();
    if (!safeStorage.isEncryptionAvailable()) return null;
    try {
      const key = Buffer.from(safeStorage.decryptString(fs.readFileSync(this.file)), 'base64');
      return key.length === 32 ? key : null;
    } catch {
      return null; // wrapped by another OS user or machine: reported as a missing key
    }
  }

  create(): Buffer {
    if (!this.available()) {
      this.log('key_store_fallback_file', { reason: 'safeStorage unavailable' });
      return this.fallback.create();
    }
    const key = randomBytes(32);
    const fd = fs.openSync(this.file, 'wx', 0o600);
    try {
      fs.writeSync(fd, safeStorage.encryptString(key.toString('base64')));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return key;
  }

  describe(): string {
    return fs.existsSync(this.file) || this.available() ? `${this.file}（OS の資格情報で保護）` : this.fallback.describe();
  }
}
