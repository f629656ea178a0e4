import { Spin } from 'antd';
import { Suspense } from 'react';
import { matchPath, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from './auth/auth.tsx';
import { ANSWER_PATH, AnswerPage, LoginPage, routes } from './routes.ts';
import { Shell } from './shell.tsx';

/**
 * A survey link's answer page for anyone, signed in or not, without the dashboard's frame; otherwise, signed
 * out: the login page at any address (the address survives, so a reload after login lands there).
 */
export function App() {
  const { user } = useAuth();
  const { pathname } = useLocation();
  if (matchPath(ANSWER_PATH, pathname))
    return (
      <Suspense fallback={<Spin fullscreen />}>
        <Routes>
          <Route path={ANSWER_PATH} element={<AnswerPage />} />
        </Routes>
      </Suspense>
    );
  if (user === undefined) return <Spin fullscreen />;
  if (user === null) {
    return (
      <Suspense fallback={<Spin fullscreen />}>
        <LoginPage />
      </Suspense>
    );
  }
  return (
    <Shell>
      <Routes>
        {Object.entries(routes).map(([key, r]) => (
          <Route key={key} path={r.path} element={<r.Page />} />
        ))}
      </Routes>
    </Shell>
  );
}
