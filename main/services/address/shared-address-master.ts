import type { AddressMaster } from '../../../common/address/address-master';
import { loadAddressMaster } from '../../ocr-engine/address-master-files';
import type { Logger } from '../log';

/**
 * The address master (市区町村 and 町域, ~1.4 MB; the 120k postal codes on their first lookup) is held once
 * by the services' thread for the 郵便番号 ⇄ 住所 lookups of the address fields (and the card reader, when it
 * cannot get a thread of its own: card-reader-thread.ts; its thread loads its own copy, ~2 MB). Read on the first call of the getter; null (logged) when the
 * files are missing: reading cards still works, the address fields simply get no suggestions.
 */
export function sharedAddressMaster(log: Logger, load: () => AddressMaster | null = loadAddressMaster): () => AddressMaster | null {
  let master: AddressMaster | null | undefined;
  return () => {
    if (master !== undefined) return master;
    const t0 = performance.now();
    master = load();
    const ms = Math.round(performance.now() - t0);
    if (master) log('info', 'address.loaded', { ms, ...master.size });
    else log('warn', 'address.missing', { ms });
    return master;
  };
}
