import i18n from '../i18n';
import type { Problem, ProblemFieldError } from './types';

/**
 * A failed API call. `title` and field `message`s come from the server's problem+json body in
 * the language we asked for (Accept-Language); network failures and non-problem bodies get a
 * local, translated title.
 *
 * @example
 *   try { await api('/api/units', { method: 'POST', body }) }
 *   catch (e) { if (e instanceof ApiError && e.status === 409) … }
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors: ProblemFieldError[];
  readonly retryAfterSeconds?: number;
  readonly problem?: Problem;

  constructor(status: number, problem: Partial<Problem> & { title: string; code: string }) {
    super(problem.title);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.retryAfterSeconds =
      typeof problem.retryAfterSeconds === 'number' ? problem.retryAfterSeconds : undefined;
    this.problem = problem as Problem;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

let csrfToken: string | null = null;

/** Remember the CSRF token from login or `GET /api/auth/me`; sent on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Listener = (error: ApiError) => void;
const unauthorizedListeners = new Set<Listener>();

/**
 * Called when a request (other than the auth endpoints themselves) comes back 401: the session
 * has ended on the server. The app uses it to send the user to the sign-in page.
 */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

type ExpiryListener = (expiresAt: string, response: Response) => void;
const expiryListeners = new Set<ExpiryListener>();

/**
 * Called with the `x-session-expires-at` header of every API response that has it. The server
 * slides the session on use, so this keeps the session-timeout warning in step with activity
 * on any screen (not only with `GET /api/auth/me`).
 */
export function onSessionExpiry(listener: ExpiryListener): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}

function reportSessionExpiry(response: Response) {
  const expiresAt = response.headers.get('x-session-expires-at');
  if (!expiresAt || !Number.isFinite(Date.parse(expiresAt))) return;
  for (const listener of expiryListeners) listener(expiresAt, response);
}

export type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=2` from an object, leaving out empty values; '' when nothing is left. */
export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Internal: set on the one retry after a stale CSRF token. */
  csrfRetried?: boolean;
}

export interface ApiResult<T> {
  data: T;
  response: Response;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The language the user chose, for Accept-Language (server titles and messages follow it). */
function acceptLanguage(): string {
  const lang = i18n.resolvedLanguage ?? i18n.language ?? 'da';
  return lang.startsWith('en') ? 'en, da;q=0.5' : 'da, en;q=0.5';
}

/**
 * Call Spire's API and return the parsed body with the raw response.
 * Same-origin cookies; `x-csrf-token` on state-changing requests; JSON in and out.
 */
export async function apiWithResponse<T>(path: string, options: RequestOptions = {}): Promise<ApiResult<T>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': acceptLanguage(),
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if ((cause as Error)?.name === 'AbortError') throw cause;
    throw new ApiError(0, { code: 'network', title: i18n.t('errors.network') });
  }

  reportSessionExpiry(response);

  if (response.ok) {
    if (response.status === 204 || response.headers.get('content-length') === '0') {
      return { data: undefined as T, response };
    }
    const type = response.headers.get('content-type') ?? '';
    const data = type.includes('json') ? await response.json() : await response.text();
    return { data: data as T, response };
  }

  const error = await toApiError(response);
  if (error.status === 403 && error.code === 'auth.csrf' && !options.csrfRetried && path !== '/api/auth/me') {
    // The token went stale (e.g. the session was renewed in another tab): fetch a fresh one and try once more.
    try {
      const me = await apiWithResponse<{ csrfToken?: string }>('/api/auth/me');
      if (me.data?.csrfToken) {
        csrfToken = me.data.csrfToken;
        return apiWithResponse<T>(path, { ...options, csrfRetried: true });
      }
    } catch {
      // fall through to the original error
    }
  }
  if (error.status === 401 && !path.startsWith('/api/auth/')) {
    for (const listener of unauthorizedListeners) listener(error);
  }
  throw error;
}

/** Like {@link apiWithResponse}, but only the body. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await apiWithResponse<T>(path, options)).data;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const retryHeader = Number(response.headers.get('retry-after'));
  if (body && typeof body === 'object' && typeof (body as Problem).title === 'string') {
    const problem = body as Problem;
    return new ApiError(response.status, {
      ...problem,
      code: typeof problem.code === 'string' ? problem.code : `http.${response.status}`,
      retryAfterSeconds:
        typeof problem.retryAfterSeconds === 'number'
          ? problem.retryAfterSeconds
          : Number.isFinite(retryHeader) && retryHeader > 0
            ? retryHeader
            : undefined,
    });
  }
  return new ApiError(response.status, {
    code: `http.${response.status}`,
    title: i18n.t('errors.http', { status: response.status }),
    retryAfterSeconds: Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined,
  });
}
