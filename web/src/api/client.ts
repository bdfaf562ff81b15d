// fetch wrapper for the CitySafe API: cookie auth, JSON bodies, problem+json errors.
import type { Page, Problem } from './types';

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly field?: string;

  constructor(status: number, problem: Partial<Problem>) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title ?? '';
    this.detail = problem.detail ?? problem.title ?? '';
    this.field = problem.field;
  }
}

/** Network failures (server down, connection reset) are reported with status 0. */
export const NETWORK_ERROR_STATUS = 0;

let onUnauthenticated: (() => void) | null = null;

/** Called whenever a request other than login answers 401. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** For requests made outside api() (uploads through XMLHttpRequest) that answered 401. */
export function notifyUnauthenticated(): void {
  onUnauthenticated?.();
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' }
        : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError(NETWORK_ERROR_STATUS, { detail: String(err) });
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && !path.endsWith('/auth/login')) onUnauthenticated?.();
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function readProblem(response: Response): Promise<Partial<Problem>> {
  try {
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : {};
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<Problem>) : {};
  } catch {
    return { status: response.status };
  }
}

export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export function getPage<T>(path: string, params: Record<string, string | number | undefined | null>,
  cursor?: string | null, limit = 50): Promise<Page<T>> {
  return api<Page<T>>('GET', withQuery(path, { ...params, limit, cursor: cursor ?? undefined }));
}

/** Follows next_cursor up to maxItems; used where the UI needs the whole set (the org tree). */
export async function getAll<T>(path: string, params: Record<string, string | number | undefined> = {},
  maxItems = 5000): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await getPage<T>(path, params, cursor, 500);
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && items.length < maxItems);
  return { items, truncated: cursor !== null };
}
