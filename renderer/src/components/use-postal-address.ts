import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { PostalCodeAnswer, PostalCodeSuggestion } from '../../../common/contract/address-operations';
import { isOnlyCityPrefix, type CityIdentity } from '../../../common/domain/city';
import { formatPostalCode, parsePostalCode } from '../../../common/validation/postal-code';
import { bridge } from '../bridge/bridge';
import { caretToEnd } from './caret';

/**
 * 郵便番号 ⇄ 住所 for one pair of fields (the household's 住所, 従前の住所, a form's address).
 *
 * 郵便番号 → 住所: once the code has 7 digits (123-4567, １２３－４５６７, 1234567), the address field gets
 * 都道府県+市区町村+町域 — only while it is empty, holds just the city's prefix, or still holds what the last
 * lookup put there: what the clerk typed is never overwritten. A code with several 町域 fills 都道府県+市区町村
 * and offers the 町域 as a pick list. The caret stays at the end of the address: the clerk types the 番地.
 *
 * 住所 → 郵便番号: while the 郵便番号 is empty, an address naming a known 町域 offers its code (Alt+P or a
 * click fills it). Nothing is filled without the clerk.
 */
export interface PostalAddressState {
  /** 「この郵便番号は見つかりません」 for a complete code the master does not know */
  notFound: boolean;
  /** the 町域 to pick from, after `base` (the part the lookup filled) */
  towns: { base: string; list: string[]; picked: string | null } | null;
  /** codes for the address typed (one: Alt+P takes it) */
  codes: string[];
  takeTown(town: string): void;
  takeCode(code: string): void;
  /** on both inputs: Alt+P takes the one suggested code */
  onKeyDown(e: KeyboardEvent<HTMLInputElement>): void;
  /** on the address input: Alt+P, and ↓ into the pick list / suggestion (they are outside the Tab order) */
  onAddressKeyDown(e: KeyboardEvent<HTMLInputElement>): void;
  /** the id of the pick list and suggestion under the address */
  helpId: string;
}

/** a pause while the address is typed before it is looked up */
const SUGGEST_DEBOUNCE_MS = 150;
/** answers kept for addresses typed again (the household step and its forms ask the same) */
const SUGGEST_CACHE_MAX = 100;
const suggestCache = new Map<string, PostalCodeSuggestion>();
const NO_CODES: string[] = [];

export function usePostalAddress({ postal, address, setPostal, setAddress, city, addressId, enabled = true }: {
  postal: string;
  address: string;
  setPostal(v: string): void;
  setAddress(v: string): void;
  city?: CityIdentity | null;
  /** the address input's id: its caret is put after a fill */
  addressId: string;
  /** off for fields shown read-only */
  enabled?: boolean;
}): PostalAddressState {
  const parsed = parsePostalCode(postal);
  const key = enabled && parsed.ok ? parsed.digits : '';
  const [answer, setAnswer] = useState<{ key: string; value: PostalCodeAnswer } | null>(null);
  const [choice, setChoice] = useState<{ key: string; base: string; list: string[] } | null>(null);
  /** what the lookups put in the address field, last */
  const filled = useRef<string | null>(null);
  const latest = useRef({ address, setAddress, city });
  latest.current = { address, setAddress, city };

  const caretAfterFill = () => {
    const el = document.getElementById(addressId);
    if (el instanceof HTMLInputElement && document.activeElement === el) requestAnimationFrame(() => caretToEnd(el));
  };

  useEffect(() => {
    if (!key) return;
    let live = true;
    void bridge.lookupPostalCode({ postalCode: key }).then((r) => {
      if (!live || !r.ok) return;
      const v = r.value;
      setAnswer({ key, value: v });
      const { address: now, setAddress: set, city: c } = latest.current;
      if (!v.address || !(isOnlyCityPrefix(now, c) || now === filled.current)) return;
      filled.current = v.address;
      setChoice(v.towns.length > 0 ? { key, base: v.address, list: v.towns } : null);
      if (now !== v.address) {
        set(v.address);
        caretAfterFill();
      }
    });
    return () => {
      live = false;
    };
    // one lookup per complete code; the address and the setters are read (latest) at its answer
  }, [key]);

  // 住所 → 郵便番号, asked only while the 郵便番号 is empty and something beyond the city's prefix is typed
  const addrKey = enabled && postal.trim() === '' && !isOnlyCityPrefix(address, city) ? address.trim().slice(0, 200) : '';
  const [suggested, setSuggested] = useState<{ key: string; value: PostalCodeSuggestion } | null>(null);
  useEffect(() => {
    if (!addrKey) return;
    const cached = suggestCache.get(addrKey);
    if (cached) return void setSuggested({ key: addrKey, value: cached });
    let live = true;
    const t = setTimeout(() => {
      void bridge.suggestPostalCode({ address: addrKey }).then((r) => {
        if (!r.ok) return;
        if (suggestCache.size >= SUGGEST_CACHE_MAX) suggestCache.delete(suggestCache.keys().next().value!);
        suggestCache.set(addrKey, r.value);
        if (live) setSuggested({ key: addrKey, value: r.value });
      });
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [addrKey]);

  const codes = addrKey && suggested?.key === addrKey ? suggested.value.postalCodes : NO_CODES;
  const towns = choice && choice.key === key && address.startsWith(choice.base) ? { base: choice.base, list: choice.list, picked: pickedTown(address, choice.base, choice.list) } : null;

  const takeCode = (code: string) => setPostal(formatPostalCode(code));
  const takeTown = (town: string) => {
    if (!towns) return;
    // a 町域 picked before is replaced; whatever the clerk typed after it stays
    const rest = address.slice(towns.base.length);
    const old = towns.picked ?? '';
    const next = `${towns.base}${town}${rest.slice(old.length)}`;
    if (address === filled.current) filled.current = next;
    setAddress(next);
    const el = document.getElementById(addressId);
    if (el instanceof HTMLInputElement) {
      el.focus();
      requestAnimationFrame(() => caretToEnd(el));
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!e.altKey || e.code !== 'KeyP' || codes.length !== 1 || e.nativeEvent.isComposing) return;
    e.preventDefault();
    takeCode(codes[0]!);
  };
  const helpId = `${addressId}-help`;
  const onAddressKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    onKeyDown(e);
    if (e.key !== 'ArrowDown' || e.altKey || e.nativeEvent.isComposing || (!towns && codes.length === 0)) return;
    const first = document.getElementById(helpId)?.querySelector('button');
    if (!first) return;
    e.preventDefault();
    first.focus();
  };
  return { notFound: answer !== null && answer.key === key && key !== '' && answer.value.address === '', towns, codes, takeTown, takeCode, onKeyDown, onAddressKeyDown, helpId };
}

/** The 町域 of the list the address continues with after `base` (the longest, when one starts another). */
function pickedTown(address: string, base: string, list: string[]): string | null {
  let found: string | null = null;
  for (const t of list) if (address.startsWith(base + t) && t.length > (found?.length ?? 0)) found = t;
  return found;
}
