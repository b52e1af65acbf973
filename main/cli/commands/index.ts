import type { CliCommand } from '../command';
import { backendSimCommand } from './backend-sim';
import { queueStatsCommand } from './queue-stats';
import { queueExportCommand } from './queue-export';
import { syncCommand } from './sync';
import { formsListCommand } from './forms';
import { navigatorCommand } from './navigator';
import { ocrCommand } from './ocr';
import { enqueueCommand } from './enqueue';
import { keyResetCommand } from './key-reset';
import { auditVerifyCommand } from './audit-verify';
import { auditExportCommand } from './audit-export';
import { userAddCommand } from './user-add';
import { registerSearchCommand } from './register-search';
import { cardEmulateCommand } from './card-emulate';
import { cardReadCommand } from './card-read';
import { cardReadersCommand } from './card-readers';
import { demoResetCommand } from './demo-reset';

/** Every CLI command, one file each. */
export const COMMANDS: readonly CliCommand[] = [backendSimCommand, queueStatsCommand, queueExportCommand, syncCommand, enqueueCommand, keyResetCommand, ocrCommand, formsListCommand, navigatorCommand, auditVerifyCommand, auditExportCommand, userAddCommand, registerSearchCommand, cardReadCommand, cardReadersCommand, cardEmulateCommand, demoResetCommand];
