import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomicAsync } from '../files/atomic-write';
import type { AreaEntry, ExchangeArea, WriteOptions } from './exchange-area';

/** a temporary file this old was left by a process killed mid-write (no write takes an hour) */
const STALE_TEMP_MS = 60 * 60_000;

/**
 * An exchange area that is a folder (an SMB share mounted on the PC). Whole files appear by
 * rename; names starting with '.' are temporary and never listed.
 */
export class FolderExchangeArea implements ExchangeArea {
  readonly where: string;

  constructor(private readonly dir: string) {
    this.where = dir;
    this.sweepStaleTemps();
  }

  /** Temporary files of writes a crash cut short: invisible to the reader, but clutter on the share. */
  private sweepStaleTemps(): void {
    try {
      for (const n of fs.readdirSync(this.dir)) {
        const f = path.join(this.dir, n);
        if (n.startsWith('.') && n.endsWith('.tmp') && Date.now() - fs.statSync(f).mtimeMs > STALE_TEMP_MS) fs.rmSync(f, { force: true });
      }
    } catch {
      // the share is not reachable now: the next start sweeps
    }
  }

  async write(name: string, body: string | Buffer, opts: WriteOptions = {}): Promise<void> {
    const target = path.join(this.dir, name);
    // the next write's folder fsync makes this rename durable too: one folder fsync, not two
    if (!opts.slowMs) return writeFileAtomicAsync(target, body, { syncDir: !opts.durableWithNext });
    // a slow share: the half-written file sits under a dot name the reader ignores
    const tmp = path.join(this.dir, `.${name}.slow.tmp`);
    const half = body.length >> 1;
    await fs.promises.writeFile(tmp, body.slice(0, half));
    await new Promise((r) => setTimeout(r, opts.slowMs));
    await fs.promises.appendFile(tmp, body.slice(half));
    await fs.promises.rename(tmp, target);
  }

  async read(name: string): Promise<Buffer | null> {
    try {
      return await fs.promises.readFile(path.join(this.dir, name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async exists(name: string): Promise<boolean> {
    try {
      await fs.promises.stat(path.join(this.dir, name));
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  async list(): Promise<AreaEntry[]> {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(this.dir, { withFileTypes: true });
    } catch (err) {
      // not made yet: nothing in it
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const out: AreaEntry[] = [];
    for (const e of entries) {
      if (!e.isFile() || e.name.startsWith('.')) continue;
      try {
        out.push({ name: e.name, modifiedMs: (await fs.promises.stat(path.join(this.dir, e.name))).mtimeMs });
      } catch {
        // moved away meanwhile (the other side set it aside)
      }
    }
    return out;
  }

  async setAside(name: string, subArea: string): Promise<void> {
    const dir = path.join(this.dir, subArea);
    await fs.promises.mkdir(dir, { recursive: true });
    await fs.promises.rename(path.join(this.dir, name), path.join(dir, name));
  }

  async probe(): Promise<boolean> {
    try {
      await fs.promises.access(this.dir, fs.constants.W_OK | fs.constants.R_OK);
      return true;
    } catch {
      return false;
    }
  }

  explain(err: unknown): { reason: string; offline: boolean } {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOSPC' || code === 'EDQUOT') return { reason: '連携フォルダーの空き容量がありません。情報システム担当へ連絡してください', offline: true };
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      return { reason: `連携フォルダーに書き込む権限がありません（${code}）。情報システム担当へ連絡してください`, offline: true };
    }
    return { reason: `連携フォルダーに書き込めません（${code}）`, offline: true };
  }
}
