import fs from 'node:fs';
import { DEFAULT_REGISTER_MAPPING, RegisterMappingSchema, type RegisterMapping } from '../../../common/register/register-mapping';

export class RegisterMappingError extends Error {}

/**
 * A city's mapping file (`register.mappingFile`): the resource paths, scopes and item names of its register
 * owner's API. Checked at load; the error names the file and each wrong key. Absent → the default.
 */
export function loadRegisterMapping(file: string | undefined): RegisterMapping {
  if (!file) return DEFAULT_REGISTER_MAPPING;
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    const why = err instanceof SyntaxError ? 'JSON として読めません' : `読めません（${(err as NodeJS.ErrnoException).code ?? 'error'}）`;
    throw new RegisterMappingError(`住基照会の対応表 ${file} が${why}`);
  }
  const r = RegisterMappingSchema.safeParse(json);
  if (!r.success) {
    const where = r.error.issues.map((i) => i.path.join('.') || '(全体)').join(', ');
    throw new RegisterMappingError(`住基照会の対応表 ${file} の項目が正しくありません: ${where}`);
  }
  return r.data;
}
