import { correctAddress, type AddressMaster } from './address-master';

/**
 * How far the address master vouches for a read of an address (from its start), 0..1: each of its three
 * places (都道府県, 市区町村, 町域) the master finds there counts 1 when the read spells it as the master
 * does and ½ when the master had to repair it, over 3. "埼玉県さいたま市" gets 1/3 (the master's 市区町村 is
 * さいたま市西区, a ward) and "埼玉見こいたま市" 0;
 * a 町域 one character off (ニツ宮 for 二ツ宮) still counts ½ more than one the master cannot find (ニンツ宮).
 * The 番地 after the places is no place: how it reads (ハ丁目, 信丁目) is left to the reads' agreement.
 * The resolver weighs this against that agreement: the master ranks the model's readings of a row but never
 * writes one.
 */
export function masterSupport(read: string, master: AddressMaster): number {
  const text = read.replace(/[\s\u3000]/g, '');
  const c = correctAddress(text, master);
  const places = [c.prefecture, c.municipality, c.town].filter((p): p is string => !!p);
  return places.reduce((s, p) => s + (text.includes(p) ? 1 : 0.5), 0) / 3;
}
