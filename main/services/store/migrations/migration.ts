import type Database from 'better-sqlite3';
import type { FieldCipher } from '../../crypto/field-cipher';

export interface MigrationContext {
  /** for migrations that move personal data into encrypted columns */
  cipher: FieldCipher;
}

export interface Migration {
  /** 1, 2, 3 …: applied in order, each exactly once, never edited after release */
  version: number;
  name: string;
  up(db: Database.Database, ctx: MigrationContext): void;
}
