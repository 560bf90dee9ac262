/**
 * What every request passes before it reaches a route: security headers on every answer, the
 * token (when the server has one), a Host check that defeats DNS rebinding on a loopback server
 * without a token, and an Origin check that refuses cross-site writes.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import ipaddr from 'ipaddr.js';
import { errorResponse } from './errors.js';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'self'";

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export const TOKEN_COOKIE = 'newsprism_token';
export const MIN_TOKEN_LENGTH = 16;

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  };
}

/** Whether an address to bind (or a Host header's name) is loopback only. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (!ipaddr.isValid(bare)) return false;
  const address = ipaddr.process(bare);
  return address.range() === 'loopback';
}

/** The host name of a Host header value ("127.0.0.1:8080", "[::1]:80", "example.org"). */
function hostName(header: string): string {
  const ipv6 = /^\[([^\]]+)\]/.exec(header);
  if (ipv6) return ipv6[1]!;
  return header.replace(/:\d+$/, '');
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function sameToken(given: string | undefined | null, expected: Buffer): boolean {
  if (!given) return false;
  return timingSafeEqual(digest(given), expected);
}

function requestHost(c: Context): string {
  return c.req.header('host') ?? new URL(c.req.url).host;
}

/**
 * With a token every request must carry it: `Authorization: Bearer <token>`, or the cookie set
 * when a page is opened once as `/?token=<token>` (the browser's first visit; the server then
 * redirects to the same URL without the token, so it stays out of history and logs).
 * Without a token (loopback only) the Host header must name a loopback host, so a web page on
 * another site cannot reach this server through a DNS name rebound to 127.0.0.1.
 */
export function access(token: string | null): MiddlewareHandler {
  const expected = token ? digest(token) : null;
  return async (c, next) => {
    if (!expected) {
      if (!isLoopback(hostName(requestHost(c)))) return errorResponse(c, 403, 'forbidden', 'this server only answers requests addressed to localhost (start it with --token to serve other hosts)');
    } else {
      const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
      const fromQuery = c.req.query('token');
      if (!sameToken(bearer, expected) && !sameToken(getCookie(c, TOKEN_COOKIE), expected)) {
        if (!sameToken(fromQuery, expected)) {
          c.header('WWW-Authenticate', 'Bearer realm="newsprism"');
          return errorResponse(c, 401, 'unauthorized', 'this server needs its token: send Authorization: Bearer <token>, or open /?token=<token> once in the browser');
        }
        setCookie(c, TOKEN_COOKIE, fromQuery!, { httpOnly: true, sameSite: 'Strict', path: '/' });
        if (c.req.method === 'GET' && !c.req.path.startsWith('/api/')) {
          const url = new URL(c.req.url);
          url.searchParams.delete('token');
          return c.redirect(`${url.pathname}${url.search}`, 302);
        }
      }
    }
    await next();
  };
}

/** A write must come from this server's own pages: a foreign Origin is refused (CSRF). */
export function sameOriginWrites(): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
      const origin = c.req.header('origin');
      if (origin !== undefined) {
        const host = URL.canParse(origin) ? new URL(origin).host : null;
        if (host === null || host !== requestHost(c)) return errorResponse(c, 403, 'forbidden', 'cross-site request refused');
      }
      const fetchSite = c.req.header('sec-fetch-site');
      if (fetchSite === 'cross-site') return errorResponse(c, 403, 'forbidden', 'cross-site request refused');
    }
    await next();
  };
}
