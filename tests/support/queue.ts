import path from 'node:path';
import { DB_FILE_NAME, openStore, type Store } from '../../main/services/store/open-database';
import { ApplicationRepository, type NewApplication, type RepositoryOptions } from '../../main/services/store/application-repository';
import { uuidv7 } from '../../main/services/ids';

/** A real queue in `dir` (real SQLite file, real key file), as the services open it. */
export function openTestQueue(dir: string, opts: RepositoryOptions = {}): Store & { repo: ApplicationRepository } {
  const store = openStore(path.join(dir, DB_FILE_NAME));
  return { ...store, repo: new ApplicationRepository(store.db, store.cipher, opts) };
}

/** A minimal application in its own visit case unless `caseId` is given. */
export function testApp(payload: Record<string, unknown>, personName = '山田\u3000太郎', caseId = uuidv7(), caseOrder = 0, formId = 'tenkyo'): NewApplication {
  return { caseId, caseOrder, formId, formVersion: 1, payload, personName };
}
