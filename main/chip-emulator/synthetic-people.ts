import type { ChipPersonData } from '../../common/chip/mynumber-card-2016-files';

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
