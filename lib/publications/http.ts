// HTTP for the open-data API: a strong ETag over the body, public caching, CORS open for reading
// and the licence in a Link header on every answer. Standard Web Response, no Next imports.
import { createHash } from 'node:crypto';
import { LICENCE } from './methodology';

export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match, Accept',
  'Access-Control-Expose-Headers': 'ETag, Link, Content-Disposition',
  'Access-Control-Max-Age': '86400',
} as const;

export const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';
const MAX_AGE = 300;
const STALE = 86400;

/**
 * Cache-Control for a public answer that may change at `changesAt` (the next scheduled release):
 * a browser or a proxy may keep it, and serve it stale, only until then, never past the minute.
 */
export function cacheControlUntil(changesAt: Date | null, now: Date): string {
  if (!changesAt) return CACHE_CONTROL;
  const seconds = Math.floor((changesAt.getTime() - now.getTime()) / 1000);
  if (seconds >= MAX_AGE + STALE) return CACHE_CONTROL;
  if (seconds > MAX_AGE) return `public, max-age=${MAX_AGE}, stale-while-revalidate=${seconds - MAX_AGE}`;
  if (seconds > 0) return `public, max-age=${seconds}, must-revalidate`;
  return 'public, max-age=0, must-revalidate';
}

export function etagOf(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((candidate) => candidate.trim().replace(/^W\//, ''))
    .some((candidate) => candidate === etag || candidate === '*');
}

export interface BodyOptions {
  contentType: string;
  /** the body's ETag when it was computed once and cached with the body */
  etag?: string;
  filename?: string;
  cacheControl?: string;
}

/** 200 with the body, or 304 when the client already holds this exact representation. */
export function cachedResponse(request: Request, body: string | Uint8Array, options: BodyOptions): Response {
  const etag = options.etag ?? etagOf(body);
  const headers = new Headers({
    ...CORS_HEADERS,
    ETag: etag,
    'Cache-Control': options.cacheControl ?? CACHE_CONTROL,
    Link: `<${LICENCE.url}>; rel="license"`,
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
  });
  if (matches(request.headers.get('if-none-match'), etag))
    return new Response(null, { status: 304, headers });
  headers.set('Content-Type', options.contentType);
  if (options.filename) headers.set('Content-Disposition', `attachment; filename="${options.filename}"`);
  return new Response(body as BodyInit, { status: 200, headers });
}

export function jsonResponse(request: Request, data: unknown, cacheControl?: string): Response {
  return cachedResponse(request, JSON.stringify(data), {
    contentType: 'application/json; charset=utf-8',
    cacheControl,
  });
}

export function csvResponse(
  request: Request,
  csv: string,
  filename?: string,
  cacheControl?: string,
): Response {
  return cachedResponse(request, csv, { contentType: 'text/csv; charset=utf-8', filename, cacheControl });
}

export function errorResponse(
  status: 400 | 404,
  error: string,
  message: string,
  cacheControl = 'public, max-age=60',
): Response {
  return new Response(JSON.stringify({ error, message }), {
    status,
    headers: {
      ...CORS_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': cacheControl,
      Link: `<${LICENCE.url}>; rel="license"`,
    },
  });
}

export function optionsResponse(): Response {
  return new Response(null, { status: 204, headers: { ...CORS_HEADERS, Allow: 'GET, HEAD, OPTIONS' } });
}

/** `?format=` : json (default) or csv; anything else is a 400. */
export function formatOf(request: Request): 'json' | 'csv' | null {
  const format = new URL(request.url).searchParams.get('format') ?? 'json';
  return format === 'json' || format === 'csv' ? format : null;
}
