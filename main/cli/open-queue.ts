import path from 'node:path';
import { DB_FILE_NAME, openStore, type Store } from '../services/store/open-database';
import { ApplicationRepository } from '../services/store/application-repository';
import { defaultDataDir } from '../services/default-data-dir';
import { findForm } from '../../common/forms/registry';

/**
 * The data dir's queue, opened with its key file, as the CLI commands use it. Commands that read
 * or send open with `mustExist` (a mistyped --data-dir is refused, naming the path, instead of
 * reporting an empty queue); only those that capture (`enqueue --sample`) may create a database.
 */
export function openQueue(dataDirArg: string | undefined, opts: { mustExist: boolean }): Store & { dataDir: string; repo: ApplicationRepository } {
  const dataDir = path.resolve(dataDirArg ?? defaultDataDir());
  const store = openStore(path.join(dataDir, DB_FILE_NAME), { mustExist: opts.mustExist });
  return { ...store, dataDir, repo: new ApplicationRepository(store.db, store.cipher, { formTitle: (id) => findForm(id)?.title ?? id }) };
}
