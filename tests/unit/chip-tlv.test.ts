import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readTlv, readTlvChildren, readTlvHeader, tlvTotalLength, TlvError } from '../../common/chip/ber-tlv';
import { MYNUMBER_CARD_2016 as CARD } from '../../common/chip/mynumber-card-2016';
import { attributesFile, digestsFile, numberFile } from '../../common/chip/mynumber-card-2016-files';
import { decodeUtf8Strict } from '../../common/chip/utf8';

const hex = (s: string): Uint8Array => Uint8Array.from(s.replace(/\s+/g, '').match(/../g)!.map((b) => parseInt(b, 16)));
const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());
const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof TlvError) return e.code;
    throw e;
  }
  return undefined;
};

/**
 * The public real-card vector: a JPKI *test* card (synthetic holder 黒桐　幹也) read by soltia48/myna-card
 * (MIT, https://github.com/soltia48/myna-card). Its EF 0002 fixture is binary and could not be fetched here;
 * what that project publishes in text is the file's header and offset table, in src/ap/text.rs
 * ("FF 20 65 / DF 21 08 000E 0020 0059 0064 / … DF 24 08 YYYYMMDD / DF 25 01 "1""), and the same card's
 * holder data (氏名 黒桐　幹也, 住所 東京都清瀬市観布子南１２－７－２０２, 生年月日 1980-02-17, 性別 1) in
 * src/certificate.rs. These header bytes are copied from there; the rest of the file is those values
 * encoded as the card encodes them (UTF-8, U+3000, U+FF0D). The offset table only adds up for exactly
 * these field lengths, which is what ties the two published pieces together.
 */
const KOKUTOU = { name: '黒桐\u3000幹也', address: '東京都清瀬市観布子南１２\uFF0D７\uFF0D２０２', birthDate: '19800217', sexCode: '1' };
const KOKUTOU_HEADER = hex('FF 20 65  DF 21 08 00 0E 00 20 00 59 00 64  DF 22 0F');

describe('BER-TLV reader', () => {
  it('reads one- and two-byte tags and short, 81 and 82 lengths', () => {
    expect(readTlvHeader(hex('DF 22 0F'))).toEqual({ tag: 0xdf22, headerLength: 3, length: 15 });
    expect(readTlvHeader(hex('FF 30 82 01 4A'))).toEqual({ tag: 0xff30, headerLength: 5, length: 330 });
    expect(readTlvHeader(hex('04 81 80'))).toEqual({ tag: 0x04, headerLength: 3, length: 128 });
    expect(tlvTotalLength(hex('FF 20 81 A0 DF'))).toBe(4 + 0xa0);
    const t = readTlv(hex('FF 10 02 31 32 FF FF'));
    expect([t.tag, t.end, [...t.value]]).toEqual([0xff10, 5, [0x31, 0x32]]);
  });

  it('refuses truncated and malformed objects with a typed error', () => {
    expect(code(() => readTlvHeader(new Uint8Array(0)))).toBe('truncated');
    expect(code(() => readTlvHeader(hex('DF')))).toBe('truncated');
    expect(code(() => readTlvHeader(hex('DF 22')))).toBe('truncated');
    expect(code(() => readTlvHeader(hex('FF 30 82 01')))).toBe('truncated');
    expect(code(() => readTlv(hex('DF 22 05 41 42')))).toBe('truncated');
    expect(code(() => readTlvHeader(hex('DF 22 80')))).toBe('bad-length');
    expect(code(() => readTlvHeader(hex('DF 22 84 00 00 00 01')))).toBe('bad-length');
    expect(code(() => readTlvHeader(hex('DF 81 82 83 01 00')))).toBe('bad-tag');
    // filler ends the objects; an object after filler is not filler
    expect(readTlvChildren(hex('01 01 41 FF FF')).map((c) => c.tag)).toEqual([1]);
    expect(code(() => readTlvChildren(hex('01 01 41 FF 01 01 41')))).toBe('bad-tag');
  });

  it('decodes UTF-8 strictly, keeping every code point (IVS included)', () => {
    const ivs = '葛\u{E0100}';
    expect(decodeUtf8Strict(attributesFile({ ...KOKUTOU, name: ivs }).subarray(17, 17 + 7), '氏名')).toBe(ivs);
    expect(code(() => decodeUtf8Strict(hex('E9 AB'), 'x'))).toBe('bad-value'); // cut short
    expect(code(() => decodeUtf8Strict(hex('C0 AF'), 'x'))).toBe('bad-value'); // overlong
    expect(code(() => decodeUtf8Strict(hex('ED A0 80'), 'x'))).toBe('bad-value'); // surrogate
    expect(code(() => decodeUtf8Strict(hex('41 80'), 'x'))).toBe('bad-value');
  });
});

