import { readTlv, readTlvChildren, readTlvTagged, TlvError, type Tlv } from './ber-tlv';
import { decodeUtf8Strict } from './utf8';
import type { ChipAttributes, ChipCardGeneration } from './chip-card-generation';
import { myNumberCheckDigit } from '../validation/my-number';

/**
 * The My Number card issued since 2016: its 券面事項入力補助AP (../shared/domain/mynumber-card.md "The chip").
 *
 * EF 0001  FF 10 0C <12 ASCII digits> + filler; 17 bytes read whole (the digest covers the filler too)
 * EF 0002  FF 20 L { DF 21 offset table · DF 22 氏名 · DF 23 住所 · DF 24 生年月日 YYYYMMDD · DF 25 性別 }
 *          the offset table holds, per field, 2 bytes: where DF 22 … DF 25 start, counted from the file's start
 * EF 0003  FF 30 L { DF 31 SHA-256 of EF 0001 · DF 32 SHA-256 of EF 0002's value without DF 21 · DF 33 signature }
 */
export const TAG = {
  number: 0xff10,
  attributes: 0xff20,
  offsets: 0xdf21,
  name: 0xdf22,
  address: 0xdf23,
  birthDate: 0xdf24,
  sex: 0xdf25,
  digests: 0xff30,
  numberDigest: 0xdf31,
  attributesDigest: 0xdf32,
  signature: 0xdf33,
} as const;

const ATTRIBUTE_TAGS = [TAG.name, TAG.address, TAG.birthDate, TAG.sex] as const;
const SHA256_BYTES = 32;

function field(children: Tlv[], tag: number, what: string): Tlv {
  const found = children.filter((c) => c.tag === tag);
  if (found.length === 0) throw new TlvError('missing-field', `${what} (${tag.toString(16).toUpperCase()}) is missing`);
  if (found.length > 1) throw new TlvError('bad-value', `${what} (${tag.toString(16).toUpperCase()}) occurs ${found.length} times`);
  return found[0]!;
}

function ascii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

/** YYYYMMDD → YYYY-MM-DD when it is a real Gregorian date, else null. */
export function chipDate(raw: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (mo < 1 || mo > 12 || d < 1 || d > days[mo - 1]!) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function parseAttributes(file: Uint8Array): ChipAttributes {
  const outer = readTlvTagged(file, TAG.attributes);
  const children = readTlvChildren(outer.value, outer.headerLength);
  const offsets = field(children, TAG.offsets, 'offset table');
  const fields = ATTRIBUTE_TAGS.map((t, i) => field(children, t, ['氏名', '住所', '生年月日', '性別'][i]!));
  // the table says where each field starts: a table that disagrees with the layout means a file we do not understand
  if (offsets.length !== ATTRIBUTE_TAGS.length * 2) throw new TlvError('bad-value', `offset table of ${offsets.length} bytes`);
  fields.forEach((f, i) => {
    const stated = offsets.value[i * 2]! * 256 + offsets.value[i * 2 + 1]!;
    if (stated !== f.start) throw new TlvError('bad-value', `offset table says field ${i + 1} starts at ${stated}, it starts at ${f.start}`);
  });
  const [name, address, birth, sex] = fields as [Tlv, Tlv, Tlv, Tlv];
  const birthRaw = ascii(birth.value);
  if (!/^\d{8}$/.test(birthRaw)) throw new TlvError('bad-value', '生年月日 is not 8 digits');
  const sexCode = ascii(sex.value);
  if (!/^[0129]$/.test(sexCode)) throw new TlvError('bad-value', '性別 is not a JIS X 0303 code');
  return {
    name: decodeUtf8Strict(name.value, '氏名'),
    address: decodeUtf8Strict(address.value, '住所'),
    birthDate: chipDate(birthRaw),
    sexCode,
  };
}

function parseNumber(file: Uint8Array): string {
  const t = readTlvTagged(file, TAG.number);
  const digits = ascii(t.value);
  if (!/^\d{12}$/.test(digits)) throw new TlvError('bad-value', '個人番号 is not 12 digits');
  if (myNumberCheckDigit(digits.slice(0, 11)) !== Number(digits[11])) throw new TlvError('bad-value', '個人番号 check digit does not match');
  return digits;
}

function parseDigests(file: Uint8Array): { number: Uint8Array; attributes: Uint8Array } {
  const outer = readTlvTagged(file, TAG.digests);
  const children = readTlvChildren(outer.value, outer.headerLength);
  const number = field(children, TAG.numberDigest, 'digest of EF 0001').value;
  const attributes = field(children, TAG.attributesDigest, 'digest of EF 0002').value;
  if (number.length !== SHA256_BYTES || attributes.length !== SHA256_BYTES) throw new TlvError('bad-value', 'a digest is not 32 bytes');
  return { number, attributes };
}

/**
 * EF 0002's value from the first object after the offset table to the value's end. Only the outer header
 * and the offset table are read: the digest is checked before the fields are parsed, so a changed byte
 * anywhere in them is 'tampered' even where it also breaks their structure.
 */
function attributesDigestSource(file: Uint8Array): Uint8Array {
  const outer = readTlvTagged(file, TAG.attributes);
  const first = readTlv(file, outer.headerLength);
  if (first.tag !== TAG.offsets) throw new TlvError('unexpected-tag', 'the offset table is not the first object of EF 0002');
  if (first.end > outer.end) throw new TlvError('truncated', 'the offset table runs past EF 0002');
  return file.subarray(first.end, outer.end);
}

export const MYNUMBER_CARD_2016: ChipCardGeneration = {
  id: 'mynumber-2016',
  textApAid: Uint8Array.of(0xd3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08),
  keys: { pin: 0x0011, verifyB: 0x0015 },
  files: { number: 0x0001, attributes: 0x0002, digests: 0x0003 },
  numberFileSize: 17,
  // tag (2) + length (up to 3): 5 bytes tell the size of EF 0002 and EF 0003
  headerProbe: 5,
  parseNumber,
  parseAttributes,
  parseDigests,
  numberDigestSource: (file) => file,
  attributesDigestSource,
  verifyBCode: (p) => `${p.birthWareki}${p.expiryYear}${p.securityCode}`,
};
