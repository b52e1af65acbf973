import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A reader for the YAML subset electron-builder.yml uses (block maps, block lists, plain or quoted
 * scalars), flattened to dotted paths such as `electronFuses.runAsNode` or `win.target.0.arch.0`.
 * Enough to pin the security-relevant settings without adding a YAML dependency.
 */
function flattenYaml(text: string): Map<string, string | boolean | null> {
  const out = new Map<string, string | boolean | null>();
  const stack: { indent: number; path: string; nextIndex: number }[] = [{ indent: -1, path: '', nextIndex: 0 }];
  const join = (a: string, b: string) => (a ? `${a}.${b}` : b);
  const scalar = (raw: string): string | boolean | null => {
    const v = raw.trim();
    if (v === 'null' || v === '~' || v === '') return null;
    if (v === 'true' || v === 'false') return v === 'true';
    return v.replace(/^(["'])(.*)\1$/, '$2');
  };

  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/\s+#.*$/, '');
    if (/^\s*(#.*)?$/.test(line)) continue;
    let indent = line.length - line.trimStart().length;
    let body = line.trim();
    while ((stack.at(-1)?.indent ?? -1) >= indent) stack.pop();
    let parent = stack.at(-1)!;

    if (body.startsWith('- ')) {
      const itemPath = join(parent.path, String(parent.nextIndex++));
      body = body.slice(2).trim();
      indent += 2;
      if (!/^[\w.-]+:(\s|$)/.test(body)) {
        out.set(itemPath, scalar(body));
        continue;
      }
      parent = { indent: indent - 1, path: itemPath, nextIndex: 0 };
      stack.push(parent);
    }
    const m = /^([\w.-]+|"[^"]+"):(?:\s+(.*))?$/.exec(body);
    if (!m) throw new Error(`unsupported YAML line: ${rawLine}`);
    const key = m[1]!.replace(/"/g, '');
    const keyPath = join(parent.path, key);
    const value = m[2] ?? '';
    out.set(keyPath, scalar(value));
    if (value === '') stack.push({ indent, path: keyPath, nextIndex: 0 });
  }
  return out;
}

const config = flattenYaml(readFileSync(path.resolve(__dirname, '../../electron-builder.yml'), 'utf8'));

describe('electron-builder.yml', () => {
  it('identifies the app', () => {
    expect(config.get('appId')).toBe('jp.ichimado.counter');
    expect(config.get('productName')).toBe('ichimado');
    expect(config.get('directories.buildResources')).toBe('build');
    expect(config.get('directories.output')).toBe('release');
  });

  it('flips every security fuse', () => {
    expect(config.get('electronFuses.runAsNode')).toBe(false);
    expect(config.get('electronFuses.enableCookieEncryption')).toBe(true);
    expect(config.get('electronFuses.enableNodeOptionsEnvironmentVariable')).toBe(false);
    expect(config.get('electronFuses.enableNodeCliInspectArguments')).toBe(false);
    expect(config.get('electronFuses.enableEmbeddedAsarIntegrityValidation')).toBe(true);
    expect(config.get('electronFuses.onlyLoadAppFromAsar')).toBe(true);
    expect(config.get('electronFuses.loadBrowserProcessSpecificV8Snapshot')).toBe(false);
    expect(config.get('electronFuses.grantFileProtocolExtraPrivileges')).toBe(false);
  });

  it('installs per machine with a chooser, and never auto-publishes', () => {
    expect(config.get('nsis.perMachine')).toBe(true);
    expect(config.get('nsis.oneClick')).toBe(false);
    expect(config.get('nsis.allowToChangeInstallationDirectory')).toBe(true);
    expect(config.has('publish')).toBe(true);
    expect(config.get('publish')).toBeNull();
  });

  it('packs into asar and unpacks native modules', () => {
    expect(config.get('asar')).toBe(true);
    const unpack = [...config].filter(([k]) => k.startsWith('asarUnpack.')).map(([, v]) => v);
    expect(unpack).toContain('**/*.node');
    expect(unpack.some((v) => typeof v === 'string' && v.includes('better-sqlite3'))).toBe(true);
  });

  it('ships the OCR model and fonts as extra resources', () => {
    expect(config.get('extraResources.0.from')).toBe('node_modules/@tesseract.js-data/jpn/4.0.0_best_int');
    expect(config.get('extraResources.0.to')).toBe('ocr/jpn');
    expect(config.get('extraResources.1.from')).toBe('assets/fonts');
    expect(config.get('extraResources.1.to')).toBe('fonts');
  });

  it('targets Windows x64 NSIS and Linux AppImage/deb', () => {
    expect(config.get('win.target.0.target')).toBe('nsis');
    expect(config.get('win.target.0.arch.0')).toBe('x64');
    expect(config.get('linux.target.0')).toBe('AppImage');
    expect(config.get('linux.target.1')).toBe('deb');
    expect(config.get('linux.category')).toBe('Office');
  });
});
