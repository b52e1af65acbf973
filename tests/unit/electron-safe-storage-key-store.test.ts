import { describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../support/processes';
import { FileKeyStore } from '../../main/services/crypto/key-store';

// Electron's safeStorage is stood in for by a reversible "OS wrap"; its availability is switchable.
const os = { available: true, backend: 'gnome_libsecret', otherUser: false };
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => os.available,
    getSelectedStorageBackend: () => os.backend,
    encryptString: (s: string) => Buffer.from(`wrapped:${Buffer.from(s).toString('hex')}`),
    decryptString: (b: Buffer) => {
      if (os.otherUser) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(b.toString().replace(/^wrapped:/, ''), 'hex').toString();
    },
  },
}));
const { SafeStorageKeyStore } = await import('../../main/electron/safe-storage-key-store');

describe('SafeStorageKeyStore (desktop key wrapping)', () => {
  it('stores the key only wrapped by the OS, and unwraps the same key', () => {
    Object.assign(os, { available: true, backend: 'gnome_libsecret', otherUser: false });
    const dir = tempDir('safe');
    const store = new SafeStorageKeyStore(dir, () => {});
    expect(store.load()).toBeNull();
    const key = store.create();
    const onDisk = fs.readFileSync(path.join(dir, 'ichimado.key.safe'));
    expect(onDisk.includes(Buffer.from(key.toString('base64')))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'ichimado.key'))).toBe(false);
    expect(store.load()?.equals(key)).toBe(true);
    expect(() => store.create()).toThrow(); // never overwrites a key
  });

  it('treats a key wrapped for another OS user as missing (the open fails with the recovery message)', () => {
    Object.assign(os, { available: true, backend: 'gnome_libsecret', otherUser: false });
    const dir = tempDir('safe');
    new SafeStorageKeyStore(dir, () => {}).create();
    os.otherUser = true;
    expect(new SafeStorageKeyStore(dir, () => {}).load()).toBeNull();
  });

  it('falls back to a 0600 key file, and says so, where the OS has no protected storage', () => {
    Object.assign(os, { available: true, backend: 'basic_text', otherUser: false });
    const dir = tempDir('safe');
    const events: string[] = [];
    const key = new SafeStorageKeyStore(dir, (e) => events.push(e)).create();
    expect(events).toEqual(['key_store_fallback_file']);
    expect(new FileKeyStore(dir).load()?.equals(key)).toBe(true);
    expect(fs.statSync(path.join(dir, 'ichimado.key')).mode & 0o777).toBe(0o600);
    expect(new SafeStorageKeyStore(dir, () => {}).load()?.equals(key)).toBe(true);
  });
});
