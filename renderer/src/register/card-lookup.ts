import { cardLookupQuery } from '../../../common/register/card-lookup';
import type { CardTarget } from '../card/card-store';
import type { ConfirmedCard } from '../card/confirmed-card';
import { useCase } from '../case-store';
import { useRegisterSearch } from './register-search-store';

/**
 * After a confirmed card read has been applied to the case: the register search with the card's 氏名 and
 * 生年月日 (common/register/card-lookup.ts says when). True when exactly one resident matched: their
 * 世帯 is offered (the result list, where one Enter or a click takes it); it is never taken without the
 * clerk. The search fields show what was searched, so the clerk can change it and search again.
 */
export async function lookupFromCard(target: CardTarget, card: ConfirmedCard): Promise<boolean> {
  const d = useCase.getState().draft;
  if (!d || target.kind === 'back') return false;
  // the person the card became: the one read for, or the last added
  const person = target.kind === 'person' ? d.persons[target.index] : d.persons[d.persons.length - 1];
  const q = cardLookupQuery({ event: d.event, relation: person?.relation, householdFromRegister: d.persons.some((p) => p.register), card });
  if (!q) return false;
  return useRegisterSearch.getState().searchFromCard(q.name, q.birthDate);
}

/** The result list the offer is made in (RegisterSearch.tsx), to put the focus on. */
export function offeredList(): HTMLElement | null {
  return document.querySelector<HTMLElement>('ul.rs-results');
}
