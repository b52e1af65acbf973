import { defineConfig } from 'vite';

// The renderer is a static bundle: served from app://ichimado/ in Electron and by the browser-mode
// host. No dev server is used in production, and nothing is loaded from outside the bundle.
//
// `vite build --mode bench` (scripts/bench-counter.ts) builds the same renderer with the `#bench-form`
// page (import.meta.env.MODE === 'bench' in App.tsx) into bench-results/renderer, outside dist/ so it is
// never packaged; the production build leaves the page out.
export default defineConfig(({ mode }) => ({
  root: 'renderer',
  base: './',
  build: {
    outDir: mode === 'bench' ? '../bench-results/renderer' : '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // inline assets would become data: URLs; keep them files so the CSP stays 'self'
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // two pages: the clerk's app and the resident-facing screen (its own bundle: none of the clerk's screens in it)
    rollupOptions: { input: { main: 'renderer/index.html', resident: 'renderer/resident.html' } },
  },
}));
