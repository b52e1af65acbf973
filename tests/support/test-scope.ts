import fs from 'node:fs';
import { afterEach } from 'vitest';
import { startBackendSim, tempDir, type Proc } from './processes';

export interface Sim extends Proc {
  dataDir: string;
}

/**
 * What one test opens and must close, undone after each test in reverse order: temp folders, simulator
 * processes, databases, connectors. Call once at the top of a test file.
 */
export function testScope() {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const defer = (c: () => unknown): void => {
    cleanups.push(c);
  };
  const dir = (prefix: string): string => {
    const d = tempDir(prefix);
    defer(() => fs.rmSync(d, { recursive: true, force: true }));
    return d;
  };
  /**
   * The back-end simulator in its own process, with its data in a new temp folder (or `at.dataDir`, to restart
   * one on its old data), on a free port (or `at.port`).
   */
  const sim = async (prefix: string, flags: string[] = [], at: { dataDir?: string; port?: number } = {}): Promise<Sim> => {
    const dataDir = at.dataDir ?? dir(prefix);
    const p = await startBackendSim(dataDir, at.port ?? 0, flags);
    defer(() => p.stop());
    return { ...p, dataDir };
  };
  return { defer, dir, sim };
}
