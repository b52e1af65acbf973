import { afterAll, describe, expect, it } from 'vitest';
import { PrepWorker } from '../../main/ocr-engine/prep/prep-client';
import { settleShape, shapeRequest, variantImages, type VariantImagesRequest } from '../../main/ocr-engine/reread/variant-images';
import { FONTS, LOOKS, render, svgText } from '../support/glyph-render';
import { REREAD_TUNING } from '../../main/ocr-engine/reread/tuning';
import { cleanBackground, createGray } from '../../main/ocr-engine/image/gray-image';
import { firstReadCrop, lineCrop } from '../../main/ocr-engine/image/line-crop';
import { inkOfCrop } from '../../main/ocr-engine/reread/ink-mask-request';
import fs from 'node:fs';
import path from 'node:path';

/** A pale crop with two dark "characters" and a speck outside them. */
function request(): VariantImagesRequest {
  const crop = createGray(120, 40, 235);
  for (let y = 10; y < 30; y++) for (let x = 10; x < 30; x++) crop.data[y * 120 + x] = 20;
  for (let y = 10; y < 30; y++) for (let x = 50; x < 70; x++) crop.data[y * 120 + x] = 20;
  for (let y = 2; y < 5; y++) for (let x = 100; x < 104; x++) crop.data[y * 120 + x] = 60;
  return { op: 'variants', crop, chars: [{ x0: 10, y0: 10, x1: 29, y1: 29 }, { x0: 50, y0: 10, x1: 69, y1: 29 }], grow: 2, rows: null, glyphH: 20, variants: REREAD_TUNING.variants.name };
}

