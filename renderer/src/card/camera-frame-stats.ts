/** Mean absolute difference from the previous sample and contrast of a small grey copy of the frame. */
export function frameStats(ctx: CanvasRenderingContext2D, video: HTMLVideoElement, prev: Uint8Array | null): { gray: Uint8Array; diff: number; std: number } {
  const w = ctx.canvas.width;
  const h = ctx.canvas.height;
  ctx.drawImage(video, 0, 0, w, h);
  const px = ctx.getImageData(0, 0, w, h).data;
  const gray = new Uint8Array(w * h);
  let sum = 0;
  let sq = 0;
  let diff = 0;
  for (let i = 0; i < w * h; i++) {
    // ITU-R BT.601 luma weights in 1/256ths
    const g = (px[i * 4]! * 77 + px[i * 4 + 1]! * 150 + px[i * 4 + 2]! * 29) >> 8;
    gray[i] = g;
    sum += g;
    sq += g * g;
    if (prev) diff += Math.abs(g - prev[i]!);
  }
  const n = w * h;
  const mean = sum / n;
  return { gray, diff: prev ? diff / n : 255, std: Math.sqrt(Math.max(0, sq / n - mean * mean)) };
}
