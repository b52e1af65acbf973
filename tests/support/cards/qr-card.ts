import sharp from 'sharp';
import qrcode from 'qrcode-generator';

/**
 * A synthetic card back for tests: a QR code holding `data` (the 12-digit 個人番号) on a card-coloured
 * background, optionally on a desk. Encoded with qrcode-generator (dev dependency, tests only).
 */
export async function qrCardBack(data: string, opts: { desk?: boolean } = {}): Promise<Buffer> {
  const qr = qrcode(0, 'M');
  qr.addData(data, 'Numeric');
  qr.make();
  const n = qr.getModuleCount();
  const cell = 8;
  const quiet = 4;
  const size = (n + quiet * 2) * cell;
  const px = Buffer.alloc(size * size, 255);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) {
    if (!qr.isDark(r, c)) continue;
    for (let y = 0; y < cell; y++) px.fill(0, ((r + quiet) * cell + y) * size + (c + quiet) * cell, ((r + quiet) * cell + y) * size + (c + quiet + 1) * cell);
  }
  const code = await sharp(px, { raw: { width: size, height: size, channels: 1 } }).png().toBuffer();
  const card = await sharp({ create: { width: 856, height: 540, channels: 3, background: '#eef3f7' } })
    .composite([{ input: code, left: 856 - size - 40, top: 540 - size - 40 }])
    .png()
    .toBuffer();
  if (!opts.desk) return card;
  return sharp({ create: { width: 1280, height: 960, channels: 3, background: '#5a5f66' } }).composite([{ input: card, left: 212, top: 210 }]).jpeg({ quality: 88 }).toBuffer();
}
