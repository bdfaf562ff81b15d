// Hash routing (#/map, #/admin/orgs/12, #/admin/audit?entity=org&entity_id=3): the server serves
// index.html for every non-API path, and the hash keeps all routing in the browser.

export interface Route {
  /** Path segments after '#/', e.g. ['admin', 'orgs', '12']. */
  segments: string[];
  query: URLSearchParams;
}

export const DEFAULT_HASH = '#/map';
export const LOGIN_HASH = '#/login';

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const [path, queryText = ''] = body.split('?', 2);
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { segments, query: new URLSearchParams(queryText) };
}

export function currentRoute(): Route {
  return parseHash(location.hash);
}

export function navigate(hash: string): void {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

export function buildHash(path: string, query?: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return `#/${path}${text ? `?${text}` : ''}`;
}

export function startRouter(onRoute: (route: Route) => void): void {
  window.addEventListener('hashchange', () => onRoute(currentRoute()));
  onRoute(currentRoute());
}
