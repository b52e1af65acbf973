import { createHash } from 'node:crypto';
import { MYNUMBER_CARD_2016 as CARD } from '../../common/chip/mynumber-card-2016';
import { attributesFile, digestsFile, numberFile } from '../../common/chip/mynumber-card-2016-files';
import { concatBytes } from '../../common/chip/ber-tlv-encode';
import type { VirtualPerson } from './synthetic-people';

/**
 * The card side of the 券面事項入力補助AP, as a state machine over APDUs: what the virtual reader (vpcd)
 * hands to a physical card, answered the way the domain notes say a 2016 My Number card answers
 * (SELECT by AID / by EF, VERIFY with and without data, READ BINARY with an offset). For tests, the bench
 * and trainers; it holds synthetic people only.
 */

/** what the card does wrong on purpose */
export type VirtualCardMode =
  | 'normal'
  | 'tampered' // EF 0002 no longer matches its digest in EF 0003
  | 'not-mynumber' // the card has no such application (another IC card on the reader)
  | 'malformed'; // EF 0002's TLV says it is longer than the file (a truncated file)

export interface VirtualCardOptions {
  person: VirtualPerson;
  pin: string;
  /** tries left on the PIN at the start (3 = fresh; 0 = blocked) */
  pinTries?: number;
  /** tries left on 照合番号B at the start */
  verifyBTries?: number;
  mode?: VirtualCardMode;
}

/**
 * Tries of each key when fresh. The PIN's 3 is documented; the limit of 照合番号B is not in the public
 * sources we have, so the virtual card uses the same 3 (what matters to the reader is the counter).
 */
export const MAX_TRIES = 3;
/** the files are larger than their TLV on a real card; the rest is 0xFF */
const ATTRIBUTES_FILE_SIZE = 512;
const DIGESTS_SIGNATURE_BYTES = 256;

const sw = (code: number, data: Uint8Array = new Uint8Array(0)): Uint8Array => concatBytes(data, Uint8Array.of(code >> 8, code & 0xff));
const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());
const equalBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

interface Key {
  value: Uint8Array;
  tries: number;
}

export class VirtualMyNumberCard {
  /** the ATR a contact card of this kind answers (historical bytes unimportant to the reader) */
  readonly atr = Uint8Array.of(0x3b, 0xe0, 0x00, 0xff, 0x81, 0x31, 0xfe, 0x45, 0x14);
  private readonly files = new Map<number, Uint8Array>();
  private readonly keys = new Map<number, Key>();
  private apSelected = false;
  private current: number | null = null;
  /** keys verified since the AP was selected */
  private readonly verified = new Set<number>();
  /** APDUs answered since the card was powered (what the bench counts) */
  apdus = 0;
  /** APDUs of the last power session that had any (what one read took) */
  lastSessionApdus = 0;

  constructor(private readonly o: VirtualCardOptions) {
    const number = numberFile(o.person.myNumber, CARD.numberFileSize);
    const attributesTlv = attributesFile(o.person);
    const signature = new Uint8Array(DIGESTS_SIGNATURE_BYTES).fill(0x5a);
    const digests = digestsFile(sha256(number), sha256(CARD.attributesDigestSource(attributesTlv)), signature);
    const attributes = new Uint8Array(o.mode === 'malformed' ? attributesTlv.length : Math.max(ATTRIBUTES_FILE_SIZE, attributesTlv.length)).fill(0xff);
    attributes.set(attributesTlv, 0);
    // the outer length claims 40 bytes more than the file holds
    if (o.mode === 'malformed') attributes[2] = attributes[2]! + 40;
    if (o.mode === 'tampered') {
      // one byte of the 住所 changed after the card was signed (its last byte, a UTF-8 continuation byte:
      // still valid UTF-8, a different address); DF 24 and DF 25 take the last 15 bytes
      const at = attributesTlv.length - 16;
      attributes[at] = attributes[at]! ^ 0x01;
    }
    this.files.set(CARD.files.number, number);
    this.files.set(CARD.files.attributes, attributes);
    this.files.set(CARD.files.digests, digests);
    const ascii = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
    this.keys.set(CARD.keys.pin, { value: ascii(o.pin), tries: o.pinTries ?? MAX_TRIES });
    const b = o.person.face;
    this.keys.set(CARD.keys.verifyB, { value: ascii(CARD.verifyBCode(b)), tries: o.verifyBTries ?? MAX_TRIES });
  }

