import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Field-level AES-256-GCM for personal data in the local database.
 *
 * Why field-level rather than whole-file (SQLCipher): better-sqlite3 12 stays the stock build
 * (no fork to track, no from-source crypto build on every counter PC), the queue's own columns
 * (status, times, receipt numbers) stay queryable and indexable for the 100k-row queue screen, and
 * only the columns that hold personal data — the application payload and the person's name —
 * carry ciphertext. Each value is bound (GCM additional data) to its row id and column, so a
 * ciphertext copied into another row or column fails to decrypt instead of showing wrong data.
 *
 * Layout: [1 byte format = 1][12 bytes IV][16 bytes tag][ciphertext]
 */
const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class CorruptFieldError extends Error {
  constructor(what: string) {
    super(`暗号化されたデータを復号できません（${what}）。データが破損しているか、鍵が違います。`);
    this.name = 'CorruptFieldError';
  }
}

export class FieldCipher {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('FieldCipher needs a 32-byte key');
    this.key = Buffer.from(key);
  }

  encrypt(plaintext: string, aad: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([FORMAT]), iv, cipher.getAuthTag(), body]);
  }

  /**
   * A 32-byte key for another purpose (e.g. the audit log's MACs), derived from the data key with
   * HKDF-SHA256 under its own label: nothing new to store, and knowing one derived key tells
   * nothing about the data key or another label's key.
   */
  deriveKey(label: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), Buffer.from(label, 'utf8'), 32));
  }

  decrypt(blob: Buffer | Uint8Array, aad: string): string {
    const b = Buffer.from(blob);
    if (b.length < 1 + IV_BYTES + TAG_BYTES || b[0] !== FORMAT) throw new CorruptFieldError(aad);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, b.subarray(1, 1 + IV_BYTES));
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(b.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(b.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new CorruptFieldError(aad);
    }
  }
}
