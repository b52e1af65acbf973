import type { Migration } from './migration';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-cases-versions-encryption';
import { migration0003 } from './0003-visit-cases';
import { migration0004 } from './0004-accounts-audit';
import { migration0005 } from './0005-resubmission-lineage';
import { migration0006 } from './0006-delivered-status';
import { migration0007 } from './0007-cancel-requested';

/** Forward-only. Append new files; never edit or reorder released ones. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007];
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
