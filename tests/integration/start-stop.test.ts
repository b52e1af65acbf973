import { spawn, execFileSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir, waitFor } from '../support/processes';

/** The processes still alive in process group `pgid` (ps prints nothing when none are). */
function groupMembers(pgid: number): string[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '-g', String(pgid)], { encoding: 'utf8' }).split('\n').filter((l) => l.trim());
  } catch {
    return []; // ps exits 1 when the group is empty
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

/**
 * `npm start` as a newcomer meets it where Electron's binary is missing: browser mode starts, says where the
 * data lives, where applications go and how to stop; Ctrl+C (SIGINT to the terminal's process group)
 * stops every process it started, including the simulated back end, and exits 0.
 */
describe('npm start: start-up text and Ctrl+C', () => {
  it('prints the address, the data folder, the demo back end and how to stop; Ctrl+C leaves nothing running', async () => {
    const dataDir = tempDir('start-stop');
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'start.mjs'), '--port', '0', '--data-dir', dataDir], {
      cwd: repoRoot,
      detached: true, // its own process group, as a terminal gives it
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ICHIMADO_NO_ELECTRON_DOWNLOAD: '1', ELECTRON_OVERRIDE_DIST_PATH: path.join(dataDir, 'no-electron') },
    });
    let out = '';
    child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await waitFor(() => out.includes('止めるには'), 60_000, `the start-up text, got:\n${out}`);
      expect(out).toMatch(/ichimado browser mode: http:\/\/127\.0\.0\.1:\d+\/\?token=/);
      expect(out).toContain(`データの保存先: ${dataDir}`);
      expect(out).toContain('送信先: 研修用の受付シミュレーター');
      expect(out).not.toMatch(/Error|at .+:\d+:\d+/); // nothing a user cannot act on
      const port = Number(/127\.0\.0\.1:(\d+)/.exec(out)![1]);
      expect(await portOpen(port)).toBe(true);
      expect(groupMembers(child.pid!).length).toBeGreaterThan(0);

      // a terminal's Ctrl+C reaches the whole group, and start.mjs forwards it as well: the app gets it
      // twice, and an impatient clerk presses it again — none of that may cut the shutdown short
      process.kill(-child.pid!, 'SIGINT');
      await new Promise((r) => setTimeout(r, 30));
      process.kill(-child.pid!, 'SIGINT');
      expect(await exited).toBe(0);
      await waitFor(() => groupMembers(child.pid!).length === 0, 10_000, 'every process of the group to stop');
      expect(await portOpen(port)).toBe(false);
    } finally {
      if (groupMembers(child.pid!).length > 0) process.kill(-child.pid!, 'SIGKILL');
    }
  }, 90_000);
});
