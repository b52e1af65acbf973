/** What the card dialog hands to the visit case once the clerk has checked and confirmed a read. */

/** A card's front as the clerk confirmed it. */
export interface ConfirmedCard {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  /** ISO date or '' */
  birthDate: string;
  sex: '男' | '女' | '';
  address: string;
}

/** A number read from a card's back, as the clerk confirms it: the services hold the digits under `readId`. */
export interface CardNumberRead {
  myNumber: string;
  readId: string;
}
