import type { ChipCardGeneration } from '../../../common/chip/chip-card-generation';
import { SW_BLOCKED, SW_OK, swHex, triesOf } from '../../../common/chip/status-words';
import { tlvTotalLength, TlvError } from '../../../common/chip/ber-tlv';
import { ChipError } from './chip-error';
import type { CardLink } from './pcsc-binding';

/** READ BINARY's Le per command: a short APDU returns at most 256 bytes; 255 suits every reader and card. */
const READ_CHUNK = 255;
/** no EF of the AP is larger (EF 0003 with its 2048-bit signature is about 330 bytes) */
const MAX_FILE_BYTES = 4096;

interface Answer {
  data: Uint8Array;
  sw: number;
}

/**
 * The APDUs of the 券面事項入力補助AP (class 00), over one card link, counted. Every non-9000 answer is
 * turned into a ChipError that says what it means for the read; the values sent (PIN, 照合番号B) are
 * never part of an error or of anything logged.
 */
export class ChipApdus {
  /** APDUs sent so far (the bench reports it) */
  count = 0;
  /** the EF the card has selected: the connection is exclusive, so no one else changed it since */
  private selected: number | null = null;

  constructor(
    private readonly link: CardLink,
    private readonly card: ChipCardGeneration,
  ) {}

  private async send(header: number[], data?: Uint8Array, le?: number): Promise<Answer> {
    const bytes = [...header, ...(data ? [data.length, ...data] : []), ...(le !== undefined ? [le & 0xff] : [])];
    this.count++;
    const r = await this.link.transmit(Uint8Array.from(bytes));
    if (r.length < 2) throw new ChipError('card-error', `answer of ${r.length} bytes`);
    return { data: r.subarray(0, r.length - 2), sw: r[r.length - 2]! * 256 + r[r.length - 1]! };
  }

  /** SELECT the 券面事項入力補助AP; a card without it is not a My Number card (or not one we know). */
  async selectTextAp(): Promise<void> {
    this.selected = null;
    const r = await this.send([0x00, 0xa4, 0x04, 0x0c], this.card.textApAid);
    if (r.sw !== SW_OK) throw new ChipError('not-mynumber', `SELECT AP → ${swHex(r.sw)}`);
  }

  async selectEf(id: number): Promise<void> {
    // the tries were read under this key a moment ago: VERIFY needs no second SELECT (one APDU less per read)
    if (this.selected === id) return;
    this.selected = null;
    const r = await this.send([0x00, 0xa4, 0x02, 0x0c], Uint8Array.of(id >> 8, id & 0xff));
    if (r.sw !== SW_OK) throw new ChipError('card-error', `SELECT EF ${id.toString(16).padStart(4, '0')} → ${swHex(r.sw)}`);
    this.selected = id;
  }

  /** Tries left on a key, read with VERIFY without data: spends none. */
  async triesLeft(key: number): Promise<number> {
    await this.selectEf(key);
    const r = await this.send([0x00, 0x20, 0x00, 0x80]);
    const tries = triesOf(r.sw);
    if (tries !== null) return tries;
    if (r.sw === SW_BLOCKED) return 0;
    throw new ChipError('card-error', `VERIFY (tries) → ${swHex(r.sw)}`);
  }

  /**
   * VERIFY `key` with `value` (ASCII digits). A wrong value throws `wrongCode` with the tries left,
   * or 'blocked' when none are left. The bytes of `value` are overwritten once sent.
   */
  async verify(key: number, value: Uint8Array, wrongCode: 'wrong-pin' | 'wrong-verify-b'): Promise<void> {
    await this.selectEf(key);
    let r: Answer;
    try {
      r = await this.send([0x00, 0x20, 0x00, 0x80], value);
    } finally {
      value.fill(0);
    }
    if (r.sw === SW_OK) return;
    const tries = triesOf(r.sw);
    if (r.sw === SW_BLOCKED || tries === 0) throw new ChipError('blocked', `VERIFY → ${swHex(r.sw)}`, 0);
    if (tries !== null) throw new ChipError(wrongCode, `VERIFY → ${swHex(r.sw)}`, tries);
    throw new ChipError('card-error', `VERIFY → ${swHex(r.sw)}`);
  }

  private async readBinary(offset: number, length: number): Promise<Uint8Array> {
    const r = await this.send([0x00, 0xb0, (offset >> 8) & 0x7f, offset & 0xff], undefined, length);
    // 6B 00: the offset is past the file's end — the file is shorter than its own TLV says
    if (r.sw === 0x6b00) throw new ChipError('malformed', `READ BINARY @${offset} → ${swHex(r.sw)}`);
    if (r.sw !== SW_OK) throw new ChipError('card-error', `READ BINARY @${offset} → ${swHex(r.sw)}`);
    return r.data;
  }

  /** An EF of known size, whole (filler included). */
  async readFixed(id: number, size: number): Promise<Uint8Array> {
    await this.selectEf(id);
    const out = await this.readBinary(0, size);
    if (out.length < size) throw new ChipError('malformed', `EF ${id.toString(16)}: ${out.length} of ${size} bytes`);
    return out.slice(0, size);
  }

  /**
   * An EF holding one TLV object: its first bytes give the object's length (BER), the rest is read in
   * chunks at increasing offsets. Returns the object exactly (no filler); a file shorter than its own
   * length says is 'malformed'.
   */
  async readTlvFile(id: number): Promise<Uint8Array> {
    await this.selectEf(id);
    const head = await this.readBinary(0, this.card.headerProbe);
    let total: number;
    try {
      total = tlvTotalLength(head);
    } catch (err) {
      throw new ChipError('malformed', `EF ${id.toString(16)} header: ${err instanceof TlvError ? err.code : 'unreadable'}`);
    }
    if (total > MAX_FILE_BYTES) throw new ChipError('malformed', `EF ${id.toString(16)} says ${total} bytes`);
    const out = new Uint8Array(total);
    out.set(head.subarray(0, Math.min(head.length, total)), 0);
    let at = Math.min(head.length, total);
    while (at < total) {
      const chunk = await this.readBinary(at, Math.min(READ_CHUNK, total - at));
      if (chunk.length === 0) throw new ChipError('malformed', `EF ${id.toString(16)} ends at ${at} of ${total} bytes`);
      out.set(chunk.subarray(0, total - at), at);
      at += chunk.length;
    }
    return out;
  }
}
