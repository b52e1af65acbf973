import fs from 'node:fs';

/** CPU time (user + system, all threads) a process has used so far, in ms: Linux /proc; 0 elsewhere or once it is gone. */
export function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    // utime and stime, fields 14 and 15, in clock ticks (100 per second on Linux)
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
}
