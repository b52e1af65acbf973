import fs from 'node:fs';
import path from 'node:path';
import { findAssetDir } from '../assets/find-asset-dir';
import { buildAddressMaster, type AddressMaster } from '../../common/address/address-master';

/**
 * The address master (市区町村 and 町域 from the postal code data): `assets/address/` in a checkout,
 * `resources/address/` in an installed app (electron-builder extraResources), or ICHIMADO_ADDRESS_DIR.
 */
export const ADDRESS_FILES = ['municipalities.tsv', 'towns.tsv'] as const;
/** read on the first postal code lookup only */
export const POSTAL_FILE = 'postal-codes.tsv';

export function findAddressDir(): string | null {
  return findAssetDir('address', ADDRESS_FILES, process.env.ICHIMADO_ADDRESS_DIR);
}

/** Null (and no repair of read addresses) when the files are missing or unreadable: reading still works. */
export function loadAddressMaster(dir: string | null = findAddressDir()): AddressMaster | null {
  if (!dir) return null;
  try {
    const [munis, towns] = ADDRESS_FILES.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')) as [string, string];
    const postal = (): string => {
      try {
        return fs.readFileSync(path.join(dir, POSTAL_FILE), 'utf8');
      } catch {
        return '';
      }
    };
    const m = buildAddressMaster(munis, towns, postal);
    return m.size.municipalities > 0 ? m : null;
  } catch {
    return null;
  }
}
