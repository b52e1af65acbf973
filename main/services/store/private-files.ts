import fs from 'node:fs';
import path from 'node:path';

/**
 * The data dir holds 特定個人情報 (encrypted database, its WAL, the key, logs): only the OS user
 * that runs ichimado may list or read it.
 */
const GROUP_AND_OTHER = 0o077;

/** What of the data dir is ours to keep private: the database and its WAL, keys, set-aside copies, config, logs. */
function isOurs(name: string): boolean {
  return name.startsWith('ichimado.') || name === 'config.json' || name === 'logs';
}

/**
 * Removes group and other permissions from the data dir, our files in it and the logs folder
 * (data dirs made by earlier versions were 0755 with 0644 files). Returns the names it changed.
 * A file it cannot change (another owner, a read-only file system) is left as it is: the open
 * fails on it anyway if it matters.
 */
export function tightenDataDirModes(dir: string): string[] {
  const changed: string[] = [];
  const tighten = (file: string, name: string) => {
    try {
      const st = fs.lstatSync(file);
      if (st.isSymbolicLink() || (st.mode & GROUP_AND_OTHER) === 0) return;
      fs.chmodSync(file, st.mode & 0o777 & ~GROUP_AND_OTHER);
      changed.push(name);
    } catch {
      // not ours to change; see above
    }
  };
  tighten(dir, '.');
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir).filter(isOurs);
  } catch {
    return changed;
  }
  for (const name of names) tighten(path.join(dir, name), name);
  const logs = path.join(dir, 'logs');
  try {
    for (const name of fs.readdirSync(logs)) tighten(path.join(logs, name), `logs/${name}`);
  } catch {
    // no logs yet
  }
  return changed;
}
