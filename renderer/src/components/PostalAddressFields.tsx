import type { KeyboardEvent } from 'react';
import type { CityIdentity } from '../../../common/domain/city';
import { formatPostalCode } from '../../../common/validation/postal-code';
import { continueAfterTab } from './caret';
import { usePostalAddress, type PostalAddressState } from './use-postal-address';
import '../names/reading-chips.css';
import './postal-address.css';

export const POSTAL_NOT_FOUND = 'この郵便番号は見つかりません';

/** Under the 郵便番号: a quiet note (a status, not an error) when the code is complete but unknown. */
export function PostalHint({ pair }: { pair: PostalAddressState }) {
  return (
    <p className="hint postal-hint" role="status">
      {pair.notFound ? POSTAL_NOT_FOUND : ''}
    </p>
  );
}

/**
 * Under the address: the 町域 of a code that has several, and the 郵便番号 of the address typed. Outside the
 * Tab order (Tab goes from the address to the next field as ever): ↓ from the address enters them, ←/→ move,
 * Enter takes one, Esc or ↑ goes back; focus then returns to the address with the caret at its end.
 */
export function AddressHelp({ pair, addressId, label }: { pair: PostalAddressState; addressId: string; label: string }) {
  const { towns, codes } = pair;
  if (!towns && codes.length === 0) return null;
  const back = () => document.getElementById(addressId)?.focus();
  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const all = [...(e.currentTarget.closest('.address-help')?.querySelectorAll('button') ?? [])];
    const i = all.indexOf(e.currentTarget);
    const go = (j: number) => {
      e.preventDefault();
      all[(j + all.length) % all.length]?.focus();
    };
    if (e.key === 'ArrowRight') go(i + 1);
    else if (e.key === 'ArrowLeft') go(i - 1);
    else if (e.key === 'Escape' || e.key === 'ArrowUp') {
      e.preventDefault();
      back();
    }
  };
  const takeCode = (c: string) => {
    pair.takeCode(c);
    back();
  };
  return (
    <div className="address-help" id={pair.helpId}>
      {towns && (
        <div className="town-chips" role="group" aria-label={`${label}の町域の候補（↓で選択）`} data-testid="town-chips">
          {towns.list.map((t) => (
            <button key={t} type="button" tabIndex={-1} className={towns.picked === t ? 'reading-chip on' : 'reading-chip'} aria-pressed={towns.picked === t} aria-label={`町域「${t}」を入れる`} onClick={() => pair.takeTown(t)} onKeyDown={onKey}>
              {t}
            </button>
          ))}
          <span className="reading-hint" aria-hidden="true">↓で候補</span>
        </div>
      )}
      {codes.length === 1 && (
        <p className="postal-suggest">
          <button type="button" tabIndex={-1} className="pick" aria-keyshortcuts="Alt+P" onClick={() => takeCode(codes[0]!)} onKeyDown={onKey}>
            郵便番号 〒{formatPostalCode(codes[0]!)} を入れる（Alt+P）
          </button>
        </p>
      )}
      {codes.length > 1 && (
        <p className="postal-suggest" role="group" aria-label="住所から見た郵便番号の候補">
          <span className="hint">郵便番号の候補：</span>
          {codes.map((c) => (
            <button key={c} type="button" tabIndex={-1} className="pick" aria-label={`郵便番号 〒${formatPostalCode(c)} を入れる`} onClick={() => takeCode(c)} onKeyDown={onKey}>
              〒{formatPostalCode(c)}
            </button>
          ))}
        </p>
      )}
    </div>
  );
}

/**
 * The household step's 郵便番号 and 住所 (or 従前の住所) inputs, with the lookups between them. Same markup as
 * the step's other text fields; the address continues a prefilled start (Tab leaves the caret after it).
 */
export function PostalAddressFields({ postalId, addressId, postalLabel, addressLabel, postal, address, onPostal, onAddress, city }: {
  postalId: string;
  addressId: string;
  postalLabel: string;
  addressLabel: string;
  postal: string;
  address: string;
  onPostal(v: string): void;
  onAddress(v: string): void;
  city: CityIdentity | null;
}) {
  const pair = usePostalAddress({ postal, address, setPostal: onPostal, setAddress: onAddress, city, addressId });
  const helps = pair.towns || pair.codes.length > 0;
  return (
    <>
      <div className="field">
        <label htmlFor={postalId}>{postalLabel}</label>
        <input id={postalId} type="text" value={postal} placeholder="123-4567" autoComplete="off" spellCheck={false} onChange={(e) => onPostal(e.target.value)} onKeyDown={pair.onKeyDown} />
        <PostalHint pair={pair} />
      </div>
      <div className="field kind-address">
        <label htmlFor={addressId}>{addressLabel}</label>
        <input
          id={addressId}
          type="text"
          value={address}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onAddress(e.target.value)}
          onKeyUp={continueAfterTab}
          onKeyDown={pair.onAddressKeyDown}
          aria-describedby={helps ? pair.helpId : undefined}
          aria-keyshortcuts={helps ? (pair.codes.length === 1 ? 'ArrowDown Alt+P' : 'ArrowDown') : undefined}
        />
        <AddressHelp pair={pair} addressId={addressId} label={addressLabel} />
      </div>
    </>
  );
}
