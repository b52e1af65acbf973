import type { VerifyBParts } from '../contract/chip-operations';

/**
 * One generation of the My Number card as the chip reader sees it: the application to select, the files
 * and keys in it, and how its data is laid out. The reader (main/services/chip) speaks only through this,
 * so the next-generation card (AIDs and files not yet public) is one more implementation, not a rewrite.
 */
export interface ChipCardGeneration {
  /** for logs and the bench, e.g. 'mynumber-2016' */
  id: string;
  /** the 券面事項入力補助AP's AID */
  textApAid: Uint8Array;
  /** EF ids of the keys */
  keys: { pin: number; verifyB: number };
  /** EF ids of the data files */
  files: { number: number; attributes: number; digests: number };
  /** EF 0001 is read whole, filler included: the digest covers its physical content */
  numberFileSize: number;
  /** bytes READ BINARY asks for first when the size of a file is not known: enough for its tag and length */
  headerProbe: number;
  /** the 個人番号 in the number file (12 digits with a valid check digit); throws TlvError */
  parseNumber(file: Uint8Array): string;
  /** the 基本4情報 in the attributes file (trimmed to its TLV); throws TlvError */
  parseAttributes(file: Uint8Array): ChipAttributes;
  /** the SHA-256 digests the digests file holds for the two data files; throws TlvError */
  parseDigests(file: Uint8Array): { number: Uint8Array; attributes: Uint8Array };
  /** the bytes whose SHA-256 the digests file holds for the number file */
  numberDigestSource(file: Uint8Array): Uint8Array;
  /** the bytes whose SHA-256 the digests file holds for the attributes file */
  attributesDigestSource(file: Uint8Array): Uint8Array;
  /** 照合番号B as the card expects it, from the face data the clerk confirmed */
  verifyBCode(parts: VerifyBParts): string;
}

export interface ChipAttributes {
  /** exact code points, U+3000 between family and given name */
  name: string;
  address: string;
  /** YYYY-MM-DD; null when the chip's date is not a real date */
  birthDate: string | null;
  /** JIS X 0303 code as stored ('1' male, '2' female, '0' unknown, '9' not applicable) */
  sexCode: string;
}
