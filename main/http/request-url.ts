import type http from 'node:http';

/**
 * The path and query of a request, or null when its target is not a URL path at all (`//`, `//x:y`
 * parse as a URL with an empty or bad host and make `new URL` throw). Only pathname and searchParams
 * are meant to be read: the base is a placeholder, the Host header is checked on its own.
 */
export function requestUrl(req: http.IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://request.invalid');
  } catch {
    return null;
  }
}
