// The e2e suite and `npm start` must agree on whether Electron is usable; both use this check.
export { findElectronBinary, repoRoot } from '../../scripts/electron-binary.mjs';
