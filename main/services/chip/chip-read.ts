import { createHash, timingSafeEqual } from 'node:crypto';
import type { ChipAttributes, ChipCardGeneration } from '../../../common/chip/chip-card-generation';
import { TlvError } from '../../../common/chip/ber-tlv';
import { ChipError } from './chip-error';
import type { ChipApdus } from './chip-apdus';

/** What a complete read gives: only ever built once every file was read and the digests matched. */
export interface ChipRead {
  attributes: ChipAttributes;
  /** null unless asked for */
  number: string | null;
}

const sha256 = (b: Uint8Array): Buffer => createHash('sha256').update(b).digest();
const same = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && timingSafeEqual(a, b);

/**
 * After VERIFY: reads EF 0002 (and EF 0001 when the number is asked for), then EF 0003, checks the digests
 * and only then parses. A digest that does not match is 'tampered' and nothing is returned; a file that is
 * not the TLV it should be is 'malformed'. The raw files are zeroed before returning.
 */
export async function readVerified(apdus: ChipApdus, card: ChipCardGeneration, includeNumber: boolean): Promise<ChipRead> {
  const attributesFile = await apdus.readTlvFile(card.files.attributes);
  const numberFile = includeNumber ? await apdus.readFixed(card.files.number, card.numberFileSize) : null;
  const digestsFile = await apdus.readTlvFile(card.files.digests);
  try {
    const digests = card.parseDigests(digestsFile);
    if (!same(sha256(card.attributesDigestSource(attributesFile)), digests.attributes)) throw new ChipError('tampered', 'EF 0002 digest mismatch');
    if (numberFile && !same(sha256(card.numberDigestSource(numberFile)), digests.number)) throw new ChipError('tampered', 'EF 0001 digest mismatch');
    return { attributes: card.parseAttributes(attributesFile), number: numberFile ? card.parseNumber(numberFile) : null };
  } catch (err) {
    if (err instanceof TlvError) throw new ChipError('malformed', `${err.code}: ${err.message.slice(0, 120)}`);
    throw err;
  } finally {
    attributesFile.fill(0);
    numberFile?.fill(0);
  }
}
