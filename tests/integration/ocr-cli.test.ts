import { describe, expect, it } from 'vitest';
import { runCli } from '../support/processes';

describe('cli ocr --json', () => {
  it('prints one JSON line per image, in order, and keeps going after a bad one', async () => {
    const files = ['tests/fixtures/cards/card-101-0000-current-flat.jpg', 'package.json', 'no/such/file.png'];
    const { stdout, code } = await runCli(['ocr', '--json', ...files], 110_000);
    expect(code).toBe(1); // two of the three failed
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.file)).toEqual(files);
    const first = lines[0] as { layout: string; ms: number; fields: Record<string, { value: unknown; confidence: number }> };
    expect(first.layout).toBe('current');
    expect(typeof first.ms).toBe('number');
    expect(Object.keys(first.fields).sort()).toEqual(['address', 'birthDate', 'expiryDate', 'name', 'nameKana', 'sex']);
    expect(first.fields.birthDate).toMatchObject({ value: '1941-10-16' });
    expect(first.fields.name!.value).toBe('中川\u3000勇気');
    expect(lines[1]!.error).toMatch(/画像/);
    expect(lines[2]!.error).toMatch(/見つかりません/);
  }, 120_000); // its own OCR worker pool: far more than the 30 s default on a loaded machine
});
