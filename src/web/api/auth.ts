import { api, apiWithResponse } from './client';
import type { MeResponse, Me, SessionInfo } from './types';

export interface LoginResponse {
  user: Me;
  csrfToken: string;
  session: SessionInfo;
}

/** Where the session deadline is in *this* browser's clock (corrected for server clock skew). */
export interface SessionClock {
  /** Local epoch ms at which the session ends. */
  expiresAtLocal: number;
  warnBeforeSeconds?: number;
}

/**
 * Turn the server's `expiresAt` into a local deadline. The server's `Date` header tells us its
 * clock at the time of the response, so a laptop whose clock is a few minutes off still gets the
 * warning at the right time.
 */
export function toSessionClock(session: SessionInfo, response?: Response): SessionClock {
  const expires = Date.parse(session.expiresAt);
  const serverNow = response ? Date.parse(response.headers.get('date') ?? '') : Number.NaN;
  const now = Date.now();
  let expiresAtLocal = expires;
  // The Date header only has whole seconds; trust it when it disagrees by more than 5 s.
  if (Number.isFinite(serverNow) && Math.abs(serverNow - now) > 5000) {
    expiresAtLocal = now + (expires - serverNow);
  }
  return { expiresAtLocal, warnBeforeSeconds: session.warnBeforeSeconds };
}

export async function fetchMe(): Promise<{ me: MeResponse; clock: SessionClock }> {
  const { data, response } = await apiWithResponse<MeResponse>('/api/auth/me');
  return { me: data, clock: toSessionClock(data.session, response) };
}

export async function login(username: string, password: string) {
  const { data, response } = await apiWithResponse<LoginResponse>('/api/auth/login', {
    method: 'POST',
    body: { username, password },
  });
  return { me: data, clock: toSessionClock(data.session, response) };
}

export async function refreshSession(): Promise<SessionClock> {
  const { data, response } = await apiWithResponse<{ session: SessionInfo }>('/api/auth/refresh', {
    method: 'POST',
  });
  return toSessionClock(data.session, response);
}

export function logout(): Promise<void> {
  return api<void>('/api/auth/logout', { method: 'POST' });
}
