import type { Migration } from './migration';
import { migration0001 } from './0001-initial';

/** Forward-only. Append new files; never edit or reorder released ones. */
export const MIGRATIONS: readonly Migration[] = [migration0001];
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
