import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Context, SCARD_STATE_PRESENT } from 'smartcard';
import { cliBundle } from './cli-bundle';
import { vpcdReaderName } from '../../main/chip-emulator/run-virtual-card';
import type { SyntheticPersonInput } from '../../main/chip-emulator/synthetic-people';

/**
 * The chip tests' world: a real pcscd with Debian's vsmartcard-vpcd driver (two virtual readers,
 * "Virtual PCD 00 00" and "… 01"), and the virtual My Number card as its own process (`cli card emulate`)
 * on one of them. Readers are leased across processes (e2e and integration files run in parallel, and
 * so may other worktrees on this machine): a file holds one reader for as long as it runs.
 */

const PCSCD_SOCKET = process.env.PCSCLITE_CSOCK_NAME ?? '/run/pcscd/pcscd.comm';
const VPCD_SLOTS = 2;
const LOCK_DIR = path.join(os.tmpdir(), 'ichimado-vpcd-readers');
/** a reader is held by one file at a time; another file waits this long for one to be free */
const LEASE_WAIT_MS = 180_000;

function socketAnswers(file: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(file);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/**
 * pcscd is running (started here, as root, when it is not) and lists the vpcd readers. Throws with the
 * reason and what to do otherwise: the chip tests fail then, they never skip quietly.
 */
export async function ensurePcscd(): Promise<void> {
  if (!(await socketAnswers(PCSCD_SOCKET))) {
    if (process.getuid?.() !== 0) throw new Error(`pcscd is not running (no ${PCSCD_SOCKET}) and these tests are not root: start it with \`sudo pcscd\` (Debian packages pcscd vsmartcard-vpcd, see scripts/system-packages.mjs)`);
    const r = spawnSync('pcscd', [], { stdio: 'ignore' });
    if (r.error) throw new Error(`pcscd could not be started: ${r.error.message} (install the Debian packages pcscd vsmartcard-vpcd: scripts/system-packages.mjs)`);
    const end = Date.now() + 10_000;
    while (!(await socketAnswers(PCSCD_SOCKET))) {
      if (Date.now() > end) throw new Error(`pcscd was started but ${PCSCD_SOCKET} does not answer`);
      await new Promise((res) => setTimeout(res, 100));
    }
  }
  const names = listReaders().map((r) => r.name);
  if (!names.includes(vpcdReaderName(0))) throw new Error(`pcscd lists no "${vpcdReaderName(0)}" (readers: ${names.join(', ') || 'none'}): is vsmartcard-vpcd installed (/etc/reader.conf.d/vpcd)? Restart pcscd after installing it.`);
}

function listReaders(): { name: string; present: boolean }[] {
  const ctx = new Context();
  try {
    return ctx.listReaders().map((r) => ({ name: r.name, present: (r.state & SCARD_STATE_PRESENT) !== 0 }));
  } finally {
    ctx.close();
  }
}

export interface VirtualReader {
  slot: number;
  name: string;
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One vpcd reader for this process, waiting while both are held elsewhere (a dead holder's lease is taken over). */
export async function leaseVirtualReader(): Promise<VirtualReader> {
  fs.mkdirSync(LOCK_DIR, { recursive: true });
  const end = Date.now() + LEASE_WAIT_MS;
  for (;;) {
    for (let slot = 0; slot < VPCD_SLOTS; slot++) {
      const file = path.join(LOCK_DIR, `slot-${slot}.lock`);
      try {
        fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      } catch {
        const holder = Number(fs.readFileSync(file, { encoding: 'utf8', flag: 'a+' }));
        if (holder && !alive(holder)) fs.rmSync(file, { force: true });
        continue;
      }
      const release = () => {
        process.off('exit', release);
        if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === String(process.pid)) fs.rmSync(file, { force: true });
      };
      process.on('exit', release);
      return { slot, name: vpcdReaderName(slot), release };
    }
    if (Date.now() > end) throw new Error(`no virtual reader free in ${LEASE_WAIT_MS / 1000} s (locks in ${LOCK_DIR})`);
    await new Promise((res) => setTimeout(res, 200));
  }
}

/** Waits until pcscd reports a card on `reader` (or none, with present = false). */
export async function waitForCard(reader: string, present: boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (listReaders().find((r) => r.name === reader)?.present !== present) {
    if (Date.now() > end) throw new Error(`pcscd did not see the card ${present ? 'on' : 'off'} ${reader} in ${timeoutMs} ms`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

export interface VirtualCardOptions {
  /** one of the emulator's people by id, or a synthetic person of the caller's own (put on with `card {…}`) */
  person?: string | SyntheticPersonInput;
  pin?: string;
  pinTries?: number;
  verifyBTries?: number;
  mode?: 'normal' | 'tampered' | 'not-mynumber' | 'malformed';
  pullAfter?: number;
}

export interface VirtualCard {
  child: ChildProcess;
  output(): string;
  /** takes the card off the reader and waits until pcscd sees it gone */
  remove(): Promise<void>;
  /** puts it back and waits until pcscd sees it */
  insert(): Promise<void>;
  /** takes this card off and puts another on (one process for many cards: starting one costs seconds under load) */
  replace(o: VirtualCardOptions): Promise<void>;
  status(): Promise<{ onReader: boolean; pinTries: number; verifyBTries: number; apdus: number; lastSessionApdus: number }>;
  stop(): Promise<void>;
}

/** The virtual card as its own process (`cli card emulate`) on `reader`; resolves once pcscd sees it. */
export async function startVirtualCard(reader: VirtualReader, o: VirtualCardOptions = {}): Promise<VirtualCard> {
  const bundle = await cliBundle();
  const args = ['card', 'emulate', '--slot', String(reader.slot)];
  if (typeof o.person === 'string') args.push('--person', o.person);
  if (o.pin) args.push('--pin', o.pin);
  if (o.pinTries !== undefined) args.push('--pin-tries', String(o.pinTries));
  if (o.verifyBTries !== undefined) args.push('--verify-b-tries', String(o.verifyBTries));
  if (o.mode) args.push('--mode', o.mode);
  if (o.pullAfter !== undefined) args.push('--pull-after', String(o.pullAfter));
  const child = spawn(process.execPath, [bundle, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_NO_WARNINGS: '1' } });
  let out = '';
  const waiters: { re: RegExp; from: number; done: (m: RegExpExecArray) => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      const m = w.re.exec(out.slice(w.from));
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.done(m);
      }
    }
  };
  child.stdout!.on('data', (b: Buffer) => {
    out += b.toString();
    check();
  });
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  const next = (re: RegExp, timeoutMs = 15_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`virtual card: no ${re} in ${timeoutMs} ms:\n${out}`)), timeoutMs);
      void exited.then(() => reject(new Error(`virtual card exited:\n${out}`)));
      waiters.push({ re, from: out.length, done: (m) => (clearTimeout(t), resolve(m)) });
      check();
    });
  await next(/virtual card on /);
  await waitForCard(reader.name, true);
  const vc: VirtualCard = {
    child,
    output: () => out,
    async remove() {
      child.stdin!.write('remove\n');
      await waitForCard(reader.name, false);
    },
    async insert() {
      child.stdin!.write('insert\n');
      await next(/"card-on"/);
      await waitForCard(reader.name, true);
    },
    async replace(next2) {
      if ((await vc.status()).onReader) await vc.remove();
      // the card goes on, or the emulator says why not (a person it refuses)
      const on = next(/"card-on"|\{"event":"error"[^\n]*\}/);
      child.stdin!.write(`card ${JSON.stringify(next2)}\n`);
      const m = await on;
      if (m[0].includes('"error"')) throw new Error(`virtual card: ${m[0]}`);
      await waitForCard(reader.name, true);
    },
    async status() {
      const m = next(/\{"event":"status"[^\n]*\}/);
      child.stdin!.write('status\n');
      return JSON.parse((await m)[0]) as { onReader: boolean; pinTries: number; verifyBTries: number; apdus: number; lastSessionApdus: number };
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      await waitForCard(reader.name, false).catch(() => undefined);
    },
  };
  // a person of the caller's own goes on through `card {…}` (the command line takes the emulator's ids only)
  if (typeof o.person === 'object') await vc.replace(o);
  return vc;
}

/** `cli card read …` (the bundled CLI) with `stdin`, to completion. */
export async function runCardRead(args: string[], stdin: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const bundle = await cliBundle();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle, 'card', 'read', ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_NO_WARNINGS: '1', ...env } });
    child.stdin!.end(stdin);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    const t = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', (code) => {
      clearTimeout(t);
      resolve({ code, stdout, stderr });
    });
  });
}