  /** tries left on the PIN and on 照合番号B (for tests that check nothing was spent) */
  tries(): { pin: number; verifyB: number } {
    return { pin: this.keys.get(CARD.keys.pin)!.tries, verifyB: this.keys.get(CARD.keys.verifyB)!.tries };
  }

  /** power on / reset: the AP and every verification are forgotten, the counters are not */
  reset(): void {
    // a read ends with a reset or power off: its APDU count stays readable (the bench reports it per read)
    if (this.apdus > 0) this.lastSessionApdus = this.apdus;
    this.apSelected = false;
    this.current = null;
    this.verified.clear();
    this.apdus = 0;
  }

  apdu(cmd: Uint8Array): Uint8Array {
    this.apdus++;
    if (cmd.length < 4) return sw(0x6700);
    const [cla, ins, p1, p2] = [cmd[0]!, cmd[1]!, cmd[2]!, cmd[3]!];
    if (cla !== 0x00) return sw(0x6e00);
    const lc = cmd.length > 5 ? cmd[4]! : 0;
    const data = cmd.subarray(5, 5 + lc);
    if (cmd.length > 5 && data.length !== lc) return sw(0x6700);
    switch (ins) {
      case 0xa4:
        return this.select(p1, data);
      case 0x20:
        return this.verify(p1, p2, cmd.length > 5 ? data : null);
      case 0xb0:
        return this.readBinary(p1, p2, cmd.length === 5 ? cmd[4]! : cmd.length === 4 ? 0 : -1);
      default:
        return sw(0x6d00);
    }
  }

  private select(p1: number, data: Uint8Array): Uint8Array {
    if (p1 === 0x04) {
      this.apSelected = false;
      this.current = null;
      this.verified.clear();
      if (this.o.mode === 'not-mynumber' || !equalBytes(data, CARD.textApAid)) return sw(0x6a82);
      this.apSelected = true;
      return sw(0x9000);
    }
    if (p1 === 0x02 && data.length === 2) {
      const id = data[0]! * 256 + data[1]!;
      if (!this.apSelected || (!this.files.has(id) && !this.keys.has(id))) return sw(0x6a82);
      this.current = id;
      return sw(0x9000);
    }
    return sw(0x6a86);
  }

  private verify(p1: number, p2: number, value: Uint8Array | null): Uint8Array {
    if (p1 !== 0x00 || p2 !== 0x80) return sw(0x6a86);
    const key = this.current === null ? undefined : this.keys.get(this.current);
    if (!key) return sw(0x6986);
    if (value === null) return sw(0x63c0 | key.tries);
    if (key.tries === 0) return sw(0x6984);
    if (!equalBytes(value, key.value)) {
      key.tries--;
      return sw(0x63c0 | key.tries);
    }
    key.tries = MAX_TRIES;
    this.verified.add(this.current!);
    return sw(0x9000);
  }

  private readBinary(p1: number, p2: number, le: number): Uint8Array {
    if (le < 0) return sw(0x6700);
    if (p1 & 0x80) return sw(0x6a86);
    const file = this.current === null ? undefined : this.files.get(this.current);
    if (!file) return sw(0x6986);
    if (!this.allowed(this.current!)) return sw(0x6982);
    const offset = p1 * 256 + p2;
    if (offset >= file.length) return sw(0x6b00);
    const want = le === 0 ? 256 : le;
    return sw(0x9000, file.slice(offset, Math.min(file.length, offset + want)));
  }

  /** EF 0001 opens with the PIN; EF 0002 and EF 0003 with the PIN or 照合番号B */
  private allowed(file: number): boolean {
    if (this.verified.has(CARD.keys.pin)) return true;
    return file !== CARD.files.number && this.verified.has(CARD.keys.verifyB);
  }
}
