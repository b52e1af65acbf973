import type { Page } from 'playwright-core';
import type { Rng } from './random';
import { CARD_H, CARD_W } from './card-html';

/** phone: a phone photo at arm's length: the card small in the frame, warm room light, a glare spot, often upside down */
export type Look = 'flat' | 'scanner' | 'camera' | 'phone';

const NOISE_SVG = (seed: number, opacity: number): string =>
  `<svg style="position:absolute;inset:0;width:100%;height:100%;pointer-events:none;opacity:${opacity};mix-blend-mode:multiply">
    <filter id="n"><feTurbulence type="fractalNoise" baseFrequency="0.9" numOctaves="2" seed="${seed}"/><feColorMatrix type="saturate" values="0"/></filter>
    <rect width="100%" height="100%" filter="url(#n)"/></svg>`;

const DESKS = [
  'repeating-linear-gradient(92deg,#6b4a2b 0 7px,#7a5533 7px 19px,#5e3f24 19px 23px)', // wood
  'linear-gradient(160deg,#5a5f66,#3d4147)', // grey laminate
  'repeating-linear-gradient(0deg,#2f5d46 0 39px,#3c6e55 39px 40px),#2f5d46', // cutting mat
  'radial-gradient(circle at 30% 30%,#8a8f93,#4d5257)',
];

/** Renders one card face in the chosen look and returns encoded image bytes. */
export async function renderCard(page: Page, card: string, look: Look, rng: Rng, upsideDown: boolean): Promise<{ bytes: Buffer; ext: 'png' | 'jpg' }> {
  let w: number;
  let h: number;
  let html: string;
  let scale = 1;
  if (look === 'flat') {
    w = CARD_W;
    h = CARD_H;
    scale = rng.range(1.0, 1.4);
    html = `<div style="transform:rotate(${upsideDown ? 180 : 0}deg)">${card}</div>`;
  } else if (look === 'scanner') {
    w = 1200;
    h = 800;
    scale = rng.range(1.0, 1.3);
    const rot = rng.range(-4, 4) + (upsideDown ? 180 : 0);
    html = `<div style="position:absolute;inset:0;background:#fbfbf8"></div>
      <div style="position:absolute;left:${rng.int(40, 280)}px;top:${rng.int(40, 200)}px;transform:rotate(${rot}deg);box-shadow:0 0 3px rgba(0,0,0,.35);border-radius:32px">${card}</div>
      ${NOISE_SVG(rng.int(1, 999), rng.range(0.04, 0.12))}`;
  } else if (look === 'phone') {
    // a larger frame than the document camera's: the card fills about a third of its width
    w = 1600;
    h = 1200;
    const rz = rng.range(-12, 12) + (upsideDown ? 180 : 0);
    const s = rng.range(0.6, 0.8);
    const warm = `rgba(255,${rng.int(150, 190)},${rng.int(60, 110)},${rng.range(0.12, 0.3).toFixed(2)})`;
    html = `<div style="position:absolute;inset:0;background:${rng.pick(DESKS)}"></div>
      <div style="position:absolute;left:${372 + rng.int(-250, 250)}px;top:${330 + rng.int(-200, 200)}px;transform:perspective(${rng.int(800, 1400)}px) rotateZ(${rz}deg) rotateX(${rng.range(-14, 14)}deg) rotateY(${rng.range(-14, 14)}deg) scale(${s});filter:blur(${rng.range(0.2, 1.0)}px);box-shadow:3px 5px 12px rgba(0,0,0,.5);border-radius:32px">${card}</div>
      <div style="position:absolute;inset:0;background:${warm};mix-blend-mode:multiply"></div>
      <div style="position:absolute;inset:0;background:radial-gradient(ellipse ${rng.int(60, 160)}px ${rng.int(40, 110)}px at ${rng.int(25, 75)}% ${rng.int(25, 75)}%,rgba(255,255,250,${rng.range(0.45, 0.8).toFixed(2)}),rgba(255,255,250,0) 100%);mix-blend-mode:screen"></div>
      ${NOISE_SVG(rng.int(1, 999), rng.range(0.1, 0.22))}`;
  } else {
    w = 1280;
    h = 960;
    const rz = (rng.chance(0.3) ? rng.range(-180, 180) : rng.range(-25, 25)) + (upsideDown ? 180 : 0);
    const rx = rng.range(-18, 18);
    const ry = rng.range(-18, 18);
    const s = rng.range(0.7, 0.9); // the whole card stays in frame at any rotation
    const blur = rng.range(0, 1.1);
    html = `<div style="position:absolute;inset:0;background:${rng.pick(DESKS)}"></div>
      <div style="position:absolute;left:${212 + rng.int(-40, 40)}px;top:${210 + rng.int(-40, 40)}px;transform:perspective(${rng.int(900, 1600)}px) rotateZ(${rz}deg) rotateX(${rx}deg) rotateY(${ry}deg) scale(${s});filter:blur(${blur}px);box-shadow:4px 6px 14px rgba(0,0,0,.5);border-radius:32px">${card}</div>
      <div style="position:absolute;inset:0;background:radial-gradient(circle at ${rng.int(0, 100)}% ${rng.int(0, 100)}%,rgba(255,255,240,.18),rgba(0,0,0,.18))"></div>
      ${NOISE_SVG(rng.int(1, 999), rng.range(0.08, 0.2))}`;
  }
  await page.setViewportSize({ width: w, height: h });
  await page.setContent(`<!doctype html><html><body style="margin:0;width:${w}px;height:${h}px;position:relative;overflow:hidden">${html}</body></html>`);
  // string expressions: this file is also type-checked without the DOM library (scripts/bench-ocr.ts)
  await page.evaluate('document.fonts.ready.then(() => undefined)');
  // deviceScaleFactor is fixed per context, so scale with CSS zoom instead
  if (scale !== 1) {
    await page.evaluate(`document.body.style.zoom = '${scale}'`);
    await page.setViewportSize({ width: Math.round(w * scale), height: Math.round(h * scale) });
  }
  const jpeg = look === 'camera' || look === 'phone' || rng.chance(0.5);
  const bytes = await page.screenshot({ type: jpeg ? 'jpeg' : 'png', quality: jpeg ? (look === 'phone' ? rng.int(50, 80) : rng.int(55, 90)) : undefined, fullPage: false });
  return { bytes, ext: jpeg ? 'jpg' : 'png' };
}