describe('second reads\' images in the preprocessing worker', () => {
  const prep = PrepWorker.start();
  afterAll(() => prep.close());
  it('makes the same images as inline, off the calling thread', async () => {
    expect(prep.inline).toBe(false);
    const inline = variantImages(request());
    const off = await prep.variants(request());
    expect(off.map((i) => [i.width, i.height])).toEqual(inline.map((i) => [i.width, i.height]));
    off.forEach((img, i) => expect(Buffer.from(img.data).equals(Buffer.from(inline[i]!.data))).toBe(true));
    // masked variants paint the speck outside the characters over; unmasked ones keep it
    const speckGone = (img: { width: number; height: number; data: Uint8Array }, k: number): boolean => img.data[Math.round(3 * k) * img.width + Math.round(101 * k)]! > 200;
    const k = 40 / 20;
    expect(speckGone(off[0]!, k)).toBe(true);
    expect(speckGone(off[2]!, 52 / 20)).toBe(false);
  });

  it('paints a neighbouring character over in every variant, the unmasked ones too (the crop\'s margin reaching into it)', async () => {
    // the second "character" is the neighbour: the first alone is the region read
    const req = { ...request(), chars: [{ x0: 10, y0: 10, x1: 29, y1: 29 }], others: [{ x0: 50, y0: 10, x1: 69, y1: 29 }], variants: REREAD_TUNING.variants.block };
    const images = variantImages(req);
    expect(REREAD_TUNING.variants.block.every((v) => v.unmasked)).toBe(true);
    for (const [i, v] of REREAD_TUNING.variants.block.entries()) {
      const img = images[i]!;
      const k = img.width / 120;
      const at = (x: number, y: number): number => img.data[Math.round(y * k) * img.width + Math.round(x * k)]!;
      // the region's character stays, the neighbour is paper, and the speck no box holds stays (unmasked)
      expect(at(20, 20), `${v.glyph}`).toBeLessThan(100);
      expect(at(60, 20), `${v.glyph}`).toBeGreaterThan(200);
      expect(at(101, 3), `${v.glyph}`).toBeLessThan(200);
    }
  });

  it('cuts every line\'s first-read crop there with the card, the same pixels as inline', async () => {
    const bytes = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/cards/card-101-0000-current-flat.jpg'));
    const { views } = await prep.run({ op: 'prepare', bytes });
    const view = views[0]!;
    expect(view.lines.length).toBeGreaterThan(5);
    for (const l of view.lines) {
      const inline = firstReadCrop(view.card, l);
      expect([l.crop.x, l.crop.scale, l.crop.image.width, l.crop.image.height]).toEqual([inline.x, inline.scale, inline.image.width, inline.image.height]);
      expect(Buffer.from(l.crop.image.data).equals(Buffer.from(inline.image.data))).toBe(true);
    }
  });

  it('makes a date line\'s images there from its region alone, the same pixels as cut from the whole card (at its edge too)', async () => {
    const bytes = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/cards/card-101-0000-current-flat.jpg'));
    const { views } = await prep.run({ op: 'prepare', bytes });
    const card = views[0]!.card;
    const specs = [{ glyph: 48, clean: false }, { glyph: 40, clean: true }, { glyph: 30, clean: true }];
    for (const box of [{ x0: 150.4, y0: 280.6, x1: 520, y1: 312, glyphH: 30 }, { x0: 3, y0: 2, x1: 200, y1: 30, glyphH: 26 }]) {
      const off = await prep.lineImages(card, box, specs);
      specs.forEach((sp, i) => {
        const img = lineCrop(card, box, sp.glyph).image;
        const inline = sp.clean ? cleanBackground(img) : img;
        expect([off[i]!.width, off[i]!.height]).toEqual([inline.width, inline.height]);
        expect(Buffer.from(off[i]!.data).equals(Buffer.from(inline.data))).toBe(true);
      });
    }
  });

  it('makes a region\'s ink mask there, the pattern cleaned away, as inline', async () => {
    const req = (): Parameters<typeof inkOfCrop>[0] => ({ op: 'ink', crop: request().crop, window: 6, offset: 14 });
    const off = await prep.ink(req());
    const inline = inkOfCrop(req());
    expect(Buffer.from(off).equals(Buffer.from(inline))).toBe(true);
    // a character's edge is ink (a local threshold: the middle of a solid block is as dark as its surroundings), the paper between them is not
    expect(off[20 * 120 + 10]).toBe(1);
    expect(off[20 * 120 + 40]).toBe(0);
  });

  it('settles a name\'s kanji variants by shape there as inline (髙 printed, 高 read)', async () => {
    const s = 2 * LOOKS[0]!.size;
    const text = '髙田　一郎';
    const img = await render(svgText(text, 10, 10 + 0.88 * s, s, FONTS[0]!, 17), (5 + 1) * s, s + 20, LOOKS[0]!);
    const band = { x0: 6, y0: 6, x1: 10 + 5 * s, y1: 14 + s };
    const gapX = 10 + 2.5 * s;
    const inline = settleShape(shapeRequest(img, band, '高田\u3000一郎', gapX));
    expect(await prep.shape(shapeRequest(img, band, '高田\u3000一郎', gapX))).toBe(inline);
    expect(inline).toBe('髙田\u3000一郎');
  });

  it('finds the glyph atlas in the worker: a known name one character away is chosen there by its print', async () => {
    const s = 2 * LOOKS[0]!.size;
    const img = await render(svgText('五十嵐　太郎', 10, 10 + 0.88 * s, s, FONTS[0]!, 17), 7 * s, s + 20, LOOKS[0]!);
    const band = { x0: 6, y0: 6, x1: 10 + 6 * s, y1: 14 + s };
    const req = (): ReturnType<typeof shapeRequest> => shapeRequest(img, band, '五十風\u3000太郎', 10 + 3.5 * s, ['五十嵐\u3000太郎', '五十川\u3000太郎']);
    expect(prep.inline).toBe(false);
    expect(await prep.shape(req())).toBe('五十嵐\u3000太郎');
    expect(settleShape(req())).toBe('五十嵐\u3000太郎');
  });
});
