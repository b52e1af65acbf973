/**
 * The one Content-Security-Policy for the app page, in Electron and in browser mode alike:
 * only the app's own bundled scripts, styles and fonts; no inline script, no eval, no remote
 * anything (counter PCs have no internet, and an injected script must have nowhere to go).
 */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' blob: mediastream:",
  // browser mode prints a PDF the services made by showing its blob: URL in a hidden frame (renderer/src/print)
  "frame-src blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
