import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../log';

/**
 * The scanner drop folder (config.json `scannerDropDir`): the counter's scanner saves each scan there;
 * the services watch it and offer new card images to the clerk. An image is taken (read into memory
 * and deleted from the folder at once) when the clerk reads it, or deleted when the clerk discards it:
 * card images never stay behind. A file is offered only once its size has stopped changing (a scanner
 * writing over a network share takes a while).
 */
const IMAGE_EXT = /\.(jpe?g|png)$/i;
const POLL_MS = 1000;
/** A scan larger than this is not a card image. */
const MAX_BYTES = 20 * 1024 * 1024;

interface Entry {
  id: string;
  name: string;
  size: number;
  /** polls the size has stayed the same */
  stable: number;
  receivedAt: string;
}

export class ScannerDrop {
  private entries = new Map<string, Entry>();
  private timer: NodeJS.Timeout | null = null;
  private watcher: fs.FSWatcher | null = null;

  constructor(
    readonly dir: string,
    private readonly log: Logger,
  ) {}

  start(): void {
    try {
      fs.mkdirSync(this.dir, { recursive: true });
    } catch {
      this.log('warn', 'scanner.dir_unavailable');
    }
    this.scan();
    this.timer = setInterval(() => this.scan(), POLL_MS);
    this.timer.unref();
    try {
      // a hint only (not every file system reports changes): the poll above is what is relied on
      this.watcher = fs.watch(this.dir, () => this.scan());
      this.watcher.on('error', () => undefined);
      this.watcher.unref();
    } catch {
      this.watcher = null;
    }
  }

  private scan(): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir).filter((n) => IMAGE_EXT.test(n) && !n.startsWith('.'));
    } catch {
      return;
    }
    const seen = new Set(names);
    for (const [key] of this.entries) if (!seen.has(key)) this.entries.delete(key);
    for (const name of names) {
      let size: number;
      try {
        const st = fs.statSync(path.join(this.dir, name));
        if (!st.isFile()) continue;
        size = st.size;
      } catch {
        continue;
      }
      const e = this.entries.get(name);
      if (!e) this.entries.set(name, { id: randomUUID(), name, size, stable: 0, receivedAt: new Date().toISOString() });
      else if (e.size === size) e.stable++;
      else {
        e.size = size;
        e.stable = 0;
      }
    }
  }

  /** Images ready to read, oldest first. */
  list(): { id: string; name: string; size: number; receivedAt: string }[] {
    this.scan();
    return [...this.entries.values()]
      .filter((e) => e.stable >= 1 && e.size > 0)
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.name.localeCompare(b.name))
      .map(({ id, name, size, receivedAt }) => ({ id, name, size, receivedAt }));
  }

  private find(id: string): Entry | undefined {
    return [...this.entries.values()].find((e) => e.id === id);
  }

  /** Reads the image into memory and deletes the file; null when it is gone or too large. */
  take(id: string): Uint8Array | null {
    const e = this.find(id);
    if (!e) return null;
    const file = path.join(this.dir, e.name);
    this.entries.delete(e.name);
    let bytes: Buffer | null = null;
    try {
      if (fs.statSync(file).size <= MAX_BYTES) bytes = fs.readFileSync(file);
    } catch {
      bytes = null;
    }
    this.remove(file);
    return bytes;
  }

  discard(id: string): boolean {
    const e = this.find(id);
    if (!e) return false;
    this.entries.delete(e.name);
    this.remove(path.join(this.dir, e.name));
    return true;
  }

  private remove(file: string): void {
    try {
      fs.rmSync(file, { force: true });
    } catch {
      // logged without the file name: scanners may name files after what they scanned
      this.log('error', 'scanner.delete_failed');
    }
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.watcher?.close();
    this.entries.clear();
  }
}
