/**
 * History routing with real links: every in-app link is an ordinary <a href>, so it opens in a new
 * tab, can be copied and works from the keyboard; plain left clicks on same-origin links are turned
 * into pushState navigations. The server answers index.html for any non-API path.
 */
import { useEffect, useState } from 'preact/hooks';

export interface Location {
  path: string;
  query: URLSearchParams;
  hash: string;
}

const CHANGE = 'newsprism:navigate';

function current(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search), hash: window.location.hash };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.href);
  if (url.origin !== window.location.origin) {
    window.location.assign(url.href);
    return;
  }
  if (options.replace) window.history.replaceState(null, '', url.href);
  else window.history.pushState(null, '', url.href);
  window.dispatchEvent(new Event(CHANGE));
}

export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const update = () => setLocation(current());
    window.addEventListener('popstate', update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  return location;
}

/** Intercepts plain clicks on same-origin, same-window links outside /api/. */
export function installLinkInterception(): void {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor || !anchor.href || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
    // In-page anchors (#section) keep the browser's own behaviour.
    if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return;
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  });
}

/** `/stories/12` → { name: 'story', id: 12 }. */
export type Route = { name: 'stories' } | { name: 'story'; id: number } | { name: 'article'; id: number } | { name: 'add' } | { name: 'queue' } | { name: 'not-found' };

export function matchRoute(path: string): Route {
  const clean = path.replace(/\/+$/, '') || '/';
  if (clean === '/' || clean === '/stories') return { name: 'stories' };
  if (clean === '/add') return { name: 'add' };
  if (clean === '/queue') return { name: 'queue' };
  const story = /^\/stories\/(\d{1,12})$/.exec(clean);
  if (story) return { name: 'story', id: Number(story[1]) };
  const article = /^\/articles\/(\d{1,12})$/.exec(clean);
  if (article) return { name: 'article', id: Number(article[1]) };
  return { name: 'not-found' };
}

/** The query string with some keys changed; null or '' removes a key. */
export function withQuery(location: Location, changes: Record<string, string | number | null>): string {
  const query = new URLSearchParams(location.query);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '') query.delete(key);
    else query.set(key, String(value));
  }
  const qs = query.toString();
  return `${location.path}${qs ? `?${qs}` : ''}`;
}
