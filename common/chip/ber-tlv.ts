/**
 * A strict BER-TLV reader for what smart cards store (ISO/IEC 7816-4 §5.2, the encoding of the My Number
 * card's files). Pure: bytes in, positions out, no copies of the data beyond `subarray` views.
 * Anything that does not add up — a tag or length cut short, a value running past the end, an indefinite
 * or over-long length — is a TlvError, never a guess: a half-parsed file must not look like a whole one.
 */

export type TlvErrorCode = 'truncated' | 'bad-length' | 'bad-tag' | 'unexpected-tag' | 'missing-field' | 'bad-value';

export class TlvError extends Error {
  constructor(
    readonly code: TlvErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TlvError';
  }
}

export interface TlvHeader {
  /** the tag's bytes as one number, e.g. 0xFF20, 0xDF22 */
  tag: number;
  /** bytes of tag + length */
  headerLength: number;
  /** bytes of the value */
  length: number;
}

export interface Tlv extends TlvHeader {
  /** where the object starts in the bytes it was read from */
  start: number;
  /** one past its last byte */
  end: number;
  value: Uint8Array;
}

/** Tags of more than three bytes and lengths of more than two bytes do not occur on cards we read. */
const MAX_TAG_BYTES = 3;
const MAX_LENGTH_BYTES = 2;

const hex = (n: number): string => n.toString(16).toUpperCase().padStart(2, '0');

/** The header (tag and length) of the object at `at`; throws TlvError when it is cut short or malformed. */
export function readTlvHeader(bytes: Uint8Array, at = 0): TlvHeader {
  let i = at;
  const first = bytes[i++];
  if (first === undefined) throw new TlvError('truncated', `no tag at offset ${at}`);
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    // subsequent tag bytes follow while bit 8 is set
    for (;;) {
      const b = bytes[i++];
      if (b === undefined) throw new TlvError('truncated', `tag cut short at offset ${at}`);
      tag = tag * 256 + b;
      if (i - at > MAX_TAG_BYTES) throw new TlvError('bad-tag', `tag longer than ${MAX_TAG_BYTES} bytes at offset ${at}`);
      if ((b & 0x80) === 0) break;
    }
  }
  const l0 = bytes[i++];
  if (l0 === undefined) throw new TlvError('truncated', `length missing for tag ${hex(tag)} at offset ${at}`);
  let length = l0;
  if (l0 === 0x80) throw new TlvError('bad-length', `indefinite length for tag ${hex(tag)} at offset ${at}`);
  if (l0 > 0x80) {
    const n = l0 & 0x7f;
    if (n > MAX_LENGTH_BYTES) throw new TlvError('bad-length', `${n}-byte length for tag ${hex(tag)} at offset ${at}`);
    length = 0;
    for (let k = 0; k < n; k++) {
      const b = bytes[i++];
      if (b === undefined) throw new TlvError('truncated', `length cut short for tag ${hex(tag)} at offset ${at}`);
      length = length * 256 + b;
    }
  }
  return { tag, headerLength: i - at, length };
}

/** The object at `at`, its value inside `bytes`; throws TlvError when the value runs past the end. */
export function readTlv(bytes: Uint8Array, at = 0): Tlv {
  const h = readTlvHeader(bytes, at);
  const end = at + h.headerLength + h.length;
  if (end > bytes.length) throw new TlvError('truncated', `value of tag ${hex(h.tag)} needs ${end - at} bytes from offset ${at}, ${bytes.length - at} present`);
  return { ...h, start: at, end, value: bytes.subarray(at + h.headerLength, end) };
}

/** The object at the start of `bytes`, which must carry `tag`. */
export function readTlvTagged(bytes: Uint8Array, tag: number): Tlv {
  const t = readTlv(bytes, 0);
  if (t.tag !== tag) throw new TlvError('unexpected-tag', `expected tag ${hex(tag)}, found ${hex(t.tag)}`);
  return t;
}

/**
 * The objects one after another in `bytes` (a constructed object's value). Cards pad files with 0xFF or
 * 0x00 after the last object: reading stops at such filler, and everything after it must be filler too.
 */
export function readTlvChildren(bytes: Uint8Array, offsetInFile = 0): Tlv[] {
  const out: Tlv[] = [];
  let at = 0;
  while (at < bytes.length) {
    const b = bytes[at]!;
    if (b === 0x00 || b === 0xff) {
      if (bytes.subarray(at).some((x) => x !== b)) throw new TlvError('bad-tag', `data after filler at offset ${offsetInFile + at}`);
      break;
    }
    const t = readTlv(bytes, at);
    out.push({ ...t, start: t.start + offsetInFile, end: t.end + offsetInFile });
    at = t.end;
  }
  return out;
}

/**
 * How many bytes the whole object starting at the front of `head` takes, from its first bytes only
 * (tag and length): what a reader needs to know before it reads the rest of a file.
 */
export function tlvTotalLength(head: Uint8Array): number {
  const h = readTlvHeader(head, 0);
  return h.headerLength + h.length;
}
