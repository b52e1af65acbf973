/**
 * The operation names alone, free of zod, so the sandboxed preload bundle stays small.
 * operations.ts checks at compile time that its schemas cover exactly these names.
 */
export const OPERATION_NAMES = [
  'getAppInfo',
  'submitApplication',
  'getApplication',
  'cancelApplication',
  'listQueue',
  'getQueueStats',
  'getSyncStatus',
  'syncNow',
  'createCase',
  'getCase',
  'updateCase',
  'listCases',
  'runNavigator',
  'listForms',
  'getCaseForms',
  'submitCase',
  'discardCase',
  'renderPrint',
  'renderApplicationPrint',
  'printNative',
  'getOcrStatus',
  'readCard',
  'listScannerImages',
  'readScannerImage',
  'discardScannerImage',
  // the card's IC chip over PC/SC (chip-operations.ts)
  'chipReaders',
  'startChipRead',
  'chipSessionState',
  'getChipPinRequest',
  'submitChipPin',
  'cancelChipRead',
  'suggestNameReadings',
  // 郵便番号 ⇄ 住所 (address-operations.ts)
  'lookupPostalCode',
  'suggestPostalCode',
  // 住民基本台帳 lookups (register-operations.ts)
  'searchResidents',
  'getRegisterHousehold',
  // clerk accounts, screen lock and the audit trail (account-operations.ts)
  'getSession',
  'signIn',
  'signOut',
  'lock',
  'noteActivity',
  'unlock',
  'createFirstAdmin',
  'createAccount',
  'listAccounts',
  'revealMyNumber',
  'listAuditLog',
  // the clerk's side of the resident-facing screen (resident-operations.ts)
  'getResidentScreen',
  'openResidentWindow',
  'showResidentConfirm',
  'clearResidentDisplay',
  'askResidentPhone',
  'awaitResidentPhone',
  'endResidentPhone',
  // the demo's fault drills and reset (training-operations.ts)
  'getDrills',
  'setDrill',
  'sendReturnNow',
  'restoreDrills',
  'resetDemo',
  'listSampleCards',
  'getDemoChipCards',
  'putDemoChipCard',
  'getSampleCard',
] as const;
export type OperationName = (typeof OPERATION_NAMES)[number];

export function isOperationName(name: string): name is OperationName {
  return (OPERATION_NAMES as readonly string[]).includes(name);
}
