import fs from 'node:fs';

/** The version from package.json, read once (the bundled Electron main gets it from app.getVersion()). */
export function packageVersion(packageJsonPath: string): string {
  try {
    return (JSON.parse(fs.readFileSync(packageJsonPath, 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
