/**
 * Every failure the API reports has one shape, `{ "error": { "code", "message" } }`, and the status
 * that says whose fault it is. A database failure is 503 with code "database" and the one-line
 * cause the CLI would print; anything unexpected is 500 with a generic message (the stack goes to
 * the server's log, never to the client).
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describeStoreError, StoreError } from '../store/open.js';

export type ErrorCode =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'too_large'
  | 'unsupported_media_type'
  | 'internal'
  | 'database'
  /** The request needs the shared queue, and the corpus (an SQLite file) has none. */
  | 'no_queue';

export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 500 | 503;

export function errorBody(code: ErrorCode, message: string) {
  return { error: { code, message } };
}

export function errorResponse(c: Context, status: ErrorStatus, code: ErrorCode, message: string): Response {
  return c.json(errorBody(code, message), status);
}

const HTTP_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'too_large',
  415: 'unsupported_media_type',
};

/** Driver errors carry a code (SQLITE_BUSY, a PostgreSQL SQLSTATE, ECONNREFUSED); plain bugs do not. */
const DRIVER_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|driver has already been destroyed|database connection is not open/i;

export function isStoreFailure(error: unknown): boolean {
  if (error instanceof StoreError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.length > 0) return true;
  return error instanceof Error && DRIVER_MESSAGES.test(error.message);
}

/** Turns anything thrown by a handler into the error shape; `log` receives what the client does not. */
export function handleError(error: unknown, c: Context, target: string, log: (line: string) => void): Response {
  if (error instanceof HTTPException) {
    const status = error.status as ErrorStatus;
    const code = HTTP_CODES[status] ?? (status >= 500 ? 'internal' : 'validation');
    const message = status === 413 ? 'request body too large' : status === 415 ? 'send JSON (application/json) or files (multipart/form-data)' : error.message || 'bad request';
    return errorResponse(c, HTTP_CODES[status] ? status : status >= 500 ? 500 : 400, code, message);
  }
  if (isStoreFailure(error)) {
    const failure = describeStoreError(error, target);
    log(`newsprism serve: ${c.req.method} ${c.req.path}: ${failure.message}`);
    return errorResponse(c, 503, 'database', failure.message);
  }
  log(`newsprism serve: ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return errorResponse(c, 500, 'internal', 'internal error');
}
