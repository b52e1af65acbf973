import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { runPrep } from '../../main/ocr-engine/prep/prepare';
import { findPortrait, PORTRAIT_TUNING } from '../../main/ocr-engine/layout/photo-side';
import { isCardShaped } from '../../main/ocr-engine/image/card-shape';
import { findTextLines } from '../../main/ocr-engine/layout/text-lines';

/** Which way up the portrait says: > 0 upright, < 0 upside down, 0 when none is found. */
const photoSideScore = (card: GrayImage): number => findPortrait(card)?.score ?? 0;
import { createGray, rotate180, type GrayImage } from '../../main/ocr-engine/image/gray-image';

const fixture = (name: string): Buffer => fs.readFileSync(path.join(__dirname, '../fixtures/cards', name));
/** today's card, a next-generation design and a foreign resident card (portrait right), and a next-generation design with the portrait left, photographed by phone */
const FRONTS = ['card-101-0000-current-flat.jpg', 'card-102-0000-next-gen-scanner.png', 'card-103-0000-foreign-camera.jpg', 'card-20261204-0010-ng-photo-left-phone.jpg'];

/**
 * A head and shoulders photo 250 × 320 px at (x0, 200) on `card`: its backdrop's grey, the sitter's, the head's
 * half-width, and where the shoulders begin, their centre and their half-height (from the photo's top).
 */
function drawPhoto(card: GrayImage, o: { x0: number; backdrop: number; sitter: number; headRx: number; shouldersTop: number; shouldersCy: number; shouldersRy: number }): void {
  const [x0, y0, w, h] = [o.x0, 200, 250, 320];
  const cx = x0 + w / 2;
  for (let y = y0; y < y0 + h; y++) {
    card.data.fill(o.backdrop, y * card.width + x0, y * card.width + x0 + w);
    for (let x = x0; x < x0 + w; x++) {
      const head = (x - cx) ** 2 / o.headRx ** 2 + (y - (y0 + 120)) ** 2 / 65 ** 2 <= 1;
      const shoulders = y >= y0 + o.shouldersTop && (x - cx) ** 2 / 120 ** 2 + (y - (y0 + o.shouldersCy)) ** 2 / o.shouldersRy ** 2 <= 1;
      if (head || shoulders) card.data[y * card.width + x] = o.sitter;
    }
  }
}

/** A sample card's portrait: a grey photo with a dark head above wider dark shoulders. */
function portraitCard(photoX0: number): GrayImage {
  const card = createGray(1200, 757, 235);
  drawPhoto(card, { x0: photoX0, backdrop: 175, sitter: 60, headRx: 55, shouldersTop: 210, shouldersCy: 320, shouldersRy: 110 });
  return card;
}

