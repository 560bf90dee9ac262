/**
 * A small typed client for the JSON API. Same origin, so the auth cookie (when the server uses a
 * token) travels by itself. Every error becomes an ApiError carrying the server's code and message.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ApiErrorBody, Job } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | null | undefined>;

/** `/api/stories?limit=20&outlet=…` with empty values left out. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api/${path}${qs ? `?${qs}` : ''}`;
}

async function parse<T>(response: Response): Promise<T> {
  const type = response.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const error = (body as ApiErrorBody | null)?.error;
    throw new ApiError(response.status, error?.code ?? 'http', error?.message ?? `The server answered ${response.status} ${response.statusText}`.trim());
  }
  if (body === null) throw new ApiError(response.status, 'format', 'The server did not answer with JSON');
  return body as T;
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' }, credentials: 'same-origin' });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'Cannot reach the newsprism server');
  }
  return parse<T>(response);
}

/** A JSON POST to the API (same origin); the answer parsed, errors as ApiError. */
export async function postJson<T>(url: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach the newsprism server');
  }
  return parse<T>(response);
}

export type PageInput = { text: string; name?: string; published?: string } | { html: string; name?: string; published?: string } | { url: string; published?: string };

export async function postPages(input: PageInput | FormData): Promise<Job> {
  if (!(input instanceof FormData)) return (await postJson<{ job: Job }>('/api/pages', input)).job;
  let response: Response;
  try {
    response = await fetch('/api/pages', { method: 'POST', body: input, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach the newsprism server');
  }
  const { job } = await parse<{ job: Job }>(response);
  return job;
}

export interface Loaded<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
}

/** Fetches `url` (null: nothing yet) and refetches whenever it changes; stale answers are dropped. */
export function useApi<T>(url: string | null): Loaded<T> {
  const [state, setState] = useState<Loaded<T> & { url: string | null }>({ data: null, error: null, loading: url !== null, url });
  useEffect(() => {
    if (url === null) {
      setState({ data: null, error: null, loading: false, url });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ data: s.url === url ? s.data : null, error: null, loading: true, url }));
    getJson<T>(url, controller.signal).then(
      (data) => setState({ data, error: null, loading: false, url }),
      (error: Error) => {
        if (error.name !== 'AbortError') setState({ data: null, error, loading: false, url });
      },
    );
    return () => controller.abort();
  }, [url]);
  // Until the effect runs for a new URL, report it as loading rather than showing the old data.
  if (state.url !== url) return { data: null, error: null, loading: url !== null };
  return state;
}

/** Runs at most `size` lazy requests at once (sparklines, graph inputs): bounded load on the server. */
export function limiter(size: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    if (active >= size) return;
    const start = waiting.shift();
    if (start) {
      active++;
      start();
    }
  };
  return function run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      waiting.push(() => {
        task()
          .then(resolve, reject)
          .finally(() => {
            active--;
            next();
          });
      });
      next();
    });
  };
}
