import type { ChipPersonData } from '../../common/chip/mynumber-card-2016-files';
import { eraForIso } from '../../common/validation/wareki';
import { myNumberCheckDigit } from '../../common/validation/my-number';

/**
 * The people the virtual card can be: synthetic (no real person), chosen to exercise what OCR gets wrong —
 * variant kanji (髙, 﨑), an IVS sequence, a long address — with valid 個人番号 check digits.
 * `face` is what the card's face shows, from which 照合番号B is built.
 */
export interface VirtualPerson extends ChipPersonData {
  id: string;
  myNumber: string;
  face: { birthWareki: string; expiryYear: string; securityCode: string };
}

export const VIRTUAL_PEOPLE: readonly VirtualPerson[] = [
  {
    id: 'takasaki',
    name: '髙﨑\u3000葛\u{E0100}子',
    address: '東京都千代田区一番町１２\uFF0D３\uFF0D４０５',
    birthDate: '19800217',
    sexCode: '2',
    myNumber: '537686677188',
    face: { birthWareki: '550217', expiryYear: '2035', securityCode: '2285' },
  },
  {
    id: 'kokutou',
    // the public test card's holder (soltia48/myna-card fixtures); synthetic
    name: '黒桐\u3000幹也',
    address: '東京都清瀬市観布子南１２\uFF0D７\uFF0D２０２',
    birthDate: '19800217',
    sexCode: '1',
    myNumber: '123456789018',
    face: { birthWareki: '550217', expiryYear: '2034', securityCode: '1234' },
  },
  {
    id: 'yamada',
    name: '山田\u3000太郎',
    address: '北海道札幌市中央区北一条西二丁目１番地　札幌マンション１０１号',
    birthDate: '20010401',
    sexCode: '1',
    myNumber: '111111111118',
    face: { birthWareki: '130401', expiryYear: '2031', securityCode: '9876' },
  },
];

export function virtualPerson(id: string): VirtualPerson | undefined {
  return VIRTUAL_PEOPLE.find((p) => p.id === id);
}

/** what a caller may give for a person of its own (`card {"person":{…}}`): the chip's fields and the number */
export interface SyntheticPersonInput {
  id?: string;
  name: string;
  address: string;
  birthDate: string;
  sexCode: string;
  myNumber: string;
  face?: Partial<VirtualPerson['face']>;
}

/**
 * A caller's own synthetic person (the bench's family, a trainer's case), checked so that the card holds what a
 * real one could: family U+3000 given, a YYYYMMDD birth date, a JIS X 0303 sex code, 12 digits with a valid check
 * digit. The face (for 照合番号B) defaults to what the card's face would show: the birth date as 和暦 YYMMDD.
 */
export function syntheticPerson(raw: unknown): { ok: true; person: VirtualPerson } | { ok: false; message: string } {
  if (typeof raw !== 'object' || raw === null) return { ok: false, message: 'person: not an object' };
  const p = raw as Partial<SyntheticPersonInput>;
  const str = (v: unknown): v is string => typeof v === 'string';
  if (!str(p.name) || !/^[^\u3000]+\u3000[^\u3000]+$/u.test(p.name)) return { ok: false, message: 'person.name: family U+3000 given' };
  if (!str(p.address) || p.address.length === 0) return { ok: false, message: 'person.address: empty' };
  if (!str(p.birthDate) || !/^\d{8}$/.test(p.birthDate)) return { ok: false, message: 'person.birthDate: YYYYMMDD' };
  const iso = `${p.birthDate.slice(0, 4)}-${p.birthDate.slice(4, 6)}-${p.birthDate.slice(6)}`;
  const era = eraForIso(iso);
  if (!era) return { ok: false, message: 'person.birthDate: not a date of an era' };
  if (!str(p.sexCode) || !['0', '1', '2', '9'].includes(p.sexCode)) return { ok: false, message: 'person.sexCode: 0, 1, 2 or 9' };
  if (!str(p.myNumber) || !/^\d{12}$/.test(p.myNumber) || myNumberCheckDigit(p.myNumber.slice(0, 11)) !== Number(p.myNumber[11])) return { ok: false, message: 'person.myNumber: 12 digits with a valid check digit' };
  const eraYear = Number(iso.slice(0, 4)) - Number(era.start.slice(0, 4)) + 1;
  const face = { birthWareki: `${String(eraYear).padStart(2, '0')}${p.birthDate.slice(4)}`, expiryYear: String(new Date().getFullYear() + 5), securityCode: '0000', ...p.face };
  return { ok: true, person: { id: str(p.id) ? p.id : 'custom', name: p.name, address: p.address, birthDate: p.birthDate, sexCode: p.sexCode, myNumber: p.myNumber, face } };
}
