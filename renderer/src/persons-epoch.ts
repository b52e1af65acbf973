import type { StateCreator } from 'zustand';

/**
 * "Person i" of the open case, and when it stops meaning the same person.
 *
 * Something asked for person i and answered later (the resident's 電話番号, typed on the resident screen
 * while the clerk goes on) must reach whoever it was asked for, or nobody. The case store's `personsEpoch`
 * moves exactly when index i may now denote someone else; the asker keeps the epoch of its asking and drops
 * a late answer when the two differ.
 *
 * Who a person is: `draftId`, given by the store's setter (trackPersonsEpoch below) to every person that
 * enters the list without one. An edit made as `{ ...p, field }` carries it along, so typing in a field, a
 * card read onto person i or the 個人番号 from their card leave person i who they were. Anything built anew
 * (a case loaded, the register's 世帯 taken) has no id yet and so is a new person; a copy of someone already
 * in the list is also a new person (an id is never held twice).
 *
 * The epoch moves when a person who was at index i is no longer at index i: removed (the list got shorter,
 * everyone after moved up), replaced, or reordered. It does not move when persons are only appended at the
 * end (whoever was i still is), nor when one is edited — otherwise every keystroke would end a pending
 * request. Because it is decided inside the store's one setter, from the list before and after, no action can
 * change the persons and forget it, not even a direct `useCase.setState`.
 */
export interface PersonIdentity {
  /** who this is while the case is open: kept through edits, never saved (draftToData picks its fields) */
  readonly draftId?: number;
}

interface EpochState {
  draft: { persons: readonly PersonIdentity[] } | null;
  /** moves whenever "person i" may denote someone else (see above); never set by an action itself */
  personsEpoch: number;
}

let lastDraftId = 0;

/** The list with an id on everyone: a person without one, or holding one already seen earlier in the list, is given a fresh one. */
export function withDraftIds<P extends PersonIdentity>(persons: readonly P[]): P[] {
  const seen = new Set<number>();
  let changed = false;
  const keyed = persons.map((p) => {
    if (p.draftId !== undefined && !seen.has(p.draftId)) {
      seen.add(p.draftId);
      return p;
    }
    changed = true;
    const draftId = ++lastDraftId;
    seen.add(draftId);
    return { ...p, draftId };
  });
  return changed ? keyed : (persons as P[]);
}

/** Whether index i may now denote another person than before: someone before is gone from their index (removed, replaced, moved). */
export function personsMoved(before: readonly PersonIdentity[], after: readonly PersonIdentity[]): boolean {
  if (after.length < before.length) return true;
  return before.some((p, i) => after[i]!.draftId !== p.draftId);
}

/**
 * The store's one setter (zustand middleware): every change of state, from an action or from outside
 * (`setState`), passes here; a change of the persons gets its ids and, when persons moved, the next epoch.
 * An epoch an action sets itself is ignored: it is derived here only.
 */
export function trackPersonsEpoch<T extends EpochState>(config: StateCreator<T, [], []>): StateCreator<T, [], []> {
  return (set, get, api) => {
    const apply = (partial: T | Partial<T> | ((state: T) => T | Partial<T>), replace?: boolean) => {
      const before = get();
      const patch = typeof partial === 'function' ? partial(before) : partial;
      if (patch === before) return; // an action that changed nothing (zustand would not notify either)
      const next = { ...patch };
      delete next.personsEpoch;
      if ('draft' in patch && patch.draft !== before.draft) {
        const was = before.draft?.persons ?? [];
        const persons = patch.draft ? withDraftIds(patch.draft.persons) : [];
        if (patch.draft && persons !== patch.draft.persons) next.draft = { ...patch.draft, persons } as T['draft'];
        next.personsEpoch = personsMoved(was, persons) ? before.personsEpoch + 1 : before.personsEpoch;
      } else if (replace) {
        next.personsEpoch = before.personsEpoch;
      }
      if (replace) set(next as T, true);
      else set(next);
    };
    const tracked = apply as typeof set;
    api.setState = tracked;
    return config(tracked, get, api);
  };
}
