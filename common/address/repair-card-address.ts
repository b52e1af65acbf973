import type { AddressParts, CardFields } from '../ocr/card-result';
import { parseAddress } from '../ocr/parse-address';
import { correctAddress, type AddressMaster, type TownChoice } from './address-master';

/**
 * The card's 住所 as read, checked against the address master: repaired where the master knows better, split
 * where the master recognised the place. A repaired address is never called certain: the clerk looks.
 */
export function repairAddress(fields: CardFields, address: AddressParts | null, master: AddressMaster): { fields: CardFields; address: AddressParts | null; townChoice?: TownChoice } {
  const read = fields.address.value;
  if (!read) return { fields, address };
  const fixed = correctAddress(read, master);
  const parts = parseAddress(fixed.text, fixed);
  // a 町域 the master could not choose between: the caller may settle it by the print and repair again
  const choice = fixed.townChoice ? { townChoice: fixed.townChoice } : {};
  if (fixed.repaired === 0) return { fields, address: parts, ...choice };
  return { fields: { ...fields, address: { value: fixed.text, confidence: Math.min(fields.address.confidence, 0.85) } }, address: parts, ...choice };
}
