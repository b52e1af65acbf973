import { concatBytes, encodeTlv, lengthBytes } from './ber-tlv-encode';
import { TAG } from './mynumber-card-2016';

/**
 * The 券面事項入力補助AP's files as the 2016 card lays them out (see mynumber-card-2016.ts), built from
 * values: what the virtual card serves and what the parser's tests feed it. The digests file needs
 * SHA-256, which common/ does not have; its builder takes the digests ready-made.
 */

function utf8(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}

const ascii = (s: string): Uint8Array => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

export interface ChipPersonData {
  /** family U+3000 given, exact code points */
  name: string;
  address: string;
  /** YYYYMMDD */
  birthDate: string;
  /** JIS X 0303: '1' | '2' | '0' | '9' */
  sexCode: string;
}

/** EF 0001: the number as TLV, then filler up to the file's 17 bytes. */
export function numberFile(digits: string, size = 17, filler = 0xff): Uint8Array {
  const tlv = encodeTlv(TAG.number, ascii(digits));
  const out = new Uint8Array(Math.max(size, tlv.length)).fill(filler);
  out.set(tlv, 0);
  return out;
}

/** EF 0002 with its offset table (offsets from the start of the file, 2 bytes each). */
export function attributesFile(p: ChipPersonData): Uint8Array {
  const fields = [
    encodeTlv(TAG.name, utf8(p.name)),
    encodeTlv(TAG.address, utf8(p.address)),
    encodeTlv(TAG.birthDate, ascii(p.birthDate)),
    encodeTlv(TAG.sex, ascii(p.sexCode)),
  ];
  const tableLength = 3 + fields.length * 2;
  const valueLength = tableLength + fields.reduce((n, f) => n + f.length, 0);
  const header = 2 + lengthBytes(valueLength).length;
  const offsets: number[] = [];
  let at = header + tableLength;
  for (const f of fields) {
    offsets.push(at >> 8, at & 0xff);
    at += f.length;
  }
  return encodeTlv(TAG.attributes, concatBytes(encodeTlv(TAG.offsets, Uint8Array.from(offsets)), ...fields));
}

/** EF 0003 from the two digests and a signature (the virtual card's is not a real RSA signature). */
export function digestsFile(numberDigest: Uint8Array, attributesDigest: Uint8Array, signature: Uint8Array): Uint8Array {
  return encodeTlv(TAG.digests, concatBytes(encodeTlv(TAG.numberDigest, numberDigest), encodeTlv(TAG.attributesDigest, attributesDigest), encodeTlv(TAG.signature, signature)));
}
