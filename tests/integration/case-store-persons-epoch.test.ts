import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../main/services/app-services';
import type { AppServices } from '../../main/services/app-services.types';
import { bindOperations } from '../../common/contract/bridge';
import type { RegisterHousehold } from '../../common/contract/register-operations';
import type { ConfirmedCard } from '../../renderer/src/card/confirmed-card';
import { tempDir } from '../support/processes';
import { signInServices } from '../support/sign-in';
import { qrCardBack } from '../support/cards/qr-card';

/**
 * The case store's personsEpoch ("person i" may now be someone else: a late 電話番号 asked for person i is
 * dropped) as the household step moves it: the store's own actions, run against the services in this process
 * (real SQLite; the bridge calls their dispatch directly, as the preload's IPC does), with no DOM.
 * Every action that removes or replaces persons moves it; editing a field, a card read onto a person, the
 * 個人番号 from their card and appending do not; and a change of the persons from anywhere — an action that
 * does not know about the epoch, a direct setState — moves it when it must, since the store's setter decides.
 */
let services: AppServices;
let store: typeof import('../../renderer/src/case-store');

const TAKAHASHI: RegisterHousehold = {
  persons: [
    { residentCode: '10000000008', householdNumber: '00001003', name: '髙橋 正雄', kana: 'タカハシ マサオ', birthDate: '1944-03-15', sexCode: '1', sex: '男', relationship: '世帯主', address: '山梨県甲府市相生三丁目5番6号' },
    { residentCode: '10000000009', householdNumber: '00001003', name: '髙橋 トメ', kana: 'タカハシ トメ', birthDate: '1947-07-07', sexCode: '2', sex: '女', relationship: '妻', address: '山梨県甲府市相生三丁目5番6号' },
  ],
  statuses: [],
};
const CHILD_CARD: ConfirmedCard = { familyName: '中川', givenName: '翔', familyNameKana: 'なかがわ', givenNameKana: 'しょう', birthDate: '2016-05-05', sex: '男', address: '' };
const ON_CARD = '537686677188';

beforeAll(async () => {
  services = await createAppServices({ dataDir: tempDir('persons-epoch'), host: 'browser', appVersion: 'test', backendUrl: 'http://127.0.0.1:9', log: () => {}, ocr: 'lazy' });
  await signInServices(services);
  // the renderer's bridge takes window.ichimado when there is one (Electron's preload): here, the services' dispatch
  (globalThis as { window?: unknown }).window = { ichimado: bindOperations((op, input) => services.dispatch(op, input)) };
  store = await import('../../renderer/src/case-store');
});
afterAll(async () => {
  await services?.close();
  delete (globalThis as { window?: unknown }).window;
});

const state = () => store.useCase.getState();
const epoch = () => state().personsEpoch;
const ids = () => state().draft!.persons.map((p) => p.draftId);
/** runs `act` and says by how much the epoch moved */
async function moved(act: () => unknown): Promise<number> {
  const before = epoch();
  await act();
  return epoch() - before;
}

describe('case store: personsEpoch moves exactly when "person i" may be someone else', () => {
  it('editing a field, a card read onto a person, the 個人番号 from their card and appending keep it; every person has an id of their own', async () => {
    await state().newCase();
    expect(state().draft?.persons).toHaveLength(1);
    const at = epoch();
    expect(await moved(() => state().patchPerson(0, { familyName: '中川', givenName: '勇気', birthRaw: '昭和30年1月1日', phone: '0312345678' }))).toBe(0);
    expect(await moved(() => state().patchPerson(0, { familyNameKana: 'なかがわ' }))).toBe(0);
    expect(await moved(() => state().patchDraft({ event: '転入', dateRaw: '1' }))).toBe(0);
    expect(await moved(() => state().addPerson('子'))).toBe(0);
    expect(await moved(() => state().applyCard({ kind: 'person', index: 1 }, CHILD_CARD))).toBe(0);
    expect(await moved(() => state().applyCard({ kind: 'new-person' }, { ...CHILD_CARD, givenName: '葵', birthDate: '2018-06-06', sex: '女' }))).toBe(0);
    const read = await services.dispatch('readCard', { readId: 'back-yuki', image: (await qrCardBack(ON_CARD)).toString('base64'), side: 'back' });
    expect(read).toMatchObject({ ok: true });
    expect(await moved(() => state().applyMyNumber(0, { readId: 'back-yuki', myNumber: ON_CARD }))).toBe(0);
    expect(state().draft!.persons.map((p) => [p.givenName, p.myNumber])).toEqual([['勇気', ON_CARD], ['翔', ''], ['葵', '']]);
    expect(epoch()).toBe(at);
    expect(new Set(ids()).size).toBe(3);
    expect(ids().every((id) => typeof id === 'number')).toBe(true);
  });

  it('removing a person moves it (everyone after moves up), the last one too', async () => {
    const [first, , third] = ids();
    expect(await moved(() => state().removePerson(1))).toBe(1);
    expect(ids()).toEqual([first, third]);
    expect(await moved(() => state().removePerson(1))).toBe(1);
    expect(ids()).toEqual([first]);
  });

  it('taking the register’s 世帯, loading a case (resume), a new visit over an open one and closing the case move it', async () => {
    const caseId = state().current!.id;
    expect(await moved(() => state().applyRegister('10000000008', TAKAHASHI))).toBe(1);
    expect(state().draft!.persons.map((p) => p.givenName)).toEqual(['正雄', 'トメ', '勇気']);
    expect(await moved(() => state().resume(caseId))).toBe(1);
    expect(state().draft!.persons.map((p) => p.givenName)).toEqual(['正雄', 'トメ', '勇気']);
    expect(await moved(() => state().newCase())).toBe(1);
    expect(await moved(() => state().closeCase())).toBe(1);
    expect(state().draft).toBeNull();
    // nobody was anyone before a case was open: nothing can have been asked for
    expect(await moved(() => state().resume(caseId))).toBe(0);
  });

  it('the point: a change of the persons that says nothing about the epoch (a new action, a direct setState) cannot forget it', async () => {
    const draft = () => state().draft!;
    // reordered
    expect(await moved(() => store.useCase.setState({ draft: { ...draft(), persons: [...draft().persons].reverse() } }))).toBe(1);
    // the same number of persons, built anew (e.g. from another source): someone else at each index
    expect(await moved(() => store.useCase.setState({ draft: { ...draft(), persons: draft().persons.map(({ draftId: _id, ...p }) => ({ ...p })) } }))).toBe(1);
    // one replaced in place by a copy of another: person 0 is someone else now
    expect(await moved(() => store.useCase.setState({ draft: { ...draft(), persons: [{ ...draft().persons[1]! }, ...draft().persons.slice(1)] } }))).toBe(1);
    expect(new Set(ids()).size).toBe(ids().length);
    // a function-form update, as the actions write them
    expect(await moved(() => store.useCase.setState((s) => ({ draft: { ...s.draft!, persons: s.draft!.persons.slice(1) } })))).toBe(1);
    // an epoch set by hand is not the store's: it is derived only
    const at = epoch();
    store.useCase.setState({ personsEpoch: at - 5 });
    expect(epoch()).toBe(at);
    store.useCase.setState({ draft: { ...draft(), persons: [...draft().persons, { ...draft().persons[0]!, draftId: undefined }] }, personsEpoch: at + 7 });
    expect(epoch()).toBe(at);
    // the whole state replaced keeps the derived epoch too
    store.useCase.setState({ ...state(), personsEpoch: 0 }, true);
    expect(epoch()).toBe(at);
  });
});
