import { defineConfig } from 'vite';

// The renderer is a static bundle: served from app://ichimado/ in Electron and by the browser-mode
// host. No dev server is used in production, and nothing is loaded from outside the bundle.
export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // inline assets would become data: URLs; keep them files so the CSP stays 'self'
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
