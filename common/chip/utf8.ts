import { TlvError } from './ber-tlv';

/**
 * Strict UTF-8 → string, for the chip's text fields. Written out because common/ has neither Node's
 * Buffer nor the DOM's TextDecoder in its types; strict because a replacement character in a name would
 * silently change it: overlong forms, surrogates, code points above U+10FFFF and cut sequences are errors.
 * Code points are kept as they are (no normalisation): variant kanji and IVS selectors pass through.
 */
export function decodeUtf8Strict(bytes: Uint8Array, what: string): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i]!;
    let cp: number;
    let need: number;
    let min: number;
    if (b0 < 0x80) {
      cp = b0;
      need = 0;
      min = 0;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      cp = b0 & 0x1f;
      need = 1;
      min = 0x80;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      cp = b0 & 0x0f;
      need = 2;
      min = 0x800;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      cp = b0 & 0x07;
      need = 3;
      min = 0x10000;
    } else {
      throw new TlvError('bad-value', `${what}: invalid UTF-8 lead byte at ${i}`);
    }
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k];
      if (b === undefined) throw new TlvError('bad-value', `${what}: UTF-8 sequence cut short at ${i}`);
      if ((b & 0xc0) !== 0x80) throw new TlvError('bad-value', `${what}: invalid UTF-8 continuation at ${i + k}`);
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new TlvError('bad-value', `${what}: invalid UTF-8 code point at ${i}`);
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}
