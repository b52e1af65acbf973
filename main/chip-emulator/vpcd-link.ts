import net from 'node:net';

/**
 * The card side of Debian's vsmartcard-vpcd reader driver: pcscd's vpcd listens on localhost
 * (35963 + slot) and a card "is on the reader" while a client is connected. Every message is a 2-byte
 * big-endian length and a payload; a 1-byte payload is a control code (0x00 power off, 0x01 power on,
 * 0x02 reset, 0x04 send the ATR), anything longer is a command APDU, answered with a response APDU.
 */
export const VPCD_BASE_PORT = 35963;

const CONTROL = { off: 0x00, on: 0x01, reset: 0x02, atr: 0x04 } as const;

export interface VpcdCard {
  atr: Uint8Array;
  reset(): void;
  apdu(cmd: Uint8Array): Uint8Array;
}

export interface VpcdLinkOptions {
  host?: string;
  port: number;
  card: VpcdCard;
  /** take the card off the reader (close the connection) once this many APDUs were answered */
  pullAfterApdus?: number;
  /** called when the connection ends, by us or by pcscd */
  onClose?: (reason: 'pulled' | 'closed') => void;
}

export interface VpcdLink {
  /** the card off the reader */
  remove(): void;
}

function frame(payload: Uint8Array): Buffer {
  const out = Buffer.alloc(2 + payload.length);
  out.writeUInt16BE(payload.length, 0);
  out.set(payload, 2);
  return out;
}

/** Puts `card` on the vpcd reader at `port`: resolves once connected (retrying while pcscd is not listening yet). */
export async function connectToVpcd(o: VpcdLinkOptions, connectTimeoutMs = 10_000): Promise<VpcdLink> {
  const deadline = Date.now() + connectTimeoutMs;
  for (;;) {
    try {
      return await connectOnce(o);
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function connectOnce(o: VpcdLinkOptions): Promise<VpcdLink> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: o.host ?? '127.0.0.1', port: o.port });
    socket.setNoDelay(true);
    let buffered = Buffer.alloc(0);
    let answered = 0;
    let pulled = false;
    const remove = (): void => {
      pulled = true;
      socket.destroy();
    };
    socket.once('connect', () => {
      socket.off('error', reject);
      socket.on('error', () => undefined);
      resolve({ remove });
    });
    socket.once('error', reject);
    socket.on('close', () => o.onClose?.(pulled ? 'pulled' : 'closed'));
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 2) {
        const n = buffered.readUInt16BE(0);
        if (buffered.length < 2 + n) break;
        const msg = new Uint8Array(buffered.subarray(2, 2 + n));
        buffered = buffered.subarray(2 + n);
        if (pulled) return;
        if (n === 1) {
          const c = msg[0];
          if (c === CONTROL.atr) socket.write(frame(o.card.atr));
          else if (c === CONTROL.on || c === CONTROL.reset || c === CONTROL.off) o.card.reset();
          continue;
        }
        if (o.pullAfterApdus !== undefined && answered >= o.pullAfterApdus) {
          // the card leaves mid-read: this command is never answered
          remove();
          return;
        }
        socket.write(frame(o.card.apdu(msg)));
        answered++;
      }
    });
  });
}
