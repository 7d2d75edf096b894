import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { fetchMe, login, logout, refreshSession, type SessionClock, toSessionClock } from './api/auth';
import { ApiError, onSessionExpiry, onUnauthorized, setCsrfToken } from './api/client';
import type { Me } from './api/types';

/** Why the user landed on the sign-in page; shown there as a message. */
export type SignOutReason = 'user' | 'expired';

export interface SignInLocationState {
  reason?: SignOutReason;
  from?: string;
}

interface AuthSnapshot {
  user: Me;
  clock: SessionClock;
}

interface AuthContextValue {
  status: 'loading' | 'signedIn' | 'signedOut' | 'error';
  user: Me | null;
  clock: SessionClock | null;
  error: unknown;
  /** Why the last session ended in this tab (shown on the sign-in page); null after signing in. */
  signOutReason: SignOutReason | null;
  retry: () => void;
  signIn: (username: string, password: string) => Promise<Me>;
  signOut: (reason: SignOutReason) => Promise<void>;
  extendSession: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export const meKey = ['auth', 'me'] as const;

/**
 * Who is signed in, from `GET /api/auth/me` (401 → signed out), and the actions that change it.
 * Keeps the CSRF token for the API client and the session deadline for the timeout dialog.
 * Must sit inside the router (it navigates to the sign-in page when the session ends).
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();

  const query = useQuery<AuthSnapshot | null>({
    queryKey: meKey,
    queryFn: async () => {
      try {
        const { me, clock } = await fetchMe();
        setCsrfToken(me.csrfToken);
        return { user: me.user, clock };
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw e;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
    refetchOnWindowFocus: false,
  });

  const [signOutReason, setSignOutReason] = useState<SignOutReason | null>(null);
  const locationRef = useRef(location);
  locationRef.current = location;

  /** Forget everything about the signed-in user and go to the sign-in page. */
  const endSession = useCallback(
    (reason: SignOutReason) => {
      setSignOutReason(reason);
      setCsrfToken(null);
      queryClient.cancelQueries();
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      queryClient.setQueryData(meKey, null);
      const here = locationRef.current;
      const from =
        reason === 'expired' && here.pathname !== '/log-ind' ? `${here.pathname}${here.search}` : undefined;
      const state: SignInLocationState = { reason, from };
      navigate(from ? `/log-ind?next=${encodeURIComponent(from)}` : '/log-ind', { replace: true, state });
    },
    [navigate, queryClient],
  );

  const signedIn = Boolean(query.data);
  useEffect(() => {
    if (!signedIn) return;
    // Any API call answered 401 means the server ended the session.
    return onUnauthorized(() => endSession('expired'));
  }, [signedIn, endSession]);

  useEffect(() => {
    if (!signedIn) return;
    // Every API response says when the (sliding) session now ends: keep the warning in step with use.
    return onSessionExpiry((expiresAt, response) => {
      queryClient.setQueryData<AuthSnapshot | null>(meKey, (old) => {
        if (!old) return old;
        const clock = toSessionClock({ expiresAt, warnBeforeSeconds: old.clock.warnBeforeSeconds }, response);
        // Ignore jitter from the Date header's whole seconds; only real moves re-time the dialog.
        if (Math.abs(clock.expiresAtLocal - old.clock.expiresAtLocal) < 2000) return old;
        return { ...old, clock };
      });
    });
  }, [signedIn, queryClient]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const { me, clock } = await login(username, password);
      setCsrfToken(me.csrfToken);
      setSignOutReason(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      queryClient.setQueryData<AuthSnapshot>(meKey, { user: me.user, clock });
      return me.user;
    },
    [queryClient],
  );

  const signOut = useCallback(
    async (reason: SignOutReason) => {
      try {
        await logout();
      } catch {
        // The session may already be gone on the server; we sign out locally either way.
      }
      endSession(reason);
    },
    [endSession],
  );

  const extendSession = useCallback(async () => {
    const clock = await refreshSession();
    queryClient.setQueryData<AuthSnapshot | null>(meKey, (old) => (old ? { ...old, clock } : old));
  }, [queryClient]);

  const value = useMemo<AuthContextValue>(
    () => ({
      status: query.isPending ? 'loading' : query.isError ? 'error' : query.data ? 'signedIn' : 'signedOut',
      user: query.data?.user ?? null,
      clock: query.data?.clock ?? null,
      error: query.error,
      signOutReason,
      retry: () => void query.refetch(),
      signIn,
      signOut,
      extendSession,
    }),
    [
      query.isPending,
      query.isError,
      query.data,
      query.error,
      query.refetch,
      signOutReason,
      signIn,
      signOut,
      extendSession,
    ],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user; only for screens behind <RequireAuth>. */
export function useMe(): Me {
  const { user } = useAuth();
  if (!user) throw new Error('useMe used on a screen that does not require sign-in');
  return user;
}