describe('which way up a card is', () => {
  it.each(FRONTS)('turns %s upright whichever way it was put down', async (name) => {
    const upright = await runPrep({ op: 'prepare', bytes: fixture(name) });
    const turned = await runPrep({ op: 'prepare', bytes: await sharp(fixture(name)).rotate(180).toBuffer() });
    for (const r of [upright, turned]) {
      const view = r.views[0]!;
      expect(r.hasQuad || isCardShaped(view.card)).toBe(true);
      // the portrait ends up head up, wherever the design puts it
      expect(photoSideScore(view.card)).toBeGreaterThan(PORTRAIT_TUNING.decides);
    }
    expect(turned.views[0]!.flipped).toBe(!upright.views[0]!.flipped);
  });

  it('finds a card that fills a tenth of a phone photo', async () => {
    const r = await runPrep({ op: 'prepare', bytes: fixture('card-20261204-0010-ng-photo-left-phone.jpg') });
    expect(r.hasQuad).toBe(true);
  });

  it('takes a card-shaped block without text (a portrait on a card filling the frame) for no card', async () => {
    const W = 1200;
    const H = 800;
    const px = Buffer.alloc(W * H * 3, 235);
    for (let y = 200; y < 540; y++) for (let x = 300; x < 840; x++) px.fill(90, (y * W + x) * 3, (y * W + x) * 3 + 3);
    const bytes = await sharp(px, { raw: { width: W, height: H, channels: 3 } }).png().toBuffer();
    expect((await runPrep({ op: 'prepare', bytes })).hasQuad).toBe(false);
  });

  it('tells which way up from the portrait itself, in either side column, and not from the side it is on', () => {
    for (const x0 of [880, 70]) {
      const card = portraitCard(x0);
      expect(photoSideScore(card)).toBeGreaterThan(0.1);
      expect(photoSideScore(rotate180(card))).toBeLessThan(-0.1);
    }
  });

  it('finds the portrait box, and the line finder leaves its pixels out (the sitter is no text beside the name)', () => {
    const card = portraitCard(70);
    // a photo's small features (a collar's buttons, strands of hair) in a row, the size of text
    for (const bx of [90, 120, 150]) for (let y = 230; y < 246; y++) card.data.fill(50, y * 1200 + bx, y * 1200 + bx + 14);
    const p = findPortrait(card)!;
    // the photo is x 70..319, y 200..519
    expect(p.x0).toBeLessThanOrEqual(75);
    expect(p.x1).toBeGreaterThanOrEqual(310);
    expect(p.x1).toBeLessThan(340);
    expect(p.y0).toBeLessThanOrEqual(205);
    expect(p.y1).toBeGreaterThanOrEqual(510);
    const inside = (l: { x0: number; x1: number; y0: number; y1: number }): boolean => l.x1 > p.x0 && l.x0 < p.x1 && l.y1 > p.y0 && l.y0 < p.y1;
    expect(findTextLines(card).some(inside)).toBe(true);
    expect(findTextLines(card, p).some(inside)).toBe(false);
  });

  it('finds the portrait on a pale capture, whose greys all differ less (paper 220, darkest ink 100)', () => {
    const card = createGray(1200, 757, 220);
    // the text: the darkest ink, ~2 % of the card
    for (let r = 0; r < 5; r++) for (let y = 150 + 60 * r; y < 158 + 60 * r; y++) card.data.fill(100, y * 1200 + 400, y * 1200 + 800);
    // the photo: a background 14 levels darker than the paper, head and shoulders at 130 (a fixed 41 levels
    // darker than the paper finds no rows of it tall enough)
    drawPhoto(card, { x0: 70, backdrop: 206, sitter: 130, headRx: 70, shouldersTop: 190, shouldersCy: 300, shouldersRy: 120 });
    const p = findPortrait(card);
    expect(p).not.toBeNull();
    expect(p!.x0).toBeLessThan(120);
    expect(p!.score).toBeGreaterThan(0);
    expect(findPortrait(rotate180(card))!.score).toBeLessThan(0);
  });

  it('takes in the photo\'s pale backdrop above the head, but not the text above the photo', () => {
    // the photo x 70..319, y 200..519: its backdrop 20 levels darker than the paper (too pale to count as
    // dark: the dark rows start at the head, ~60 lower)
    const card = createGray(1200, 757, 235);
    drawPhoto(card, { x0: 70, backdrop: 215, sitter: 60, headRx: 55, shouldersTop: 180, shouldersCy: 290, shouldersRy: 110 });
    // a row of text above it, left-aligned with it
    for (let k = 0; k < 8; k++) for (let y = 150; y < 176; y++) card.data.fill(40, y * 1200 + 80 + 28 * k, y * 1200 + 80 + 28 * k + 18);
    const p = findPortrait(card)!;
    expect(p.y0).toBeLessThanOrEqual(203);
    expect(p.y0).toBeGreaterThan(176);
    expect(p.y1).toBeGreaterThanOrEqual(515);
    expect(p.y1).toBeLessThan(530);
  });

  it('scores a card without a portrait, or with a plain dark block, as undecided', () => {
    const plain = createGray(1200, 757, 230);
    expect(isCardShaped(plain)).toBe(true);
    expect(photoSideScore(plain)).toBe(0);
    expect(isCardShaped(createGray(1200, 900))).toBe(false);
    const block = createGray(1200, 757, 230);
    for (let y = 200; y < 520; y++) block.data.fill(70, y * 1200 + 880, y * 1200 + 1130);
    expect(Math.abs(photoSideScore(block))).toBeLessThan(PORTRAIT_TUNING.decides);
  });
});
