import type { CliCommand } from '../command';
import { backendSimCommand } from './backend-sim';
import { queueStatsCommand } from './queue-stats';
import { syncCommand } from './sync';

/** Every CLI command, one file each. Longer names first so `queue stats` wins over `queue`. */
export const COMMANDS: readonly CliCommand[] = [backendSimCommand, queueStatsCommand, syncCommand];
