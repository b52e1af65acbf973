import { runSync } from '../../main/cli/commands/sync';

/**
 * `cli sync` with the crash drill's fault-injection seam: `--crash-after-csv N` SIGKILLs this process
 * right after the N-th CSV is stored and before its manifest — the exact instant a file exchange must
 * survive. The production CLI has no such option; this entry passes the hook the connector offers.
 */
// called like the CLI (`sync --data-dir …`): the command word is this entry's only command
const argv = process.argv.slice(process.argv[2] === 'sync' ? 3 : 2);
const at = argv.indexOf('--crash-after-csv');
const crashAfter = at >= 0 ? Number(argv[at + 1]) : 0;
if (at >= 0) argv.splice(at, 2);
let written = 0;
runSync(argv, {
  afterCsv: () => {
    if (crashAfter > 0 && ++written >= crashAfter) process.kill(process.pid, 'SIGKILL');
  },
}).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
