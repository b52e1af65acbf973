import type { AddressParts, CardFields } from '../ocr/card-result';
import { parseAddress } from '../ocr/parse-address';
import { correctAddress, type AddressMaster, type GlyphChoice } from './address-master';

/**
 * The card's 住所 as read, checked against the address master: repaired where the master knows better, split
 * where the master recognised the place. A repaired address is never called certain: the clerk looks.
 */
export function repairAddress(fields: CardFields, address: AddressParts | null, master: AddressMaster): { fields: CardFields; address: AddressParts | null; glyphChoices: GlyphChoice[] } {
  const read = fields.address.value;
  if (!read) return { fields, address, glyphChoices: [] };
  const fixed = correctAddress(read, master);
  const parts = parseAddress(fixed.text, fixed);
  // characters the master or the 番地's grammar leave to a few: the caller may settle them by the print and repair again
  const { glyphChoices } = fixed;
  if (fixed.repaired === 0) return { fields, address: parts, glyphChoices };
  return { fields: { ...fields, address: { value: fixed.text, confidence: Math.min(fields.address.confidence, 0.85) } }, address: parts, glyphChoices };
}