describe('the 2016 card files', () => {
  it('parses the public real-card vector (黒桐　幹也) exactly, its offset table checked', () => {
    const file = attributesFile(KOKUTOU);
    expect([...file.subarray(0, KOKUTOU_HEADER.length)]).toEqual([...KOKUTOU_HEADER]);
    expect(file.length).toBe(3 + 0x65);
    const a = CARD.parseAttributes(file);
    expect(a).toEqual({ name: '黒桐\u3000幹也', address: '東京都清瀬市観布子南１２－７－２０２', birthDate: '1980-02-17', sexCode: '1' });
    expect([...a.name].map((c) => c.codePointAt(0)!.toString(16))).toEqual(['9ed2', '6850', '3000', '5e79', '4e5f']);
    // the digest covers DF 22 to the end: the offset table (14 bytes in) is outside it
    expect([...CARD.attributesDigestSource(file)]).toEqual([...file.subarray(14)]);
  });

  it('keeps variant kanji and IVS, and reads a long address whose file needs an 81 length', () => {
    const p = { name: '髙﨑\u3000葛\u{E0100}子', address: `${'東京都千代田区'}${'一番町'.repeat(10)}１－２`, birthDate: '20000229', sexCode: '2' };
    const file = attributesFile(p);
    expect(file[2]).toBe(0x81);
    expect(CARD.parseAttributes(file)).toEqual({ name: p.name, address: p.address, birthDate: '2000-02-29', sexCode: '2' });
  });

  it('refuses a file whose offset table does not match, a missing field, or a cut-off file', () => {
    const file = attributesFile(KOKUTOU);
    const moved = file.slice();
    moved[9] = 0x21;
    expect(code(() => CARD.parseAttributes(moved))).toBe('bad-value');
    expect(code(() => CARD.parseAttributes(file.subarray(0, file.length - 3)))).toBe('truncated');
    const noSex = file.slice(0, file.length - 4);
    noSex[2] = 0x65 - 4;
    expect(code(() => CARD.parseAttributes(noSex))).toBe('missing-field');
    expect(code(() => CARD.parseAttributes(hex('FF 21 00')))).toBe('unexpected-tag');
    expect(CARD.parseAttributes(attributesFile({ ...KOKUTOU, birthDate: '19800231' })).birthDate).toBeNull();
    expect(code(() => CARD.parseAttributes(attributesFile({ ...KOKUTOU, birthDate: '1980021' })))).toBe('bad-value');
  });

  it('reads the number file (17 bytes, filler included in its digest) and checks the check digit', () => {
    const f = numberFile('537686677188');
    expect(f.length).toBe(17);
    expect(CARD.parseNumber(f)).toBe('537686677188');
    expect(code(() => CARD.parseNumber(numberFile('537686677189')))).toBe('bad-value');
    expect(code(() => CARD.parseNumber(f.subarray(0, 10)))).toBe('truncated');
    expect(CARD.numberDigestSource(f)).toBe(f);
  });

  it('reads the digests file (an 82 length, with the signature)', () => {
    const n = sha256(numberFile('537686677188'));
    const a = sha256(CARD.attributesDigestSource(attributesFile(KOKUTOU)));
    const f = digestsFile(n, a, new Uint8Array(256).fill(7));
    expect(f[2]).toBe(0x82);
    const d = CARD.parseDigests(f);
    expect([...d.number]).toEqual([...n]);
    expect([...d.attributes]).toEqual([...a]);
    expect(code(() => CARD.parseDigests(digestsFile(n.subarray(0, 31), a, new Uint8Array(0))))).toBe('bad-value');
  });

  it('builds 照合番号B as the domain notes give it', () => {
    expect(CARD.verifyBCode({ birthWareki: '550217', expiryYear: '2035', securityCode: '2285' })).toBe('55021720352285');
  });
});
