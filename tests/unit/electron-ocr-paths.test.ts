import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelDir } from '../../main/electron/ocr-paths';

/** The packaged app reads the OCR model from resources/ocr/jpn (packaging/electron-builder.yml extraResources). */
describe('modelDir', () => {
  it('uses resources/ocr/jpn when the model is there', () => {
    const res = path.join('C:', 'Program Files', 'ichimado', 'resources');
    const seen: string[] = [];
    expect(modelDir(res, (p) => (seen.push(p), p.endsWith('jpn.traineddata.gz')))).toBe(path.join(res, 'ocr', 'jpn'));
    expect(seen[0]).toBe(path.join(res, 'ocr', 'jpn', 'jpn.traineddata.gz'));
  });
  it('falls back (null) outside a packaged app', () => {
    expect(modelDir(undefined)).toBeNull();
    expect(modelDir('/nowhere', () => false)).toBeNull();
  });
});
