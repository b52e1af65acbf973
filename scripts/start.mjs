#!/usr/bin/env node
// `npm start`: the Electron app when its binary is installed, otherwise browser mode, so an
// offline machine (where Electron's postinstall download failed) can still run ichimado.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findElectronBinary, repoRoot } from './electron-binary.mjs';

const args = process.argv.slice(2);
const rendererIndex = path.join(repoRoot, 'dist', 'renderer', 'index.html');
const electronMain = path.join(repoRoot, 'dist', 'electron', 'main.cjs');

function tryInstallElectronOnce() {
  const skip = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || process.env.ICHIMADO_NO_ELECTRON_DOWNLOAD;
  if (skip) return;
  const installer = path.join(repoRoot, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return;
  console.error('Electron binary not found; trying to download it (up to 60 s)…');
  // Piped, not inherited: a failed download prints a long stack that would bury the advice below.
  const result = spawnSync(process.execPath, [installer], {
    cwd: repoRoot,
    stdio: 'pipe',
    timeout: 60_000,
    killSignal: 'SIGKILL',
    windowsHide: true,
  });
  if (result.error || result.status !== 0) {
    const reason = result.error?.code === 'ETIMEDOUT' ? 'timed out' : `exit ${result.status ?? result.signal}`;
    console.error(`Electron download failed (${reason}).`);
  }
}

/** Runs the child in the foreground: stdio shared, signals passed on, its exit code is ours. */
function runForeground(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: repoRoot, stdio: 'inherit', windowsHide: false });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, forward);
  child.on('error', (err) => {
    console.error(`Could not start ${command}: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    for (const s of signals) process.off(s, forward);
    process.exit(code ?? (signal ? 128 + (signalNumber(signal) ?? 1) : 1));
  });
}

function signalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal];
}

function startBrowserMode() {
  if (!existsSync(rendererIndex)) {
    console.error('Note: dist/renderer is missing; run `npm run build` first if browser mode cannot serve the UI.');
  }
  // tsx as a loader in this one Node process (not tsx's CLI, which runs the app in a child and relays signals:
  // Ctrl+C reaches every process of the terminal's group, and start.mjs forwards it too, so the CLI saw two
  // and force-killed the app mid-shutdown, exit 130). One process: a second Ctrl+C just finds it closing.
  runForeground(process.execPath, ['--import', 'tsx', path.join('main', 'host', 'browser-main.ts'), ...args]);
}

function startElectron(executable) {
  const missing = [electronMain, rendererIndex].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    console.error(
      `Cannot start: ${missing.map((p) => path.relative(repoRoot, p)).join(', ')} missing. Run \`npm run build\` first.`,
    );
    process.exit(1);
  }
  runForeground(executable, [electronMain, ...args]);
}

let executable = findElectronBinary();
if (!executable) {
  tryInstallElectronOnce();
  executable = findElectronBinary();
}

if (executable) {
  startElectron(executable);
} else {
  console.error(
    [
      '',
      'The Electron binary is not installed and could not be downloaded (this machine seems to be offline',
      'or cannot reach the Electron download server), so ichimado is starting in BROWSER MODE instead:',
      'the same app, served on a local address printed below for you to open in a browser. To get the',
      'desktop app later, connect to the internet and run `node node_modules/electron/install.js`',
      '(or `npm rebuild electron`), or set ELECTRON_MIRROR to a reachable mirror, then `npm start` again.',
      'Electron 本体がインストールされておらず、ダウンロードもできませんでした（オフラインの可能性があります）。',
      '代わりにブラウザーモードで起動します。下に表示されるアドレスをブラウザーで開いてください。',
      'デスクトップ版を使うには、インターネットに接続して `node node_modules/electron/install.js` を実行してから、',
      'もう一度 `npm start` を実行してください。',
      '',
    ].join('\n'),
  );
  startBrowserMode();
}
