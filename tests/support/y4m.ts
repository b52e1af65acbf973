import fs from 'node:fs';
import sharp from 'sharp';

/**
 * A YUV4MPEG2 (.y4m) file for Chromium's fake camera (`--use-file-for-fake-video-capture=<file>`): the
 * image's pixels (sharp, raw RGB) converted to 4:2:0 (BT.601, studio range) and repeated for a few
 * frames; Chromium loops the file. Width and height are made even, as 4:2:0 needs.
 */
export async function writeY4m(image: Buffer | string, file: string, opts: { width?: number; frames?: number; fps?: number } = {}): Promise<{ width: number; height: number }> {
  let img = sharp(image).removeAlpha();
  if (opts.width) img = img.resize({ width: opts.width });
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  const w = info.width & ~1;
  const h = info.height & ~1;
  const y = Buffer.alloc(w * h);
  const u = Buffer.alloc((w / 2) * (h / 2));
  const v = Buffer.alloc((w / 2) * (h / 2));
  const px = (x: number, yy: number) => {
    const i = (yy * info.width + x) * info.channels;
    return [data[i]!, data[i + 1]!, data[i + 2]!] as const;
  };
  for (let yy = 0; yy < h; yy++) {
    for (let x = 0; x < w; x++) {
      const [r, g, b] = px(x, yy);
      y[yy * w + x] = Math.round(16 + 0.257 * r + 0.504 * g + 0.098 * b);
    }
  }
  for (let yy = 0; yy < h; yy += 2) {
    for (let x = 0; x < w; x += 2) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const p = px(x + dx, yy + dy);
        r += p[0];
        g += p[1];
        b += p[2];
      }
      r /= 4;
      g /= 4;
      b /= 4;
      const k = (yy / 2) * (w / 2) + x / 2;
      u[k] = Math.round(128 - 0.148 * r - 0.291 * g + 0.439 * b);
      v[k] = Math.round(128 + 0.439 * r - 0.368 * g - 0.071 * b);
    }
  }
  const frames = opts.frames ?? 3;
  const out = fs.openSync(file, 'w');
  try {
    fs.writeSync(out, `YUV4MPEG2 W${w} H${h} F${opts.fps ?? 10}:1 Ip A1:1 C420jpeg\n`);
    for (let f = 0; f < frames; f++) {
      fs.writeSync(out, 'FRAME\n');
      fs.writeSync(out, y);
      fs.writeSync(out, u);
      fs.writeSync(out, v);
    }
  } finally {
    fs.closeSync(out);
  }
  return { width: w, height: h };
}
