import type { FormDefinition } from './form-definition';
import { loadFormDefinitions } from './form-schema';
import { juminIdoTenkyo } from './jumin-ido-tenkyo';
import { juminhyoKoufu, juminIdoSetaiHenko, juminIdoTenkyoSetai, juminIdoTennyu, juminIdoTenshutsu, mynumberCardTsuiki } from './defs/jumin';
import { inkanHaishi, inkanToroku } from './defs/inkan';
import { kokuhoHenko, kokuhoShikakuShutoku, kokuhoShikakuSoshitsu, kokuhoSousaihi } from './defs/kokuho';
import { kokuminNenkinHihokensha, nenkinMishikyu } from './defs/nenkin';
import { jidouTeateJushoHenko, jidouTeateNintei, jidouTeateShoumetsu } from './defs/jidou-teate';
import { kaigoShikakuIdo, kaigoShikakuSoshitsu, koukiShikakuShutoku, koukiShikakuSoshitsu, koukiSousaihi } from './defs/kaigo-kouki';
import { kodomoIryoJukyu, shugakuTennyugaku } from './defs/children';
import { kosekiKonin, kosekiShibou, kosekiShussei } from './defs/koseki';

/**
 * Every built-in form, checked against the form schema when this module loads: a broken
 * definition stops the app at start-up with the form id and field named, never at the counter.
 */
export const FORMS: readonly FormDefinition[] = loadFormDefinitions([
  juminIdoTenkyo,
  juminIdoTennyu,
  juminIdoTenshutsu,
  juminIdoTenkyoSetai,
  juminIdoSetaiHenko,
  juminhyoKoufu,
  mynumberCardTsuiki,
  inkanToroku,
  inkanHaishi,
  kokuhoShikakuShutoku,
  kokuhoShikakuSoshitsu,
  kokuhoHenko,
  kokuhoSousaihi,
  kokuminNenkinHihokensha,
  nenkinMishikyu,
  jidouTeateNintei,
  jidouTeateJushoHenko,
  jidouTeateShoumetsu,
  kaigoShikakuIdo,
  kaigoShikakuSoshitsu,
  koukiShikakuShutoku,
  koukiShikakuSoshitsu,
  koukiSousaihi,
  shugakuTennyugaku,
  kodomoIryoJukyu,
  kosekiShussei,
  kosekiShibou,
  kosekiKonin,
]);

export function findForm(id: string): FormDefinition | undefined {
  return FORMS.find((f) => f.id === id);
}
