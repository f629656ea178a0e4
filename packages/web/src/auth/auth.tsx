import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, session } from '../api/client.ts';
import { queryClient } from '../api/query-client.ts';
import type { Role, Session, User } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface Auth {
  /** undefined while GET /auth/me is in flight after a (re)load, null when signed out. */
  user: User | null | undefined;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

const rank: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };
/** The server enforces roles; the dashboard only hides what would be refused. */
export const atLeast = (user: User | null | undefined, role: Role) => !!user && rank[user.role] >= rank[role];

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>();
  const accept = useCallback((s: Session) => {
    session.setToken(s.csrf_token);
    setUser(s.user);
  }, []);
  const signedOut = useCallback(() => {
    session.setToken(null);
    // The next user of this browser must not see the previous one's responses.
    queryClient.clear();
    setUser(null);
  }, []);

  // The server keeps the language the user reads the dashboard in, so what reaches them without the page's
  // Accept-Language (a download link, an error of a later request) speaks it too. Sent only when it differs.
  const { lang } = useI18n();
  useEffect(() => {
    if (!user || user.lang === lang) return;
    api.put<Session>('/api/v1/auth/me', { lang }).then(
      (s) => setUser(s.user),
      (e) => console.error(e),
    );
  }, [user, lang]);

  useEffect(() => {
    session.onUnauthenticated(signedOut);
    // A reload loses the in-memory CSRF token; the session cookie gets it back.
    api.get<Session>('/api/v1/auth/me').then(accept, (e) => {
      if (!(e instanceof ApiError && e.status === 401)) console.error(e);
      signedOut();
    });
  }, [accept, signedOut]);

  const value = useMemo<Auth>(
    () => ({
      user,
      login: async (username, password) =>
        accept(await api.post<Session>('/api/v1/auth/login', { json: { username, password } })),
      logout: async () => {
        await api.post('/api/v1/auth/logout').catch(() => undefined);
        signedOut();
      },
    }),
    [user, accept, signedOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
